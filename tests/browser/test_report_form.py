"""A refused report form answer, as an agent using the keyboard or a screen reader meets it."""

import pytest

from .conftest import log_in

AGENT = ("agent", "demo-agent-2026")
# 11 digits with a real date of birth and a zero-width space inside: refused, control digits or not.
DISGUISED_NUMBER = "Gjelder 150387\u200b10041"


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_a_refused_answer_moves_focus_to_the_error_summary_and_keeps_the_text(portal, new_page, language):
    page = new_page()
    base_url = portal["base_url"]
    log_in(page, base_url, *AGENT, language=language)
    path = f"/{language}/intranett/rapportskjema-1/"
    page.goto(base_url + path)
    form = page.locator(f"form[action='{path}']")
    form.locator("textarea").first.fill(DISGUISED_NUMBER)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()

    summary = page.locator(".ds-error-summary")
    assert page.evaluate("document.activeElement.classList.contains('ds-error-summary')")
    assert "fødselsnummer" in summary.inner_text()
    link = summary.locator("a", has_text="fødselsnummer")  # the radio question left out has its own
    field_id = link.get_attribute("href").removeprefix("#")
    assert page.locator(f"#{field_id}").evaluate("element => element.value") == DISGUISED_NUMBER
    link.click()
    assert page.evaluate("document.activeElement.id") == field_id
