"""Editors' report: services whose facts nobody has checked for 12 months, and a dashboard panel."""

import datetime

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import PageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ServicePage

REVIEW_INTERVAL_DAYS = 365
DASHBOARD_ROWS = 10


def review_deadline(today: datetime.date | None = None) -> datetime.date:
    """Services last reviewed before this date are overdue."""
    return (today or datetime.date.today()) - datetime.timedelta(days=REVIEW_INTERVAL_DAYS)


def overdue_services(user):
    """Services the user may edit whose last review is more than 12 months ago, oldest first."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return (
        ServicePage.objects.filter(pk__in=editable.values("pk"), last_reviewed__lt=review_deadline())
        .select_related("locale")
        .order_by("last_reviewed", "title")
    )


class ServiceReviewReportView(PageReportView):
    page_title = _("Hjelpetilbud som må gjennomgås")
    header_icon = "time"
    index_url_name = "guide_service_review_report"
    index_results_url_name = "guide_service_review_report_results"
    results_template_name = "guide/admin/service_review_report_results.html"
    any_permission_required = ["change", "publish"]
    list_export = ["title", "provider", "last_reviewed", "locale"]
    export_headings = {
        "title": _("Navn"),
        "provider": _("Tjenesten som gir tilbudet"),
        "last_reviewed": _("Sist gjennomgått"),
        "locale": _("Språk"),
    }

    def get_queryset(self):
        return overdue_services(self.request.user)


class OverdueServicesPanel(Component):
    name = "overdue_services"
    template_name = "guide/admin/overdue_services_panel.html"
    order = 150

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        services = overdue_services(self.request.user)
        return {
            "services": list(services[:DASHBOARD_ROWS]),
            "total": services.count(),
            "request": self.request,
        }
