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
