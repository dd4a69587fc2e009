"""On paper: no header search, menu, skip link or footer links, and no address a reader cannot use."""

import pytest

PRINTED_AFTER = """() => [...document.querySelectorAll('a')]
    .filter(a => a.getClientRects().length)
    .map(a => getComputedStyle(a, '::after').content)
    .filter(content => content && content !== 'none' && content !== 'normal')"""
PAGE_TYPES = ("GuideLevelPage", "ToolLibraryPage", "ServicePage", "HomePage")


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_printed_pages_show_content_and_absolute_addresses_only(portal, new_page, language):
    page = new_page()
    page.emulate_media(media="print")
    paths = [
        path for kind, code, path, _private in portal["pages"] if kind in PAGE_TYPES and code == language
    ]
    assert len(paths) == len(PAGE_TYPES)
    for path in paths:
        page.goto(portal["base_url"] + path)
        for chrome in (".site-menu", "#site-search-query", ".ds-skip-link", ".site-footer nav", ".main-nav"):
            assert not page.locator(chrome).first.is_visible(), f"{chrome} printed on {path}"
        printed = page.evaluate(PRINTED_AFTER)
        relative = [content for content in printed if "(/" in content]
        assert not relative, f"{path}: {relative}"
        assert all("(http" in content for content in printed if "(" in content), printed


def test_a_step_prints_on_its_own(portal, new_page):
    page = new_page()
    level = next(
        path for kind, code, path, _private in portal["pages"] if kind == "GuideLevelPage" and code == "nn"
    )
    page.goto(portal["base_url"] + level)
    page.click(".guide-step__permalink a[href$='/utskrift/1/']")
    page.emulate_media(media="print")
    assert page.locator(".guide-step__heading").count() == 1
    assert page.locator(".guide-step-print__source").inner_text().count(portal["base_url"]) == 1
    tools = page.evaluate(PRINTED_AFTER)
    # The step's tools: their Word and PDF files (or an uploaded document), with full addresses.
    files = (f"({portal['base_url']}/verktoy/", f"({portal['base_url']}/documents/")
    assert tools and all(any(f in content for f in files) for content in tools), tools
