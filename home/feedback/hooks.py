"""Admin URLs, the report menu item and the dashboard panel. Imported from `home/wagtail_hooks.py`."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from home.editorial.hooks import ReportMenuItem
from home.editorial.views import can_see_reports

from . import report, views


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("rapporter/tilbakemeldinger/", views.FeedbackReportView.as_view(), name="feedback_report"),
        path("rapporter/tilbakemeldinger/csv/", views.FeedbackExportView.as_view(), name="feedback_export"),
    ]


@hooks.register("register_reports_menu_item")
def register_feedback_report():
    return ReportMenuItem(
        _("Tilbakemeldinger på sider"), reverse("feedback_report"), icon_name="help", order=52
    )


class MostNoPanel(Component):
    name = "feedback_most_no"
    template_name = "feedback/panel.html"
    order = 250

    def get_context_data(self, parent_context):
        return {"rows": report.most_no(), "report_url": reverse("feedback_report")}


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    if can_see_reports(request.user):
        panels.append(MostNoPanel())
