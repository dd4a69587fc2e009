"""«Brutte lenker»: the admin report of links the last check found not working."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.editorial.views import can_see_reports
from home.models import LinkCheck

from .extract import DOCUMENT, IMAGE, PAGE

# What an internal target («page:12») is called in the report: its title if it still exists.
TARGET_MODELS = {PAGE: Page, DOCUMENT: get_document_model(), IMAGE: get_image_model()}
TARGET_LABELS = {
    PAGE: (_("Side «%(title)s»"), _("Slettet side (id %(id)s)")),
    DOCUMENT: (_("Dokument «%(title)s»"), _("Slettet dokument (id %(id)s)")),
    IMAGE: (_("Bilde «%(title)s»"), _("Slettet bilde (id %(id)s)")),
}


def label_targets(rows):
    """Give each row a `target_label`: one query per kind of internal target on the page of rows."""
    wanted = {kind: set() for kind in TARGET_MODELS}
    for row in rows:
        kind, _sep, pk = row.target.partition(":")
        if kind in wanted and pk.isdigit():
            wanted[kind].add(int(pk))
    titles = {
        kind: dict(TARGET_MODELS[kind].objects.filter(pk__in=ids).values_list("pk", "title")) if ids else {}
        for kind, ids in wanted.items()
    }
    for row in rows:
        kind, _sep, pk = row.target.partition(":")
        if kind in titles and pk.isdigit():
            found, missing = TARGET_LABELS[kind]
            title = titles[kind].get(int(pk))
            row.target_label = found % {"title": title} if title is not None else missing % {"id": pk}
        else:
            row.target_label = row.target
    return rows


def broken_links():
    return LinkCheck.objects.filter(status__in=LinkCheck.NOT_WORKING)


def edit_url(row: LinkCheck) -> str:
    """The edit view of the page or snippet the link is in; content types are cached, so this
    costs no query per row."""
    model = row.source_type.model_class()
    if model is not None and issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[row.source_id])
    viewset = getattr(model, "snippet_viewset", None)
    return reverse(viewset.get_url_name("edit"), args=[row.source_id]) if viewset else ""


class BrokenLinksView(ReportView):
    page_title = _("Brutte lenker")
    header_icon = "link"
    index_url_name = "link_check_report"
    index_results_url_name = "link_check_report_results"
    export_headings = {"source_title": _("Side"), "get_status_display": _("Status")}
    list_export = [
        "source_title",
        "field",
        "link_text",
        "target",
        "get_status_display",
        "http_status",
        "final_url",
        "first_broken_at",
        "last_checked_at",
    ]
    columns = [
        TitleColumn("source_title", label=_("Side"), get_url=edit_url),
        Column("link_text", label=_("Lenketekst")),
        Column("target_label", label=_("Mål")),
        Column("get_status_display", label=_("Status")),
        Column("http_status", label=_("HTTP-kode")),
        DateColumn("first_broken_at", label=_("Brutt første gang")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def decorate_paginated_queryset(self, object_list):
        return label_targets(list(object_list))

    def get_queryset(self):
        return broken_links().select_related("source_type").order_by("first_broken_at", "source_title", "pk")
