"""Browser tests against a real server with the demo content, in Debian's Chromium.

Run with `make browser-test` (part of .ci/run). The session fixture builds a fresh SQLite
database with the demo content, starts the portal on a free loopback port and stops it by PID."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = ROOT / "artifacts"
OUTSIDER = ("utenforstaende", "utenfor-passord-2026")
# A superuser in no group: the admin without the editors' second factor, for the admin CSP test.
ADMIN = ("nettleser-admin", "admin-passord-2026")

# One line of Python per question, run inside the portal's own settings.
URLS_SCRIPT = """
import json
from django.apps import apps
from wagtail.models import Page
found = {}
for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
    key = type(page).__name__
    for code in ("nb", "nn"):
        if page.locale.language_code == code and (key, code) not in found:
            found[(key, code)] = (page.url, page.get_view_restrictions().exists())
print(json.dumps([[k, c, u, private] for (k, c), (u, private) in found.items()]))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


@pytest.fixture(scope="session")
def portal(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (never download a browser)")
    workdir = tmp_path_factory.mktemp("portal")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
    }
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    username, password = OUTSIDER
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        f"get_user_model().objects.create_user({username!r}, password={password!r});"
        f"get_user_model().objects.create_superuser({ADMIN[0]!r}, password={ADMIN[1]!r})",
    )
    pages = json.loads(manage(env, "shell", "-c", URLS_SCRIPT).stdout.strip().splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(workdir / "server.log").open("w"),
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base_url}/robots.txt", timeout=1)  # noqa: S310 - loopback only
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the portal did not start: " + (workdir / "server.log").read_text()[-2000:])
        yield {"base_url": base_url, "pages": pages}
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(locale="nb-NO", width=1280):
        # axe-core is injected as an inline script, which the portal's CSP rightly forbids.
        viewport = {"width": width, "height": 740 if width < 1280 else 720}
        context = browser.new_context(locale=locale, bypass_csp=True, viewport=viewport)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def log_in(page, base_url, username, password, language="nb"):
    page.goto(f"{base_url}/{language}/konto/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.click("form.account-form button[type=submit]")
    page.wait_for_load_state()


@pytest.fixture(scope="session")
def artifacts():
    for name in ("screenshots", "html"):
        shutil.rmtree(ARTIFACTS / name, ignore_errors=True)
        (ARTIFACTS / name).mkdir(parents=True)
    return ARTIFACTS
