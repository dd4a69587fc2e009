"""Coordinators in the admin: the menu leads to the portal's own overview of each form, the forms
list says which language each form is in, and the admin's own export shows Oslo time."""

import csv
import io
import json

from django.contrib.auth.models import Permission

from wagtail.models import Locale

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def with_mfa(user):
    TOTP.activate(user, generate_totp_secret())
    return user


def sidebar_menu(response) -> str:
    """The admin's main menu, which Wagtail renders as JSON for its sidebar."""
    props = BeautifulSoup(response.content.decode(), "html.parser").find(id="wagtail-sidebar-props")
    return json.dumps(json.loads(props.string), ensure_ascii=False)


def test_coordinators_find_the_answer_overview_in_the_admin_menu(client, make_user, answered_form):
    client.force_login(with_mfa(make_user("koord", "Koordinatorer")))
    menu = sidebar_menu(client.get("/admin/"))
    assert "Svaroversikt" in menu
    dashboard = answered_form.url + "oversikt/"
    assert dashboard in menu
    assert client.get(dashboard).status_code == 200


def test_admin_users_who_are_not_coordinators_do_not_see_it(client, make_user, answered_form):
    user = with_mfa(make_user("admin-bruker"))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    menu = sidebar_menu(response)
    assert "Svaroversikt" not in menu and answered_form.url + "oversikt/" not in menu


def test_the_forms_list_shows_each_forms_language(admin_client, answered_form):
    nn_page = answered_form.get_translation(Locale.objects.get(language_code="nn"))
    html = admin_client.get("/admin/forms/").content.decode()
    rows = BeautifulSoup(html, "html.parser").select("table tbody tr")
    by_link = {
        link["href"]: row.get_text(" ", strip=True)
        for row in rows
        for link in row.find_all("a", href=lambda href: href and "/admin/forms/submissions/" in href)
    }
    assert by_link, html[html.find("<table") : html.find("<table") + 3000]
    assert "Norsk bokmål" in by_link[f"/admin/forms/submissions/{answered_form.pk}/"]
    assert "Norsk nynorsk" in by_link[f"/admin/forms/submissions/{nn_page.pk}/"]
    headings = [th.get_text(" ", strip=True) for th in BeautifulSoup(html, "html.parser").select("table th")]
    assert "Språk" in headings, headings


def test_the_admins_own_export_shows_oslo_time_to_the_minute(admin_client, answered_form):
    response = admin_client.get(f"/admin/forms/submissions/{answered_form.pk}/", {"export": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[1][0] == "2026-06-03 12:15"  # 10:15:42.123456 UTC
