"""Screenshots of the real admin for docs/redaktorveiledning.md, into docs/img/ (`make screenshots`).

Builds a throw-away SQLite database with the demo content, gives the demo editor and coordinator
two-factor authentication with a secret made for this run (in that temporary database only), starts the
portal on a free loopback port and drives Debian's Chromium (/usr/bin/chromium, never downloaded)
with Playwright through the real sign-in: password, then a TOTP code computed here.

    .venv/bin/python scripts/admin_screenshots.py [--out docs/img]

Exits non-zero if a screen cannot be reached, so CI notices when the handbook goes stale."""

import argparse
import base64
import hashlib
import hmac
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - after the path it needs

VIEWPORT = {"width": 1280, "height": 800}
# Demo users from load_demo_content; the TOTP secret exists only in the temporary database.
EDITOR = ("redaktor", "demo-redaktor-2026")
COORDINATOR = ("koordinator", "demo-koordinator-2026")
TOTP_SECRET = base64.b32encode(os.urandom(20)).decode()  # new for every run

# Runs inside the portal (manage.py shell): two-factor for the demo users, a pending approval,
# a page without Nynorsk, and the ids of the pages the screenshots show. Prints JSON.
SETUP_SCRIPT = f"""
import json
from django.contrib.auth import get_user_model
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.models import Authenticator
from wagtail.models import Locale, Page
from guide.models import GuideLevelPage, ServiceDirectoryPage, ServicePage, Tool
from home.factories import ContentPageFactory
from home.models import ContentPage
from home.editorial.freshness import cutoff

User = get_user_model()
editor = User.objects.get(username={EDITOR[0]!r})
coordinator = User.objects.get(username={COORDINATOR[0]!r})
for user in (editor, coordinator):
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, {TOTP_SECRET!r})
nb, nn = Locale.objects.get(language_code="nb"), Locale.objects.get(language_code="nn")

# The editor is responsible for the services whose review is overdue.
ServicePage.objects.filter(last_reviewed__lt=cutoff()).update(owner=editor)

# A change to the guide waiting for a coordinator.
level = GuideLevelPage.objects.filter(locale=nb).order_by("path").first()
if not level.workflow_in_progress:
    level.intro = level.intro + " Oppdatert etter fagmøtet."
    level.save_revision(user=editor)
    level.get_workflow().start(level, editor)

# A new page that has no Nynorsk yet.
parent = ContentPage.objects.filter(locale=nb, depth=3).first()
new_page = ContentPage.objects.filter(locale=nb, slug="nytt-tilbud-til-foreldre").first()
if new_page is None:
    new_page = ContentPageFactory(parent=parent, title="Nytt tilbud til foreldre", slug="nytt-tilbud-til-foreldre",
                                  intro="Foreldrekurs i barnehagen om våren.", locale=nb)
    new_page.save_revision(user=editor).publish()

ids = {{
    "level": level.pk,
    "level_nn": level.get_translation(nn).pk,
    "directory": ServiceDirectoryPage.objects.get(locale=nb).pk,
    "tool": Tool.objects.filter(locale=nb).order_by("pk").first().pk,
    "tool_nn": Tool.objects.filter(locale=nn).order_by("pk").first().pk,
    "content": parent.pk,
    "service": ServicePage.objects.filter(locale=nb).order_by("-path").first().pk,
}}
try:
    from network.models import ReportFormPage
    form_page = ReportFormPage.objects.filter(locale=nb).order_by("path").first()
    ids["form"] = form_page.pk if form_page else None
except ImportError:
    ids["form"] = None
print(json.dumps(ids))
"""


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 code (SHA-1, 6 digits, 30 s), as allauth's TOTP checks it."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


def sign_in(page, base_url, username, password):
    page.goto(f"{base_url}/nb/konto/login/?next=/admin/")
    page.fill('input[name="login"]', username)
    page.fill('input[name="password"]', password)
    page.locator('form:has(input[name="password"]) button[type="submit"]').first.click()
    page.wait_for_selector('input[name="code"]')
    page.fill('input[name="code"]', totp_code(TOTP_SECRET))
    page.locator('form:has(input[name="code"]) button[type="submit"]').first.click()
    page.wait_for_url(f"{base_url}/admin/**")


def shoot(page, out: Path, name: str, url: str | None = None, *, selector: str | None = None, scroll_to=None):
    if url is not None:
        response = page.goto(url)
        if response is None or response.status >= 400:
            raise RuntimeError(f"{name}: {url} answered {response.status if response else 'nothing'}")
    page.wait_for_load_state("networkidle")
    if selector:
        page.wait_for_selector(selector)
    if scroll_to:
        page.locator(scroll_to).first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # let menus and panels finish their animation
    page.screenshot(path=str(out / f"{name}.png"))
    print(f"  {name}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium (never download a browser)", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bti-screenshots-") as workdir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
            "MEDIA_ROOT": f"{workdir}/media",
        }
        print("Bygger demodatabasen …")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        ids = json.loads(manage(env, "shell", "-c", SETUP_SCRIPT).strip().splitlines()[-1])
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base_url}/robots.txt", timeout=1)  # noqa: S310 - loopback only
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                print("the portal did not start", file=sys.stderr)
                return 1
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                take_screenshots(browser, base_url, out, ids)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


def take_screenshots(browser, base_url, out, ids):
    admin = f"{base_url}/admin"
    context = browser.new_context(viewport=VIEWPORT, locale="nb-NO")
    page = context.new_page()
    print("Redaktør:")
    sign_in(page, base_url, *EDITOR)
    shoot(page, out, "01-oversikt-redaktor", f"{admin}/")
    shoot(
        page,
        out,
        "02-nivaside-steg",
        f"{admin}/pages/{ids['level']}/edit/",
        scroll_to='[data-contentpath="steps"]',
    )
    shoot(page, out, "03-verktoy-fil", f"{admin}/snippets/guide/tool/edit/{ids['tool']}/")
    shoot(page, out, "04-verktoy-nynorsk-fil", f"{admin}/snippets/guide/tool/edit/{ids['tool_nn']}/")
    shoot(page, out, "05-nytt-hjelpetilbud", f"{admin}/pages/add/guide/servicepage/{ids['directory']}/")
    shoot(page, out, "06-oversettelsesstatus", f"{admin}/rapporter/oversettelser/?status=todo")
    shoot(page, out, "07-oversettelsesverktoy", f"{admin}/pages/{ids['level_nn']}/edit/")
    page.goto(f"{admin}/pages/{ids['service']}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()
    shoot(page, out, "08-send-til-godkjenning")
    page.goto(f"{admin}/pages/{ids['content']}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("[data-side-panel-toggle='status']").first.click()
    shoot(page, out, "09-personvern-og-tilgang")
    shoot(page, out, "10-last-opp-dokument", f"{admin}/documents/multiple/add/")
    if ids.get("form"):
        shoot(page, out, "11-skjemabygger", f"{admin}/pages/{ids['form']}/edit/")
        shoot(page, out, "12-skjemasvar-eksport", f"{admin}/forms/submissions/{ids['form']}/")
    shoot(page, out, "13-sider-som-bor-gjennomgas", f"{admin}/rapporter/gjennomgang/")
    context.close()

    context = browser.new_context(viewport=VIEWPORT, locale="nb-NO")
    page = context.new_page()
    print("Koordinator:")
    sign_in(page, base_url, *COORDINATOR)
    shoot(page, out, "14-oversikt-koordinator-godkjenning", f"{admin}/")
    context.close()


if __name__ == "__main__":
    sys.exit(main())
