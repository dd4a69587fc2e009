"""Keyboard-only use of the parts everyone needs: skip link, language switcher, main menu, search."""

from urllib.parse import urlparse


def focused_text(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.textContent.trim()")


def tab_until(page, predicate, limit=40) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return True
    return False


def test_skip_link_is_first_and_moves_focus_to_main(portal, new_page):
    page = new_page()
    page.goto(portal["base_url"] + "/nb/")
    page.keyboard.press("Tab")
    assert focused_text(page) == "Hopp til hovedinnholdet"
    assert (
        page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        or page.evaluate("getComputedStyle(document.activeElement).textDecorationLine") == "underline"
    )
    page.keyboard.press("Enter")
    assert urlparse(page.url).fragment == "main"


def test_language_switcher_by_keyboard_keeps_the_page(portal, new_page):
    page = new_page()
    page.goto(portal["base_url"] + "/nb/om-bti/")
    assert tab_until(page, "document.activeElement.getAttribute('hreflang') === 'nn'")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert outline not in ("0px", ""), "focus must be visible"
    page.keyboard.press("Enter")
    page.wait_for_url("**/nn/om-bti/")
    assert page.evaluate("document.documentElement.lang") == "nn"


def test_main_menu_by_keyboard(portal, new_page):
    page = new_page()
    page.goto(portal["base_url"] + "/nn/")
    assert tab_until(page, "!!document.activeElement.closest('.main-nav')")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)
    assert page.locator("h1").count() == 1


def test_search_by_keyboard(portal, new_page):
    page = new_page()
    page.goto(portal["base_url"] + "/nb/")
    assert tab_until(page, "document.activeElement.id === 'site-search-query'")
    page.keyboard.type("stafettlogg")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nb/sok/?q=stafettlogg")
    assert "treff" in page.locator(".search-count").inner_text()


FILTER_PAGE_TYPES = ["ServiceDirectoryPage", "ToolLibraryPage", "ServiceUnitListPage"]


def page_urls(portal, page_type, language="nb"):
    return [path for kind, code, path, _private in portal["pages"] if kind == page_type and code == language]


def submit_first_get_form_by_keyboard(page):
    """Tab into the page's filter form, change its first control from the keyboard, submit it."""
    inside_form = (
        "!!(document.activeElement.closest('main form') && document.activeElement.matches('input, select'))"
    )
    assert tab_until(page, inside_form), "no keyboard-reachable filter control"
    kind = page.evaluate("document.activeElement.type || document.activeElement.tagName.toLowerCase()")
    if kind in ("checkbox", "radio"):
        page.keyboard.press("Space")
    elif kind.startswith("select"):
        page.keyboard.press("ArrowDown")
    else:
        page.keyboard.type("barn")
    submit = "document.activeElement.matches('main form button[type=submit], main form input[type=submit]')"
    assert tab_until(page, submit), "the filter form's button is not reachable by keyboard"
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_filters_by_keyboard(portal, new_page):
    available = [page_type for page_type in FILTER_PAGE_TYPES if page_urls(portal, page_type)]
    assert available, "no page with filters in the demo"
    for page_type in available:
        page = new_page()
        page.goto(portal["base_url"] + page_urls(portal, page_type)[0])
        submit_first_get_form_by_keyboard(page)
        assert "?" in page.url, f"{page_type}: filter did not submit"
        assert page.locator("h1").count() == 1


def test_intranet_report_form_by_keyboard(portal, new_page):
    from .conftest import log_in

    forms = page_urls(portal, "ReportFormPage")
    assert forms, "the demo has report forms"
    page = new_page()
    log_in(page, portal["base_url"], "agent", "demo-agent-2026")
    page.goto(portal["base_url"] + forms[0])
    field = "!!(document.activeElement.closest('main form[method=post]') && document.activeElement.matches('textarea, input[type=text], input[type=number]'))"
    assert tab_until(page, field, limit=60), "no keyboard-reachable text field in the report form"
    page.keyboard.type("Skrevet med tastaturet")
    submit = "document.activeElement.matches('main form[method=post] button[type=submit]')"
    assert tab_until(page, submit, limit=80)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("main [role=status], main .ds-alert").count() >= 1
