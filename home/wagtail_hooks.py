from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import BaseViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import editor_guide  # noqa: F401 - registers the guide URLs and Help menu
from .editorial import hooks as editorial_hooks  # noqa: F401
from .feedback import hooks as feedback_hooks  # noqa: F401
from .links import hooks as link_check_hooks  # noqa: F401
from .machine_translation import hooks as machine_translation_hooks  # noqa: F401
from .models import SiteProfile, SynonymGroup


class SiteProfileViewSet(SnippetViewSet):
    model = SiteProfile
    icon = "site"
    menu_label = _("Nettstedsprofil")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["municipality_name", "locale"]


register_snippet(SiteProfileViewSet)


class SynonymGroupViewSet(SnippetViewSet):
    """Editors keep the words the search treats as one, per language."""

    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonymer i søket")
    menu_order = 910
    add_to_settings_menu = True
    list_display = ["__str__", "locale"]


register_snippet(SynonymGroupViewSet)


def refuse_logged_in_outsiders(restrictions, request):
    """A logged-in user who fails a login/group restriction gets 403, not another login form.

    Wagtail's own check answers every failed login/group restriction with a login redirect,
    which loops for users who are already logged in (wagtail#4297)."""
    if not request.user.is_authenticated:
        return
    for restriction in restrictions:
        if restriction.restriction_type in (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS) and (
            not restriction.accept_request(request)
        ):
            raise PermissionDenied


@hooks.register("before_serve_page", order=-1)
def forbid_restricted_page(page, request, serve_args, serve_kwargs):
    refuse_logged_in_outsiders(page.get_view_restrictions(), request)


@hooks.register("before_serve_document", order=-1)
def forbid_restricted_document(document, request):
    refuse_logged_in_outsiders(document.collection.get_view_restrictions(), request)
