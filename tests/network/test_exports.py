"""The coordinators' export is their follow-up list: every unit asked, typed cells, a usable sheet."""

import csv
import datetime
import io

from wagtail.models import Locale

import pytest
from openpyxl import load_workbook

from network.exports import csv_response, xlsx_response

pytestmark = pytest.mark.django_db


def nynorsk(page):
    return page.get_translation(Locale.objects.get(language_code="nn"))


def xlsx_sheet(page):
    return load_workbook(io.BytesIO(xlsx_response(page).content)).active


def test_xlsx_cells_are_typed_and_every_unit_is_listed(answered_form):
    sheet = xlsx_sheet(answered_form)
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert list(rows) == ["Bakken skole", "Åsen skole", "Lia skole"]  # pilots first, as the dashboard
    asen = rows["Åsen skole"]
    assert [cell.value for cell in asen[1:4]] == ["Ja", "Har svart", "Åse Agent"]
    sent, updated = asen[4], asen[5]
    assert sent.value == datetime.datetime(2026, 6, 3, 12, 15)  # Oslo wall clock, no seconds
    assert updated.value == datetime.datetime(2026, 11, 20, 8, 5)
    assert sent.is_date and sent.number_format == "yyyy-mm-dd hh:mm"
    assert asen[6].value == "'=1+1 i teksten" and asen[6].data_type == "s"  # no formula
    assert asen[7].value == 6 and asen[7].data_type == "n"
    assert asen[8].value == 0.75 and asen[8].data_type == "n"
    assert asen[9].is_date and asen[9].value.date() == datetime.date(2026, 5, 28)
    assert asen[9].number_format == "yyyy-mm-dd"
    for name in ("Bakken skole", "Lia skole"):
        missing = rows[name]
        assert missing[2].value == "Ikke svart"
        assert all(cell.value is None for cell in missing[3:])
    assert rows["Lia skole"][1].value == "Nei"


def test_xlsx_header_is_frozen_and_columns_have_widths(answered_form):
    sheet = xlsx_sheet(answered_form)
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]][:3] == ["Tjenestested", "Pilot", "Status"]
    assert all(cell.font.bold for cell in sheet[1])
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ"}
    assert all(8 <= width <= 60 for width in widths.values()), widths
    assert widths["A"] >= len("Bakken skole")  # the longest unit name fits
    assert widths["E"] >= len("2026-06-03 12:15")


def test_export_from_the_nynorsk_form_is_in_nynorsk(answered_form):
    sheet = xlsx_sheet(nynorsk(answered_form))
    header = [cell.value for cell in sheet[1]]
    assert header[6:] == ["Kva har fungert?", "Tal på møte", "Del", "Dato for møtet"]
    statuses = {row[0].value: row[2].value for row in sheet.iter_rows(min_row=2)}
    assert statuses == {"Bakken skole": "Ikkje svart", "Åsen skole": "Har svart", "Lia skole": "Ikkje svart"}
    body = csv_response(nynorsk(answered_form)).content.decode("utf-8-sig")
    assert "Ikkje svart" in body and "Ikke svart" not in body


def test_csv_stays_utf8_with_bom_semicolons_and_safe(answered_form):
    response = csv_response(answered_form)
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) == 10
    by_unit = {row[0]: row for row in rows[1:]}
    assert set(by_unit) == {"Åsen skole", "Bakken skole", "Lia skole"}
    assert by_unit["Åsen skole"][4:] == [
        "2026-06-03 12:15",
        "2026-11-20 08:05",
        "'=1+1 i teksten",
        "6",
        "0,75",
        "2026-05-28",
    ]
    assert by_unit["Bakken skole"][2:] == ["Ikke svart", "", "", "", "", "", "", ""]
