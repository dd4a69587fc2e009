from django.utils.html import strip_tags

from wagtail_localize.models import TranslationSource

import pytest

from home.factories import ContentPageFactory
from home.models import HomePage
from tests.portal import HOME_HEADING, HOME_PARAGRAPH, HOME_TITLE, MUNICIPALITY, OPENING_HOURS, parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("nn", "/nn/"),
        ("nn-NO,nn;q=0.9,nb;q=0.5", "/nn/"),
        ("nb", "/nb/"),
        ("no", "/nb/"),
        ("en-GB,en", "/nb/"),
        ("", "/nb/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "lang"), [("/nb/", "nb"), ("/nn/", "nn"), ("/nb/om-bti/", "nb"), ("/nn/om-bti/", "nn")]
)
def test_both_trees_route_with_right_html_lang(client, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_nynorsk_page_is_a_wagtail_localize_translation_in_real_nynorsk(client, portal):
    nn_home = portal.home["nn"]
    assert nn_home.translation_key == portal.home["nb"].translation_key
    assert (
        TranslationSource.objects.get(object_id=nn_home.translation_key).get_source_instance()
        == portal.home["nb"]
    )
    html = client.get("/nn/").content.decode()
    for nynorsk in (HOME_TITLE[1], HOME_HEADING[1], strip_tags(HOME_PARAGRAPH[1])):
        assert nynorsk in html
    assert strip_tags(HOME_PARAGRAPH[0]) not in html
    # Template strings come from the nn catalogue, not Bokmål.
    assert "Hopp til hovudinnhaldet" in html and "Hopp til hovedinnholdet" not in html


def test_hreflang_alternates_point_at_each_translation(client):
    head = parse(client.get("/nb/om-bti/").content).head
    alternates = {link["hreflang"]: link["href"] for link in head.select("link[rel=alternate][hreflang]")}
    assert alternates == {"nb": "http://testserver/nb/om-bti/", "nn": "http://testserver/nn/om-bti/"}


def switcher(html):
    """The language switcher's entries: (language, href or None for the current one, text)."""
    entries = []
    for element in parse(html).select("[lang][hreflang], [lang][aria-current=true]"):
        if element.name in ("a", "span"):
            entries.append((element["lang"], element.get("href"), element.get_text(strip=True)))
    return entries


def test_language_switcher_goes_to_the_same_page_in_the_other_language(client):
    entries = switcher(client.get("/nn/om-bti/").content)
    assert ("nb", "/nb/om-bti/", "Norsk bokmål") in entries
    assert ("nn", None, "Norsk nynorsk") in entries


def test_language_switcher_falls_back_to_front_page_and_says_so(client):
    untranslated = ContentPageFactory(
        parent=HomePage.objects.get(locale__language_code="nb"), title="Bare på bokmål", slug="bare-bokmal"
    )
    untranslated.save_revision().publish()
    html = client.get("/nb/bare-bokmal/").content.decode()
    assert ("nn", "/nn/", "Norsk nynorsk") in switcher(html)
    assert "finnes ikke på Norsk nynorsk – lenken går til forsiden" in html
    assert 'hreflang="nn" href=' not in html  # no alternate link to a translation that does not exist


def test_main_menu_follows_active_language(client):
    nb_html = client.get("/nb/").content.decode()
    nn_html = client.get("/nn/").content.decode()
    assert 'href="/nb/om-bti/"' in nb_html and 'href="/nn/om-bti/"' not in nb_html
    assert 'href="/nn/om-bti/"' in nn_html


def test_footer_uses_site_profile_of_active_language(client, portal):
    footer = parse(client.get("/nn/").content).select_one("footer")
    text = footer.get_text(" ", strip=True)
    assert OPENING_HOURS[1] in text and OPENING_HOURS[0] not in text
    assert MUNICIPALITY[1] in text
    assert "/nn/om-bti/" in [
        a.get("href") for a in footer.select("a")
    ]  # footer link localised to the nn page


@pytest.mark.parametrize(
    ("path", "text"), [("/nb/finnes-ikke/", "Fant ikke siden"), ("/nn/finst-ikkje/", "Fann ikkje sida")]
)
def test_404_page_is_translated(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_login_page_is_fully_nynorsk(client):
    html = client.get("/nn/konto/login/").content.decode()
    assert '<html lang="nn"' in html
    assert "Brukarnamn eller e-post" in html  # allauth's label, from the vendor nn catalogue
    assert "Gløymt passordet?" in html
    assert "Logg inn for tilsette" in html
    assert "Brukernavn" not in html


def test_login_error_is_translated_and_keeps_what_was_typed(client):
    response = client.post("/nn/konto/login/", {"login": "ukjend", "password": "feil-passord"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Brukarnamnet og/eller passordet du oppgav er feil." in html
    assert 'value="ukjend"' in html
