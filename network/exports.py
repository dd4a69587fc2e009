"""The coordinators' export of a report form's answers, as CSV (semicolons, for Excel) or XLSX.

The file is the coordinator's follow-up list: one row per service unit that is asked, pilots
first, those that have not answered marked so («Ikke svart» / «Ikkje svart», in the language of
the form the export is taken from), one column per question. Cells keep their types: numbers are
numbers and times are Europe/Oslo times (naive in the XLSX cell, with a date format, since Excel
has no time zones). Free-text answers are neutralised against spreadsheet formula injection.
Wagtail's own submission export in the admin (/admin/forms/submissions/<id>/?export=csv|xlsx) is
neutralised the same way (network/admin_views.py)."""

import csv
import datetime
from decimal import Decimal, InvalidOperation
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
XLSX_DATE_FORMAT = "yyyy-mm-dd"
# Column widths in characters: wide enough for a unit's name, narrow enough to see several answers.
MIN_WIDTH, MAX_WIDTH = 8, 60


def _plain(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def spreadsheet_safe(value) -> str:
    """Stop spreadsheet formula injection from free-text answers."""
    text = _plain(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def oslo_time(moment: datetime.datetime | None) -> datetime.datetime | None:
    """The moment as the coordinator's wall clock shows it, to the minute."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None, second=0, microsecond=0)


def typed_answer(field, value):
    """An answer as the spreadsheet should hold it: numbers as numbers, dates as dates."""
    if value in ("", None, []):
        return None
    if field.field_type == "number":
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        return int(number) if number == number.to_integral_value() else float(number)
    if field.field_type == "date":
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            return str(value)
    if field.field_type == "datetime":
        try:
            moment = datetime.datetime.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return oslo_time(moment) if timezone.is_aware(moment) else moment.replace(microsecond=0)
    if field.field_type == "checkbox":
        return gettext("Ja") if value else gettext("Nei")
    return _plain(value)


def export_table(page):
    """Header and rows of a report form page's follow-up list, in the language of the page."""
    with translation.override(page.locale.language_code):
        # The page's own questions: in its language, with the same keys as the Bokmål source.
        fields = list(page.specific.get_form_fields())
        header = [
            gettext("Tjenestested"),
            gettext("Pilot"),
            gettext("Status"),
            gettext("Sendt av"),
            gettext("Sendt"),
            gettext("Sist endret"),
            *[field.label for field in fields],
        ]
        rows = []
        for row in page.dashboard_rows():
            submission = row["submission"]
            pilot = gettext("Ja") if row["unit"].is_pilot else gettext("Nei")
            if submission is None:
                rows.append(
                    [row["name"], pilot, gettext("Ikke svart"), "", None, None, *[None for _f in fields]]
                )
                continue
            data = submission.get_data()
            user = submission.user
            rows.append(
                [
                    row["name"],
                    pilot,
                    gettext("Har svart"),
                    (user.get_full_name() or user.get_username()) if user else "",
                    oslo_time(submission.submit_time),
                    oslo_time(submission.updated_at),
                    *[typed_answer(field, data.get(field.clean_name)) for field in fields],
                ]
            )
    return header, rows


def csv_cell(value) -> str:
    """Text for the CSV. Semicolons are for a Norwegian Excel, which also reads a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value).replace(".", ",")
    return spreadsheet_safe(value)


def csv_response(page) -> HttpResponse:
    header, rows = export_table(page)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    writer.writerows([[csv_cell(cell) for cell in row] for row in rows])
    return response


def xlsx_cell(value):
    return spreadsheet_safe(value) if isinstance(value, str) else value


def display_width(value) -> int:
    if isinstance(value, datetime.datetime):
        return len(XLSX_DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return len(XLSX_DATE_FORMAT)
    return max((len(line) for line in _plain(value).splitlines()), default=0)


def xlsx_response(page) -> HttpResponse:
    header, rows = export_table(page)
    workbook = Workbook()
    sheet = workbook.active
    with translation.override(page.locale.language_code):
        sheet.title = gettext("Svar")
    sheet.append([xlsx_cell(cell) for cell in header])
    for row in rows:
        sheet.append([xlsx_cell(cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = XLSX_DATETIME_FORMAT
            elif isinstance(cell.value, datetime.date):
                cell.number_format = XLSX_DATE_FORMAT
    for index, column in enumerate(zip(header, *rows, strict=True), start=1):
        width = max(display_width(value) for value in column) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
