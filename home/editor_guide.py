"""The portal's editor guide (docs/redaktorveiledning.md) inside the admin, behind «Hjelp».

Wagtail's Help menu points at Wagtail's English guide and release notes on wagtail.org; editors
need ours, in Norwegian, with its screenshots. The Markdown is the repository's own, so it is
rendered as written (raw HTML included) with Python-Markdown; the screenshots in docs/img are
served next to it, so the guide's relative `img/…` links work unchanged. Both URLs are admin
URLs: Wagtail's admin access check sends anyone not signed in to the login page."""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

import markdown
from markdown.extensions.toc import slugify_unicode

GUIDE = Path(settings.BASE_DIR) / "docs" / "redaktorveiledning.md"
IMAGES = GUIDE.parent / "img"
# Wagtail's own help items that lead to its English guide and release notes.
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


def render_guide() -> str:
    # slugify_unicode keeps «å» in the ids, as the guide's table of contents links them.
    converter = markdown.Markdown(
        extensions=["tables", "attr_list", "toc"], extension_configs={"toc": {"slugify": slugify_unicode}}
    )
    return converter.convert(GUIDE.read_text(encoding="utf-8"))


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editor_guide.html"
    page_title = _("Redaktørveiledning")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "guide": mark_safe(render_guide())}  # noqa: S308 - our own docs


def guide_image(request, name):
    image = IMAGES / name
    if image.parent != IMAGES or image.suffix != ".png" or not image.is_file():
        raise Http404
    return FileResponse(image.open("rb"), content_type="image/png")


@hooks.register("register_admin_urls")
def register_editor_guide_urls():
    return [
        path("veiledning/", EditorGuideView.as_view(), name="editor_guide"),
        path("veiledning/img/<str:name>", guide_image, name="editor_guide_image"),
    ]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        _("Redaktørveiledning"), reverse("editor_guide"), icon_name="help", order=1000, name="portal-guide"
    )


@hooks.register("construct_help_menu")
def hide_wagtails_english_guide(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]
