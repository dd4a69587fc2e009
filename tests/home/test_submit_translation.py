"""wagtail-localize's «Oversett siden» screen ticks the only other language (issue 17)."""

from django.urls import reverse

from wagtail import hooks
from wagtail.models import Locale
from wagtail_localize.models import Translation

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from home.editorial import setup
from home.factories import ContentPageFactory
from home.models import HomePage
from tests.portal import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]
hooks.search_for_hooks()


@pytest.fixture
def editor_client(client, make_user):
    editor = make_user("rita", setup.EDITORS)
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    return client


@pytest.fixture
def bokmal_only(nb):
    page = ContentPageFactory(
        parent=HomePage.objects.get(locale=nb), title="Bare på bokmål", slug="bare-bokmal"
    )
    page.save_revision().publish()
    return page


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def test_the_only_target_language_is_ticked(editor_client, bokmal_only, nn):
    doc = parse(editor_client.get(submit_url(bokmal_only)).content.decode())
    boxes = doc.select('input[name="locales"]')
    assert [box["value"] for box in boxes] == [str(nn.pk)]
    assert boxes[0].has_attr("checked")


def test_submit_alone_creates_the_nynorsk_translation(editor_client, bokmal_only, nn):
    doc = parse(editor_client.get(submit_url(bokmal_only)).content.decode())
    form = doc.select_one('form[method="POST"], form[method="post"]')
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("input[name]")
        if field.get("type") not in ("checkbox", "submit") or field.has_attr("checked")
    }
    response = editor_client.post(submit_url(bokmal_only), data)
    assert response.status_code == 302
    assert Translation.objects.filter(
        source__object_id=bokmal_only.translation_key, target_locale=nn
    ).exists()


def test_a_page_with_every_translation_ticks_nothing(editor_client, nb):
    # Only one language left to choose is what makes the choice obvious; here there is none.
    assert Locale.objects.count() == 2
    page = HomePage.objects.get(locale=nb)
    response = editor_client.get(submit_url(page))
    assert not parse(response.content.decode()).select('input[name="locales"][checked]')
