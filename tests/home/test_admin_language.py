"""The Wagtail admin speaks Bokmål all the way (issue 17).

Wagtail's and wagtail-localize's own nb catalogues leave much of the admin in English; the gaps
editors meet are filled in `locale/vendor/nb` (django.po for the server, djangojs.po for the admin
scripts). Editors choose between nb and en (WAGTAILADMIN_PERMITTED_LANGUAGES): the admin offers no
Nynorsk, so there is no nn admin catalogue to fill."""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail import hooks
from wagtail.models import Page, Workflow

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from guide.models import GuideLevelPage
from home.editorial import setup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]
hooks.search_for_hooks()

# What editors reported seeing in English, as Wagtail and wagtail-localize spell the msgids.
SERVER_STRINGS = [
    "title tag",
    "meta description",
    "Translate this page",
    "Translate page",
    "Locales",
    "Submit",
    "Request changes",
    "Approve with comment",
    "This %(model_name)s is currently awaiting moderation.",
    "Skip to main content",
    "Help",
    "Search all pages…",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s",
    "in moderation",
    "In Moderation",
    "Language",
    "Privacy and access",
    "Form data",
    "Aging pages",
]
ADMIN_SCRIPT_STRINGS = ["Collapse all", "Expand all", "Main menu"]
TRANSLATION_EDITOR_STRINGS = ["Translate with ", "Translate all missing strings with "]


def test_admin_languages_are_bokmal_and_english():
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["nb", "en"]


@pytest.mark.parametrize("msgid", SERVER_STRINGS)
def test_admin_string_is_bokmal(msgid):
    with translation.override("nb"):
        assert translation.gettext(msgid) != msgid


def test_wagtail_typo_tiittel_is_corrected():
    msgid = "The page title as you'd like it to be seen by the public"  # Wagtail's, not ours to extract
    with translation.override("nb"):
        text = translation.gettext(msgid)
    assert text == "Tittel på siden slik den vises offentlig"


@pytest.fixture
def editor_client(client, make_user):
    editor = make_user("rita", setup.EDITORS)
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    return client


def script_catalogue(client, url):
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    return json.loads(body.split("const newcatalog = ", 1)[1].split(";\n", 1)[0])


@pytest.mark.parametrize(
    ("url", "msgids"),
    [("/admin/jsi18n/", ADMIN_SCRIPT_STRINGS), ("/admin/localize/jsi18n/", TRANSLATION_EDITOR_STRINGS)],
)
def test_admin_script_strings_are_bokmal(editor_client, url, msgids):
    catalogue = script_catalogue(editor_client, url)
    for msgid in msgids:
        assert catalogue.get(msgid) and catalogue[msgid] != msgid, msgid


def test_apertium_button_says_oversett_med(editor_client):
    catalogue = script_catalogue(editor_client, "/admin/localize/jsi18n/")
    assert catalogue["Translate with "] == "Oversett med "


ENGLISH_ON_ADMIN_PAGES = [
    "Skip to main content",
    "Search all pages…",
    "Title tag",
    "Meta description",
    "We extract",
    "Translate this page",
    "awaiting moderation",
    "Request changes",
    "Approve with comment",
    "In Moderation",
    "Privacy and access",
    ">Language<",
    "Aging pages",
    '"Help"',
    ">Locales<",
    ">Submit<",
    " of ",
]


def test_admin_pages_an_editor_uses_show_no_english(editor_client, nb, make_user):
    guide_page = GuideLevelPage.objects.filter(locale=nb, live=True).order_by("path").first()
    coordinator = make_user("kari", setup.COORDINATORS)
    Page.objects.get(pk=guide_page.pk).specific.save_revision(user=coordinator)
    Workflow.objects.get(name=setup.WORKFLOW_NAME).start(guide_page, coordinator)
    source = Page.objects.filter(locale=nb, depth=3).first()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[guide_page.pk]),
        reverse("wagtailadmin_explore", args=[guide_page.get_parent().pk]),
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:locked_pages"),
    ]
    for url in urls:
        response = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="nb")
        assert response.status_code == 200, url
        html = response.content.decode()
        found = [text for text in ENGLISH_ON_ADMIN_PAGES if text in html]
        assert not found, f"{url}: {found}"
