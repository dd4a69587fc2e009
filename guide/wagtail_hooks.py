from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Tool
from .reports import OverdueServicesPanel, ServiceReviewReportView


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "doc-full"
    menu_label = _("Verktøy")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "document", "locale"]
    search_fields = ["title", "description"]


register_snippet(ToolViewSet)


@hooks.register("register_admin_urls")
def register_service_review_report_urls():
    return [
        path(
            "rapporter/hjelpetilbud-gjennomgang/",
            ServiceReviewReportView.as_view(),
            name="guide_service_review_report",
        ),
        path(
            "rapporter/hjelpetilbud-gjennomgang/resultater/",
            ServiceReviewReportView.as_view(results_only=True),
            name="guide_service_review_report_results",
        ),
    ]


class ServiceReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["change", "publish"])


@hooks.register("register_reports_menu_item")
def register_service_review_report_menu_item():
    return ServiceReviewMenuItem(
        _("Hjelpetilbud som må gjennomgås"),
        reverse("guide_service_review_report"),
        name="service-review",
        icon_name="time",
        order=1150,
    )


@hooks.register("construct_homepage_panels")
def add_overdue_services_panel(request, panels):
    if PagePermissionPolicy().user_has_any_permission(request.user, ["change", "publish"]):
        panels.append(OverdueServicesPanel(request))
