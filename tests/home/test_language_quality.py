"""Nynorsk pages must not fall back to Bokmål in the interface (menus, footer, forms, messages)."""

import re

from django.utils.html import strip_tags

from wagtail.models import Page

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]

# Common words that exist in Bokmål but not in Nynorsk.
BOKMAL_ONLY = [
    "ikke",
    "hjem",
    "søk etter",
    "hvordan",
    "hvem",
    "hva",
    "noen",
    "ansatte",
    "hovedinnholdet",
    "forsiden",
    "jeg",
    "mye",
    "tjenester",
    "bruker",
    "være",
    "skal være",
    "etter å ha",
    # Words of the demo's document titles that slipped through before (#17).
    "handlingsveilederen",
    "brukerveiledning",
    "nyansatte",
    "nivåene",
]


def bokmal_words(text: str) -> list[str]:
    lowered = f" {text.lower()} "
    return [word for word in BOKMAL_ONLY if re.search(rf"[^\wæøå]{re.escape(word)}[^\wæøå]", lowered)]


def interface_text(html: str) -> str:
    """Everything except the editors' content inside <main>."""
    without_main = re.sub(r"<main\b.*?</main>", " ", html, flags=re.S)
    without_scripts = re.sub(r"<(script|style)\b.*?</\1>", " ", without_main, flags=re.S)
    return strip_tags(without_scripts)


def nn_page_urls():
    seen, urls = set(), []
    for page in Page.objects.live().public().filter(locale__language_code="nn", depth__gt=1).specific():
        if type(page) not in seen:
            seen.add(type(page))
            urls.append(page.url)
    return urls


def test_interface_of_every_nn_page_type_is_nynorsk(client):
    urls = nn_page_urls()
    assert len(urls) >= 3
    problems = {}
    for url in urls:
        words = bokmal_words(interface_text(client.get(url).content.decode()))
        if words:
            problems[url] = words
    assert not problems


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/nn/konto/login/", 200),
        ("/nn/konto/password/reset/", 200),
        ("/nn/sok/?q=barnehage", 200),
        ("/nn/sok/?q=zzqqxx", 200),
        ("/nn/finst-ikkje/", 404),
    ],
)
def test_interface_only_pages_are_nynorsk_throughout(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    html = re.sub(
        r'<ol class="search-results.*?</ol>', " ", response.content.decode(), flags=re.S
    )  # results are content
    text = strip_tags(re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S))
    assert not bokmal_words(text), bokmal_words(text)


def test_login_error_messages_are_nynorsk(client):
    response = client.post("/nn/konto/login/", {"login": "ingen", "password": "galt-passord-1"})
    assert not bokmal_words(strip_tags(response.content.decode()))


def test_logout_confirmation_is_nynorsk(client, make_user):
    client.force_login(make_user("ut"))
    text = strip_tags(client.get("/nn/konto/logout/").content.decode())
    assert "Er du sikker på at du vil logge ut?" in text
    assert not bokmal_words(text)
