"""«Fant du det du lette etter?» in a real browser, with and without JavaScript: Ja, then Nei with
a comment (refused once for a fødselsnummer, the text kept), and back to the page; axe finds
nothing on any of the states."""

import pytest

from .test_accessibility import axe_violations

HEADINGS = {"nb": "Fant du det du lette etter?", "nn": "Fann du det du leita etter?"}
THANKS = {"nb": "Takk for tilbakemeldingen", "nn": "Takk for tilbakemeldinga"}


def content_page(portal, language):
    return next(
        path
        for page_type, code, path, private in portal["pages"]
        if page_type == "ContentPage" and code == language
    )


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_feedback_yes_and_no_with_comment(portal, browser, language, javascript):
    url = portal["base_url"] + content_page(portal, language)
    context = browser.new_context(java_script_enabled=javascript, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        form = page.locator("#tilbakemelding")
        assert form.locator("h2").inner_text() == HEADINGS[language]
        assert not page.locator("input[name=nettsted]").is_visible()
        if javascript:
            assert axe_violations(page) == []

        form.get_by_role("button", name="Ja").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == THANKS[language]
        if javascript:
            assert axe_violations(page) == []
        page.locator("main a.ds-link", has_text="Tilbake til").click()
        page.wait_for_load_state()
        assert page.url == url

        page.locator("#tilbakemelding").get_by_role("button", name="Nei").click()
        page.wait_for_load_state()
        comment = page.locator("textarea[name=kommentar]")
        warning = page.locator(".page-feedback__warning")
        assert warning.is_visible() and "fødselsnummer" in warning.inner_text()
        assert comment.get_attribute("aria-describedby").startswith(warning.get_attribute("id"))
        if javascript:
            assert axe_violations(page) == []

        typed = "Barnet har nummer 150387 12345"
        comment.fill(typed)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("textarea[name=kommentar]").input_value() == typed
        assert page.locator(".ds-error-summary").is_visible()
        if javascript:
            assert axe_violations(page) == []

        page.locator("textarea[name=kommentar]").fill("Fant ikke åpningstidene")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == THANKS[language]
    finally:
        context.close()
