"""axe-core (WCAG 2.0/2.1 A and AA) on every page type, in nb and nn, at 320, 375 and 1 280 px; the Nu
HTML checker on the same pages."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from .conftest import OUTSIDER, ROOT, log_in

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AGENT = ("agent", "demo-agent-2026")


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def check(page, url, name, artifacts, expected_status=200, width=1280):
    response = page.goto(url)
    assert response.status == expected_status, f"{url}: {response.status}"
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    page.screenshot(path=str(artifacts / "screenshots" / f"{slug}-{width}.png"), full_page=True)
    if width == 1280:  # the markup is the same at every width: the Nu checker validates it once
        (artifacts / "html" / f"{slug}.html").write_text(page.content(), encoding="utf-8")
    return axe_violations(page)


def views_to_check(portal):
    """(name, path, who, expected status) for every page type in both languages and the special views."""
    views = []
    for page_type, language, path, private in portal["pages"]:
        views.append((f"{page_type} {language}", path, "agent" if private else None, 200))
    private_paths = [path for _type, _language, path, private in portal["pages"] if private]
    for language in ("nb", "nn"):
        views += [
            (f"search {language}", f"/{language}/sok/?q=barn", None, 200),
            (f"search empty {language}", f"/{language}/sok/?q=zzzzqqq", None, 200),
            (f"login {language}", f"/{language}/konto/login/", None, 200),
            (f"password reset {language}", f"/{language}/konto/password/reset/", None, 200),
            (f"not found {language}", f"/{language}/finnes-ikke-{language}/", None, 404),
        ]
        language_private = [path for path in private_paths if path.startswith(f"/{language}/")]
        if language_private:
            views.append((f"forbidden {language}", language_private[0], "outsider", 403))
    return views


# Phone (320 and 375 px, where the header folds into its menu button) and desktop.
WIDTHS = [320, 375, 1280]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_axe_finds_nothing_on_any_page_type(portal, new_page, artifacts, language, width):
    base_url = portal["base_url"]
    pages = {None: new_page(width=width), "agent": new_page(width=width), "outsider": new_page(width=width)}
    log_in(pages["agent"], base_url, *AGENT, language=language)
    log_in(pages["outsider"], base_url, *OUTSIDER, language=language)
    problems = {}
    checked = 0
    for name, path, who, status in views_to_check(portal):
        if not name.endswith(language):
            continue
        violations = check(pages[who], base_url + path, name, artifacts, status, width)
        checked += 1
        if violations:
            problems[f"{name} ({path})"] = violations
    assert checked >= 8
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_form_with_validation_errors_is_accessible(portal, new_page, artifacts, language, width):
    page = new_page(width=width)
    page.goto(f"{portal['base_url']}/{language}/konto/login/")
    page.fill("input[name=login]", "ukjent")
    page.fill("input[name=password]", "feil-passord-123")
    page.click("form.account-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").is_visible()
    page.screenshot(
        path=str(artifacts / "screenshots" / f"login-errors-{language}-{width}.png"), full_page=True
    )
    if width == 1280:
        (artifacts / "html" / f"login-errors-{language}.html").write_text(page.content(), encoding="utf-8")
    assert axe_violations(page) == []


def test_nu_html_checker_finds_no_errors(portal, new_page, artifacts):
    # Runs after the axe tests have saved every page's HTML (pytest runs this file top to bottom).
    files = sorted((artifacts / "html").glob("*.html"))
    assert len(files) >= 16, "run the whole file: the axe tests save the pages this test validates"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"
    ]
    assert not errors, "\n".join(errors[:40])
