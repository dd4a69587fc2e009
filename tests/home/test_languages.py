import re

from wagtail.models import Page

import pytest

from home.factories import ContentPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def home(language_code):
    return HomePage.objects.get(locale__language_code=language_code)


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


def test_nynorsk_page_is_a_wagtail_localize_translation_in_real_nynorsk(client):
    nn_home = home("nn")
    assert nn_home.translation_key == home("nb").translation_key
    html = client.get("/nn/").content.decode()
    assert "Betre tverrfagleg innsats" in html
    assert "Stafetthaldar og stafettlogg" in html
    assert "ikkje foreldra først" in html
    # Template strings come from the nn catalogue, not Bokmål.
    assert "Hopp til hovudinnhaldet" in html and "Hopp til hovedinnholdet" not in html


def test_hreflang_alternates_point_at_each_translation(client):
    html = client.get("/nb/om-bti/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html))
    assert alternates == {"nb": "http://testserver/nb/om-bti/", "nn": "http://testserver/nn/om-bti/"}


def test_language_switcher_goes_to_the_same_page_in_the_other_language(client):
    html = client.get("/nn/om-bti/").content.decode()
    assert '<a class="ds-link" href="/nb/om-bti/" hreflang="nb" lang="nb">Norsk bokmål</a>' in html
    assert '<span aria-current="true" lang="nn">Norsk nynorsk</span>' in html


def test_language_switcher_falls_back_to_front_page_and_says_so(client):
    untranslated = ContentPageFactory(parent=home("nb"), title="Bare på bokmål", slug="bare-bokmal")
    untranslated.save_revision().publish()
    html = client.get("/nb/bare-bokmal/").content.decode()
    assert '<a class="ds-link" href="/nn/" hreflang="nn" lang="nn">Norsk nynorsk</a>' in html
    assert "finnes ikke på Norsk nynorsk – lenken går til forsiden" in html
    assert 'hreflang="nn" href=' not in html  # no alternate link to a translation that does not exist


def test_main_menu_follows_active_language(client):
    nb_html = client.get("/nb/").content.decode()
    nn_html = client.get("/nn/").content.decode()
    assert 'href="/nb/om-bti/"' in nb_html and 'href="/nn/om-bti/"' not in nb_html
    assert 'href="/nn/om-bti/"' in nn_html


def test_footer_uses_site_profile_of_active_language(client):
    nn_html = client.get("/nn/").content.decode()
    assert "Kvardagar kl. 08.00–15.30" in nn_html
    assert "Fjordvik kommune" in nn_html
    assert 'href="/nn/om-bti/"' in nn_html  # footer link localised to the nn page


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


def test_every_page_in_nb_tree_has_nn_translation_in_demo():
    for page in Page.objects.live().filter(locale__language_code="nb", depth__gt=1):
        assert page.get_translations().filter(locale__language_code="nn").live().exists(), page
