"""The one test that loads the demo: every live page of both language trees is served, the demo
leaves nothing for `draft_nynorsk` to draft (it ships both languages), and loading it again changes
nothing; its people are invented (addresses and numbers that reach nobody). Every other test builds what it asserts on (tests/portal.py, the apps' factories), so
editing the demo's prose breaks no test but this one, and only if a page stops being served."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import strip_tags

from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

import pytest

from guide.models import ConcernPage, ServiceDirectoryPage, ServicePage
from home.management.commands.draft_nynorsk import Command as DraftNynorsk
from network.models import Person, ServiceUnit
from tests.home.test_language_quality import bokmal_words
from tests.portal import parse

pytestmark = pytest.mark.django_db


def test_the_demo_loads_and_every_page_is_served_in_both_languages(client):
    call_command("load_demo_content", "--no-users", stdout=io.StringIO())
    assert get_user_model().objects.count() == 0

    walked = {"nb": 0, "nn": 0}
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
        language = page.locale.language_code
        response = client.get(page.url)
        restricted = page.get_view_restrictions().exists()
        if restricted:  # the intranet: anonymous visitors are asked to log in
            assert response.status_code in (302, 403), page.url
            if response.status_code == 302:
                assert response["Location"].startswith(f"/{language}/konto/login/"), page.url
        else:
            assert response.status_code == 200, page.url
        walked[language] += 1
    assert walked["nb"] > 0 and walked["nn"] == walked["nb"]

    command = DraftNynorsk(stdout=io.StringIO())
    items = command.plan(Locale.objects.get(language_code="nb"), Locale.objects.get(language_code="nn"))
    assert [item.label for item in items if item.action in ("create", "manual")] == []
    assert sum(len(item.segments) for item in items) == 0

    counts = (Page.objects.count(), StringTranslation.objects.count())
    call_command("load_demo_content", "--no-users", stdout=io.StringIO())
    assert (Page.objects.count(), StringTranslation.objects.count()) == counts

    # Privacy: invented people only, on the demo's own domain and the unused 12 34 xx xx numbers;
    # every service unit has an agent and a leader in both languages.
    assert all(
        email.endswith("@fjordvik.example") for email in Person.objects.values_list("email", flat=True)
    )
    phones = Person.objects.exclude(phone="").values_list("phone", flat=True)
    assert all(re.fullmatch(r"12 34 \d\d \d\d", phone) for phone in phones)
    for language in ("nb", "nn"):
        units = ServiceUnit.objects.filter(locale__language_code=language)
        assert units.exists() and all(unit.agent_links.exists() and unit.leader_id for unit in units)

    # Language: the demo's Nynorsk (every translated string of its pages and snippets) has none of
    # the Bokmål-only words the interface is guarded against (tests/home/test_language_quality.py).
    nynorsk = StringTranslation.objects.filter(locale__language_code="nn").values_list("data", flat=True)
    bokmal = {text: words for text in nynorsk if (words := bokmal_words(strip_tags(text)))}
    assert not bokmal, bokmal

    # The titles of the documents linked from Nynorsk pages are covered too: each is the page's
    # own (translated) link text, never the document's one title.
    titles = document_link_texts(Page.objects.filter(locale__language_code="nn").specific())
    assert titles
    bokmal = {title: words for title in titles if (words := bokmal_words(title))}
    assert not bokmal, bokmal

    assert_the_directory_agrees_with_the_texts(client)
    assert_the_concern_page_gives_contacts_for_ones_own_child(client)


def assert_the_directory_agrees_with_the_texts(client):
    """What the demo's texts promise, its directory data keeps: the FAQ «you can be anonymous with
    the health station or child welfare» finds 0–5 services by «anonym», and every service whose
    description says you can be anonymous is marked so (and so found by the filter)."""
    for language in ("nb", "nn"):
        directory = ServiceDirectoryPage.objects.live().get(locale__language_code=language)
        html = client.get(directory.url, {"q": "anonym", "malgruppe": "0-5"}).content.decode()
        found = [
            card.select_one("h3").get_text(strip=True) for card in parse(html).select("li.directory-card")
        ]
        assert any(title.startswith("Helsestasjonen") for title in found), (language, found)
        assert any(title.startswith("Barnevern") for title in found), (language, found)
        for service in ServicePage.objects.live().filter(locale__language_code=language):
            says_anonymous = re.search(
                r"anonym|uten å (si|oppgi)|utan å (seie|oppgje)", strip_tags(str(service.body))
            )
            assert service.anonymous or not says_anonymous, (language, service.title)


def assert_the_concern_page_gives_contacts_for_ones_own_child(client):
    """«Er du bekymret for ditt eget barn?» is followed by services from the directory, each linked
    to its page in the page's language and with a phone link."""
    for language in ("nb", "nn"):
        page = ConcernPage.objects.live().get(locale__language_code=language)
        cards = parse(client.get(page.url).content.decode()).select(".service-contacts li.directory-card")
        services = {
            service.url for service in ServicePage.objects.live().filter(locale__language_code=language)
        }
        assert len(cards) >= 3, language
        for card in cards:
            assert card.select_one("h3 a")["href"] in services, language
            assert card.select_one('a[href^="tel:"]'), language


def raw_document_links(data):
    """Every {"document": id, "title": text} value anywhere in a StreamField's raw data."""
    if isinstance(data, dict):
        if "document" in data and "title" in data and isinstance(data["document"], int):
            yield data
        for value in data.values():
            yield from raw_document_links(value)
    elif isinstance(data, list):
        for value in data:
            yield from raw_document_links(value)


def document_link_texts(pages) -> set[str]:
    """The text of every document link block on the pages, as components/document_link.html shows it."""
    links = [
        link
        for page in pages
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
        for link in raw_document_links(list(getattr(page, field.name).raw_data))
    ]
    titles = get_document_model().objects.in_bulk({link["document"] for link in links})
    return {link["title"] or titles[link["document"]].title for link in links if link["document"] in titles}
