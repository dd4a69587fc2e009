"""Two app servers behind one load balancer: two gunicorn instances of the production profile on
different loopback ports, sharing one PostgreSQL database (the test database) and one Redis.

Shows that a page published through one is served fresh by the other (the page-cache purge is
shared), that a login on one is valid on the other, and that the login rate limit counts attempts
on both. Needs PostgreSQL (DATABASE_URL) and Redis (MULTISERVER_REDIS_URL, default
redis://127.0.0.1:6379/8, a database this test empties); skipped otherwise. Takes about 20 s.
"""

import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection

from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from home.factories import HomePageFactory
from home.models import ContentPage

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("MULTISERVER_REDIS_URL", "redis://127.0.0.1:6379/8")
PORTS = [int(port) for port in os.environ.get("MULTISERVER_PORTS", "8302,8303").split(",")]
PASSWORD = "multi-server-pass-2026"
HOST = "localhost"

pytestmark = [pytest.mark.multiserver, pytest.mark.django_db]


def redis_or_skip():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.ping()
    except Exception as error:  # noqa: BLE001 - any failure means "no Redis here"
        pytest.skip(f"Redis at {REDIS_URL} is not reachable: {error}")
    return client


def database_url() -> str:
    db = connection.settings_dict
    auth = urllib.parse.quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + urllib.parse.quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Browser:
    """A tiny HTTP client with its own cookies, talking to one server at a time."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port, path, data=None):
        # As a load balancer sends them: the public host name (the same on every server; allauth's
        # rate-limit keys include it) and the scheme.
        headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        if body is not None:
            headers["Referer"] = f"https://{HOST}{path}"
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            if value in ('""', "") or "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response.status, response.headers, response.read().decode("utf-8", "replace")

    def csrf_token(self, port, path):
        _status, _headers, html = self.request(port, path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    @staticmethod
    def errors(html):
        return re.findall(r"<(?:p|li|div)[^>]*(?:error|alert)[^>]*>\s*(.*?)\s*</", html, re.DOTALL)

    def login(self, port, username, password):
        token = self.csrf_token(port, "/nb/konto/login/")
        status, _headers, html = self.request(
            port,
            "/nb/konto/login/",
            {"csrfmiddlewaretoken": token, "login": username, "password": password},
        )
        return status, html


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): two servers cannot share an in-memory SQLite database")
    redis_or_skip().flushdb()
    static_root = tempfile.mkdtemp(prefix="bti-multiserver-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)

    # The servers read the database from outside the test's transaction: what they serve is
    # committed here and removed again at the end.
    with django_db_blocker.unblock():
        site = Site.objects.get(is_default_site=True)
        old_root_id = site.root_page_id
        home = HomePageFactory(parent=Page.get_first_root_node(), title="Flere tjenere-forside", slug="flere")
        Site.objects.filter(pk=site.pk).update(root_page=home)
        page = ContentPage(title="Flere tjenere", slug="flere-tjenere", intro="Før publisering.")
        home.add_child(instance=page)
        page.save_revision().publish()
        User = get_user_model()
        User.objects.create_superuser("multi-editor", "multi-editor@fjordvik.example")
        agent = User.objects.create_user("multi-agent", "multi-agent@fjordvik.example")
        agent.groups.add(Group.objects.get(name="BTI-agenter"))
        # The servers use the production hashers, not the test settings' fast MD5.
        hasher = PBKDF2PasswordHasher()
        User.objects.filter(username__in=["multi-editor", "multi-agent"]).update(
            password=hasher.encode(PASSWORD, hasher.salt())
        )

    processes = []
    try:
        for port in PORTS:
            processes.append(
                subprocess.Popen(
                    [
                        str(Path(python).parent / "gunicorn"),
                        "portal.wsgi:application",
                        "--workers=2",
                        f"--bind=127.0.0.1:{port}",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        browser = Browser()
        for port, process in zip(PORTS, processes, strict=True):
            for _ in range(100):
                assert process.poll() is None, f"gunicorn on {port} exited"
                try:
                    if browser.request(port, "/robots.txt")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail(f"gunicorn on {port} did not start")
        yield {"page": page}
    finally:
        for process in processes:
            if process.poll() is None:
                os.kill(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.kill(process.pid, signal.SIGKILL)
        with django_db_blocker.unblock():
            Site.objects.filter(pk=site.pk).update(root_page_id=old_root_id)
            Page.objects.filter(pk=home.pk).delete()
            get_user_model().objects.filter(username__in=["multi-editor", "multi-agent"]).delete()


def test_a_page_published_through_one_server_is_fresh_on_the_other(servers):
    a, b = PORTS
    page = servers["page"]
    visitor = Browser()
    visitor.request(b, page.url)
    status, headers, html = visitor.request(b, page.url)
    assert (status, headers["X-Page-Cache"]) == (200, "hit")
    assert "Flere tjenere" in html

    editor = Browser()
    status, html = editor.login(a, "multi-editor", PASSWORD)
    assert status == 302, Browser.errors(html) or html[-3000:]
    edit_url = f"/admin/pages/{page.pk}/edit/"
    token = editor.csrf_token(a, edit_url)
    form = nested_form_data(
        {
            "title": "Publisert via den første tjeneren",
            "slug": "flere-tjenere",
            "intro": "Etter publisering.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    status, headers, _html = editor.request(
        a, edit_url, {**form, "csrfmiddlewaretoken": token, "action-publish": "action-publish"}
    )
    assert status == 302, "the publish was not accepted"

    status, headers, html = visitor.request(b, page.url)
    assert status == 200
    assert headers["X-Page-Cache"] == "miss"
    assert "Publisert via den første tjeneren" in html


def test_a_login_on_one_server_is_valid_on_the_other(servers):
    a, b = PORTS
    agent = Browser()
    assert agent.login(a, "multi-agent", PASSWORD)[0] == 302
    assert agent.cookies.get(settings.SESSION_COOKIE_NAME)
    visitor = Browser()
    visitor.request(b, "/nb/")
    assert visitor.request(b, "/nb/")[1]["X-Page-Cache"] == "hit"  # an anonymous copy is cached
    status, headers, html = agent.request(b, "/nb/")
    assert status == 200
    assert "Logg ut" in html, "not logged in on the second server"
    assert "X-Page-Cache" not in headers  # and the logged-in view is never the cached one


def test_the_login_rate_limit_counts_attempts_on_both_servers(servers):
    a, b = PORTS
    attacker = Browser()
    for attempt in range(5):  # allauth: 5 failed attempts per account within 5 minutes
        status, _html = attacker.login(PORTS[attempt % 2], "multi-agent", "wrong-password-123")
        assert status == 200
    # Three attempts reached B and two reached A; neither alone is over the limit, together they are.
    status, html = Browser().login(b, "multi-agent", PASSWORD)
    assert status == 200, "the right password was accepted although the account was rate limited"
    assert "For mange innloggingsforsøk" in html or "Too many failed" in html
    status, _html = Browser().login(a, "multi-agent", PASSWORD)
    assert status == 200
