"""The report forms in the Wagtail admin: Wagtail's forms list with each form's language, and
Wagtail's own submission listing and CSV/XLSX export with every exported text cell neutralised
against formula injection and every time in Europe/Oslo to the minute, as in network/exports.py.

A module of its own because Wagtail's form views can only be imported once the app registry is
ready (they load the page model): the models refer to it by its dotted path; wagtail_hooks,
loaded once the registry is ready, imports it."""

import datetime

from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.contrib.forms.views import FormPagesListView, SubmissionsListView

from .exports import oslo_time, spreadsheet_safe


class SafeSubmissionsListView(SubmissionsListView):
    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            # Wagtail writes UTC with microseconds; coordinators read Oslo time.
            local = oslo_time(value)
            return local if export_format == self.FORMAT_XLSX else local.strftime("%Y-%m-%d %H:%M")
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if isinstance(value, str) else value


class FormPagesWithLanguageView(FormPagesListView):
    """Admin → Skjema: the same list, with a column saying whether the form is Bokmål or Nynorsk
    (the titles are often the same in both)."""

    index_url_name = "network_forms_index"
    index_results_url_name = "network_forms_index_results"

    @classproperty
    def columns(cls):
        columns = list(FormPagesListView.columns)
        title_at = next(index for index, column in enumerate(columns) if column.name == "title")
        language = Column("locale", label=_("Språk"), accessor=lambda page: page.locale.get_display_name())
        return [*columns[: title_at + 1], language, *columns[title_at + 1 :]]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")
