"""Filtering the service directory lands on the results, and their count is what is read out."""

import pytest

PHONE = {"width": 375, "height": 740}


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_filtering_lands_on_the_result_count(portal, browser, language, javascript):
    directory = next(
        path
        for page_type, code, path, _private in portal["pages"]
        if page_type == "ServiceDirectoryPage" and code == language
    )
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(portal["base_url"] + directory)
        page.fill("#directory-q", "rus")
        page.click(".directory-filter button[type=submit]")
        page.wait_for_load_state()
        assert page.url.endswith("#treff") and "q=rus" in page.url
        heading = page.locator("#treff")
        assert heading.evaluate("element => element === document.activeElement")
        assert heading.evaluate("element => element.tagName") == "H2"
        top = heading.evaluate("element => element.getBoundingClientRect().top")
        assert 0 <= top < PHONE["height"] / 2, top
        assert any(character.isdigit() for character in heading.inner_text())
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.directory-list')")
    finally:
        context.close()
