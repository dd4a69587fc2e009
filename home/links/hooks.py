"""Admin URL, report menu item and dashboard panel of the link checker. Imported from
`home/wagtail_hooks.py`."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from home.editorial.hooks import ReportMenuItem
from home.editorial.views import can_see_reports

from . import views


@hooks.register("register_admin_urls")
def register_link_check_urls():
    return [
        path("rapporter/lenker/", views.BrokenLinksView.as_view(), name="link_check_report"),
        path(
            "rapporter/lenker/resultater/",
            views.BrokenLinksView.as_view(results_only=True),
            name="link_check_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_link_check_report():
    return ReportMenuItem(_("Brutte lenker"), reverse("link_check_report"), icon_name="link", order=52)


class BrokenLinksPanel(Component):
    name = "link_check"
    template_name = "links/panels/broken_links.html"
    order = 250

    def get_context_data(self, parent_context):
        return {"count": views.broken_links().count(), "report_url": reverse("link_check_report")}


@hooks.register("construct_homepage_panels")
def add_link_check_panel(request, panels):
    if can_see_reports(request.user):
        panels.append(BrokenLinksPanel())
