"""The Wagtail admin works under its Content-Security-Policy (ADMIN_CONTENT_SECURITY_POLICY):
the pages editors use load in Chromium without a single CSP violation or script error."""

import re

from .conftest import ADMIN, log_in

ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/multiple/add/",
    "/admin/documents/multiple/add/",
    "/admin/snippets/",
    "/admin/rapporter/oversettelser/",
    "/admin/rapporter/gjennomgang/",
]


def test_the_admin_pages_editors_use_run_under_the_admin_csp(portal, browser):
    base_url = portal["base_url"]
    context = browser.new_context(locale="nb-NO")  # no bypass_csp: the policy is what is tested
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if re.search(r"Content Security Policy|Refused to", message.text)
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        log_in(page, base_url, *ADMIN)
        for path in ADMIN_PAGES:
            response = page.goto(base_url + path)
            assert response.status == 200, path
            assert "base-uri" in response.headers["content-security-policy"], path
        # The editors of the front pages: Wagtail's page editor (Bokmål) and wagtail-localize's
        # translation editor (Nynorsk), with all their scripts run.
        page.goto(base_url + "/admin/pages/")
        edit_links = page.eval_on_selector_all(
            "a[href*='/edit/']", "links => links.map(link => link.getAttribute('href'))"
        )
        edit_links = sorted({link for link in edit_links if re.fullmatch(r"/admin/pages/\d+/edit/", link)})
        assert len(edit_links) >= 2
        for link in edit_links:
            assert page.goto(base_url + link).status == 200, link
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert not problems, problems
