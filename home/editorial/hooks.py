"""Admin URLs, report menu items and dashboard panels. Imported from `home/wagtail_hooks.py`."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import freshness, permissions, signals, submit_translation, translation_status, views  # noqa: F401 - registers policy and signals

DASHBOARD_ROWS = 5


@hooks.register("register_admin_urls", order=-10)
def register_submit_translation_urls():
    # Before wagtail-localize's own patterns at the same paths (submit_translation.py).
    return submit_translation.urls()


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path(
            "rapporter/oversettelser/",
            views.TranslationStatusView.as_view(),
            name="editorial_translation_status",
        ),
        path("rapporter/oversettelser/nynorskutkast/", views.draft_nynorsk, name="editorial_draft_nynorsk"),
        path(
            "rapporter/oversettelser/godkjenning/<int:page_id>/",
            views.submit_translation,
            name="editorial_submit_translation",
        ),
        path("rapporter/gjennomgang/", views.FreshnessView.as_view(), name="editorial_freshness"),
    ]


@hooks.register("construct_page_action_menu")
def approve_first(menu_items, request, context):
    """A reviewer opening a page that waits for them gets «Godkjenn» as the primary button, not
    «Lagre utkast» with approval hidden in the menu. The approve item is only there for users the
    current task lets approve (Task.get_actions), so nobody else's menu changes."""
    for index, item in enumerate(menu_items):
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            menu_items.insert(0, menu_items.pop(index))
            return


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report():
    return ReportMenuItem(
        _("Oversettelsesstatus"), reverse("editorial_translation_status"), icon_name="globe", order=50
    )


@hooks.register("register_reports_menu_item")
def register_freshness_report():
    return ReportMenuItem(
        _("Sider som bør gjennomgås"), reverse("editorial_freshness"), icon_name="time", order=51
    )


class TranslationStatusPanel(Component):
    name = "editorial_translation_status"
    template_name = "editorial/panels/translation_status.html"
    order = 230

    def get_context_data(self, parent_context):
        rows, _sections = translation_status.collect()
        todo = [row for row in rows if row.status != translation_status.COMPLETE]
        return {
            "counts": translation_status.summary(rows),
            "status_labels": translation_status.STATUS_LABELS,
            "rows": todo[:DASHBOARD_ROWS],
            "more": max(len(todo) - DASHBOARD_ROWS, 0),
            "report_url": reverse("editorial_translation_status"),
        }


class FreshnessPanel(Component):
    name = "editorial_freshness"
    template_name = "editorial/panels/freshness.html"
    order = 240

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        mine = freshness.overdue_pages(user=self.user)
        return {
            "rows": mine[:DASHBOARD_ROWS],
            "more": max(len(mine) - DASHBOARD_ROWS, 0),
            "report_url": reverse("editorial_freshness"),
        }


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    if views.can_see_reports(request.user):
        panels.append(TranslationStatusPanel())
        panels.append(FreshnessPanel(request.user))
