"""The admin's avatars and Help menu stay on the portal (issue 17): no Gravatar (blocked by the
admin CSP, and a leak of editors' e-mail hashes), and «Hjelp» leads to our own editor guide."""

import re

from django.contrib.staticfiles import finders
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from home.editorial import setup
from tests.portal import parse

pytestmark = pytest.mark.django_db
hooks.search_for_hooks()


@pytest.fixture
def editor(make_user):
    user = make_user("rita", setup.EDITORS, email="rita@provestad.example")
    TOTP.activate(user, generate_totp_secret())
    return user


def test_avatar_without_upload_is_our_own_static_file(editor):
    url = avatar_url(editor)
    assert url.startswith("/static/"), url
    assert finders.find(url.removeprefix("/static/").split("?")[0])


def test_admin_shows_no_gravatar(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html
    sources = [img["src"] for img in parse(html).select("img.avatar, .avatar img")]
    assert sources and all(src.startswith("/static/") for src in sources)


def test_help_menu_leads_to_our_guide(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("editor_guide") in html
    assert not re.search(r"guide\.wagtail\.org|docs\.wagtail\.org", html)


def test_guide_is_rendered_for_editors(client, editor):
    client.force_login(editor)
    response = client.get(reverse("editor_guide"))
    assert response.status_code == 200
    doc = parse(response.content.decode())
    assert doc.select_one("article h1").get_text() == "Redaktørveiledning for BTI-portalen"
    # The table of contents links the headings, «å» and all.
    assert doc.select_one('a[href="#oversikten-når-du-logger-inn"]')
    assert doc.select_one('[id="oversikten-når-du-logger-inn"]')
    image = doc.select_one("article img")["src"]
    assert client.get(reverse("editor_guide") + image).status_code == 200


def test_guide_needs_a_login(client):
    response = client.get(reverse("editor_guide"))
    assert response.status_code == 302
    assert client.get(reverse("editor_guide_image", args=["01-oversikt-redaktor.png"])).status_code == 302


def test_guide_images_are_only_the_screenshots(client, editor):
    client.force_login(editor)
    assert client.get(reverse("editor_guide_image", args=["redaktorveiledning.md"])).status_code == 404
    assert client.get(reverse("editor_guide_image", args=["finst-ikkje.png"])).status_code == 404
