"""Login limits per real client behind nginx, even cost for known and unknown addresses, no
"unknown account" e-mails, and the headers of item 6 (home/accounts.py, home/security.py)."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.cache import cache

import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def production_setting(name):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "x" * 50}
    env.pop("TRUSTED_PROXY_COUNT", None)
    result = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; print(settings.{name})"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_production_trusts_the_address_nginx_forwards():
    assert production_setting("ALLAUTH_TRUSTED_PROXY_COUNT") == "1"


def test_one_forwarded_client_blocked_does_not_block_the_other(client, settings, make_user):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    cache.clear()
    make_user("limit-victim")
    attacker = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    colleague = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    blocked = False
    for attempt in range(12):  # allauth: 10 failed logins per minute per address
        response = client.post(
            "/nb/konto/login/", {"login": f"guess-{attempt}", "password": "wrong-pass-123"}, **attacker
        )
        if response.status_code == 429 or "For mange" in response.content.decode():
            blocked = True
            break
    assert blocked, "ten failed logins from one address were not limited"
    response = client.post(
        "/nb/konto/login/", {"login": "limit-victim", "password": "test-pass-123"}, **colleague
    )
    assert response.status_code == 302, "a colleague behind the same proxy was locked out too"


@pytest.fixture
def hashes(monkeypatch):
    count = {"n": 0}
    encode = MD5PasswordHasher.encode

    def counting(self, *args, **kwargs):
        count["n"] += 1
        return encode(self, *args, **kwargs)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting)
    return count


def test_login_by_email_costs_the_same_for_known_and_unknown_addresses(client, make_user, hashes):
    make_user("timing", email="timing@fjordvik.example")
    cost = {}
    for login in ("timing@fjordvik.example", "nobody-here@fjordvik.example", "timing", "nobody-here"):
        cache.clear()
        hashes["n"] = 0
        client.post("/nb/konto/login/", {"login": login, "password": "wrong-pass-123"})
        cost[login] = hashes["n"]
    assert len(set(cost.values())) == 1, cost


def test_password_reset_for_an_unknown_address_sends_nothing(client):
    mail.outbox.clear()
    response = client.post("/nb/konto/password/reset/", {"email": "ukjent@fjordvik.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_cross_origin_policies_on_every_response(client):
    response = client.get("/nb/konto/login/")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_has_a_content_security_policy_it_works_under(client, make_user):
    editor = make_user("csp-editor", is_superuser=True, is_staff=True)
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    for path in ("/admin/", "/admin/pages/", "/admin/images/"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in policy
        assert "object-src 'none'" in policy
        assert "base-uri 'self'" in policy
        assert "script-src" not in policy  # the admin's inline scripts keep working
    assert client.get("/admin/login/")["Content-Security-Policy"]
