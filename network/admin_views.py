"""The report forms' submissions in the Wagtail admin: Wagtail's own listing and CSV/XLSX export,
with every exported text cell neutralised against formula injection as in network/exports.py.

A module of its own because Wagtail's form views can only be imported once the app registry is
ready (they load the page model), so the models refer to it by its dotted path."""

from wagtail.contrib.forms.views import SubmissionsListView

from .exports import spreadsheet_safe


class SafeSubmissionsListView(SubmissionsListView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if isinstance(value, str) else value
