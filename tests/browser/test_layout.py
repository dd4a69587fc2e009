"""Page layout on small screens: the compact header and no page that scrolls sideways."""

import pytest

from .conftest import log_in
from .test_accessibility import AGENT, views_to_check

PHONE = {"width": 375, "height": 740}
HEADER_BOTTOM = "document.querySelector('.site-header').getBoundingClientRect().bottom"


def pages_by_visitor(portal, new_page, viewport, language):
    """A browser page per kind of visitor the views need, at `viewport`."""
    pages = {None: new_page(), "agent": new_page()}
    for page in pages.values():
        page.set_viewport_size(viewport)
    log_in(pages["agent"], portal["base_url"], *AGENT, language=language)
    return pages


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_header_and_menu_leave_the_phone_screen_to_the_content(portal, new_page, language):
    pages = pages_by_visitor(portal, new_page, PHONE, language)
    measured = {}
    for name, path, who, _status in views_to_check(portal):
        if not name.endswith(language) or who == "outsider":
            continue
        page = pages[who]
        page.goto(portal["base_url"] + path)
        measured[path] = page.evaluate(HEADER_BOTTOM)
    assert len(measured) >= 10
    too_tall = {path: bottom for path, bottom in measured.items() if bottom > 160}
    assert not too_tall, too_tall


def test_phone_menu_opens_by_keyboard_without_javascript(portal, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(portal["base_url"] + "/nn/")
        assert not page.locator(".main-nav").is_visible()
        toggle = page.locator(".site-menu__toggle")
        toggle.focus()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("Enter")
        assert page.locator(".main-nav").is_visible()
        assert page.locator("#site-search-query").is_visible()
        assert page.locator(".language-switcher a[hreflang=nb]").is_visible()
    finally:
        context.close()


def test_desktop_shows_the_menu_without_a_button(portal, new_page):
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(portal["base_url"] + "/nb/")
    assert page.locator(".main-nav").is_visible()
    assert page.locator("#site-search-query").is_visible()
    assert not page.locator(".site-menu__toggle").is_visible()


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_no_page_scrolls_sideways_on_a_phone(portal, new_page, language, width):
    pages = pages_by_visitor(portal, new_page, {"width": width, "height": 740}, language)
    too_wide = {}
    checked = 0
    for name, path, who, _status in views_to_check(portal):
        if not name.endswith(language) or who == "outsider":
            continue
        page = pages[who]
        page.goto(portal["base_url"] + path)
        checked += 1
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll_width > inner_width:
            too_wide[path] = scroll_width
    assert checked >= 10
    assert not too_wide, too_wide


def test_long_contact_addresses_stay_inside_the_contact_box(portal, new_page):
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(portal["base_url"] + "/nn/hjelpetilbod/helsestasjonen/")
    box = page.locator(".service-contact").bounding_box()
    for link in page.locator(".service-contact a").all():
        edge = link.bounding_box()
        assert edge["x"] + edge["width"] <= box["x"] + box["width"], link.inner_text()


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_pages_load_without_console_errors_or_missing_files(portal, new_page, language):
    page = new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on(
        "response",
        lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"),
    )
    page.goto(f"{portal['base_url']}/{language}/")
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    assert page.request.get(icon).headers["content-type"].startswith("image/")
    assert page.request.get(portal["base_url"] + "/favicon.ico").headers["content-type"].startswith("image/")
    page.wait_for_load_state("networkidle")
    assert not errors, errors
