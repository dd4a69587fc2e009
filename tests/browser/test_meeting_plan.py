"""The meeting plan's calendar feeds in a browser: the copy button (static/js/copy-address.js)
puts the address on the clipboard and says so, and the page never scrolls sideways."""

import pytest

from .conftest import log_in

AGENT = ("agent", "demo-agent-2026")
COPIED = {"nb": "Adressen er kopiert.", "nn": "Adressa er kopiert."}


def open_meeting_plan(portal, new_page, language):
    [url] = [
        path
        for kind, code, path, _private in portal["pages"]
        if kind == "MeetingPlanPage" and code == language
    ]
    page = new_page("nb-NO" if language == "nb" else "nn-NO")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=portal["base_url"])
    log_in(page, portal["base_url"], *AGENT, language=language)
    page.goto(portal["base_url"] + url)
    if page.locator("#feed-alle").count() == 0:  # the agent has no feed address yet: make one
        with page.expect_navigation():
            page.click(".calendar-feeds__manage button[value=renew]")
    return page


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_copy_button_copies_the_feed_address_and_announces_it(portal, new_page, language):
    page = open_meeting_plan(portal, new_page, language)
    address = page.input_value("#feed-alle")
    assert address.startswith(portal["base_url"] + "/")
    button = page.locator("button[data-copy-address=feed-alle]")
    assert button.is_visible()  # the script shows what it can do
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("#feed-alle-status")
    status.wait_for(state="visible")
    assert status.get_attribute("role") == "status"
    assert status.text_content() == COPIED[language]
    assert page.evaluate("navigator.clipboard.readText()") == address


def test_without_javascript_the_address_is_selectable_and_no_button_is_shown(portal, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page, portal["base_url"], *AGENT)
        [url] = [
            path for kind, code, path, _p in portal["pages"] if kind == "MeetingPlanPage" and code == "nb"
        ]
        page.goto(portal["base_url"] + url)
        if page.locator("#feed-alle").count() == 0:
            with page.expect_navigation():
                page.click(".calendar-feeds__manage button[value=renew]")
        assert not page.locator("button[data-copy-address]").first.is_visible()
        assert page.locator("#feed-alle").get_attribute("readonly") is not None
        assert page.locator("a[href^='webcal://']").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_meeting_plan_does_not_scroll_sideways(portal, new_page, width):
    page = open_meeting_plan(portal, new_page, "nn")
    page.set_viewport_size({"width": width, "height": 740})
    page.click(".past-meetings > summary")  # the past meetings open too
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow} px too wide at {width} px"
