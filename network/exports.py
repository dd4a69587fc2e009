"""The coordinators' export of a report form's answers, as CSV (semicolons, for Excel) or XLSX.

One row per service unit that has answered, one column per question; free-text answers are
neutralised against spreadsheet formula injection. Wagtail's own submission export in the admin
(/admin/forms/submissions/<id>/?export=csv|xlsx) is neutralised the same way
(network/admin_views.py)."""

import csv
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext

from openpyxl import Workbook


def _plain(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def spreadsheet_safe(value) -> str:
    """Stop spreadsheet formula injection from free-text answers."""
    text = _plain(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_table(page):
    """Header and rows of a report form page's answers (the rows of its dashboard that have one)."""
    fields = list(page.source_page.specific.get_form_fields())
    header = [
        gettext("Tjenestested"),
        gettext("Pilot"),
        gettext("Sendt av"),
        gettext("Sendt"),
        gettext("Sist endret"),
        *[field.label for field in fields],
    ]
    rows = []
    for row in page.dashboard_rows():
        submission = row["submission"]
        if submission is None:
            continue
        data = submission.get_data()
        rows.append(
            [
                row["unit"].name,
                gettext("Ja") if row["unit"].is_pilot else gettext("Nei"),
                (submission.user.get_full_name() or submission.user.get_username())
                if submission.user
                else "",
                timezone.localtime(submission.submit_time).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(submission.updated_at).strftime("%Y-%m-%d %H:%M"),
                *[_plain(data.get(field.clean_name, "")) for field in fields],
            ]
        )
    return header, rows


def csv_response(page) -> HttpResponse:
    header, rows = export_table(page)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    return response


def xlsx_response(page) -> HttpResponse:
    header, rows = export_table(page)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = gettext("Svar")
    sheet.append(header)
    for row in rows:
        sheet.append([spreadsheet_safe(cell) for cell in row])
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
