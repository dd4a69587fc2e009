"""The translation report fits a 1 280 px screen: its «Handlinger» column is not cut off (issue 17)."""

from .conftest import ADMIN, log_in

REPORT = "/admin/rapporter/oversettelser/"


def test_translation_report_table_fits_1280_px(portal, browser):
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        log_in(page, portal["base_url"], *ADMIN)
        page.goto(portal["base_url"] + REPORT)
        widths = page.evaluate(
            """() => {
                const table = document.querySelector("table.listing");
                const box = table.getBoundingClientRect();
                const scroller = document.scrollingElement;
                return {right: box.right, viewport: window.innerWidth,
                        page: scroller.scrollWidth, client: scroller.clientWidth,
                        table: table.scrollWidth, tableClient: table.clientWidth};
            }"""
        )
        assert widths["right"] <= widths["viewport"], widths
        assert widths["page"] <= widths["client"], widths
        assert widths["table"] <= widths["tableClient"], widths  # no cell runs out of the table
    finally:
        context.close()
