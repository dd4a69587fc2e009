"""The service directory ("hvem kan hjelpe"): tree rules, editing, filters, search, pagination,
order, JSON-LD, tel: links, the brochure PDF and query counts, in both languages.

Every test builds what it looks at (the `directory_tree` fixture in conftest.py, or factories)."""

import gzip
import io
import json
import re
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import F
from django.utils import translation

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from guide import brochure
from guide.factories import ServiceDirectoryPageFactory, ServicePageFactory
from guide.models import ServiceDirectoryPage, ServicePage
from guide.sorting import norwegian_sort_key
from guide.vocabulary import TARGET_GROUPS, TOPICS
from home import cache as page_cache
from home.factories import ContentPageFactory
from home.models import ContentPage, HomePage, SiteProfile
from home.phone import tel_href
from tests.guide.conftest import DIRECTORY_SERVICES, front_page_of

pytestmark = pytest.mark.django_db

# The directory's order of DIRECTORY_SERVICES: akutt hjelp, then åpent hele døgnet, then the rest
# in Norwegian alphabetical order (… Zebra, Æ, Ø, Å).
ORDER = ["krise", "legevakt", "jordmor", "rusteam", "zebra", "aeskeladden", "ornereiret", "barnehage"]
# The Nynorsk page sorts by its own titles: "Open testbarnehage" comes before "Rusteamet".
NN_ORDER = ["krise", "legevakt", "jordmor", "barnehage", "rusteam", "zebra", "aeskeladden", "ornereiret"]
SERVICE_COUNT = len(DIRECTORY_SERVICES)


def parse(html) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def get_html(client, page_or_url, params=None) -> str:
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url, params or {})
    assert response.status_code == 200, url
    return response.content.decode()


def cards(html):
    """The directory's service cards, in the order shown."""
    return parse(html).select("ul.directory-list > li.directory-card")


def card_titles(html) -> list[str]:
    return [card.h3.a.get_text(strip=True) for card in cards(html)]


def titles_of(tree, keys, language="nb") -> list[str]:
    services = tree["services" if language == "nb" else "nn_services"]
    return [services[key].title for key in keys]


def results_heading(html) -> str:
    return parse(html).find(id="treff").get_text(strip=True)


def results_range(html) -> str | None:
    shown = parse(html).select_one(".directory-results__range")
    return None if shown is None else shown.get_text(strip=True)


def option_count(html, name, value) -> str:
    label = parse(html).find("label", attrs={"for": f"{name}-{value}"})
    return label.select_one(".directory-filter__count").get_text(strip=True)


def is_checked(html, name, value) -> bool:
    return parse(html).find("input", attrs={"name": name, "value": value}).has_attr("checked")


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def profile_of(locale, name="Prøvestad kommune"):
    """The locale's site profile (the brochure's cover, JSON-LD's areaServed), named `name`."""
    profile = SiteProfile.objects.filter(locale=locale).first() or SiteProfile(locale=locale)
    profile.municipality_name = name
    profile.save()
    return profile


# --- Tree, editing, translation ---------------------------------------------------------------------


def test_directory_and_services_are_created_only_in_their_place(nb, nb_home, directory_tree):
    directory, service = directory_tree["nb"], directory_tree["services"]["zebra"]
    content = ContentPageFactory(parent=nb_home, slug="en-innholdsside")
    assert ServicePage.can_create_at(directory)
    assert not ServicePage.can_create_at(nb_home) and not ServicePage.can_create_at(content)
    assert not ServiceDirectoryPage.can_create_at(content)
    assert not ServiceDirectoryPage.can_create_at(directory)
    assert not ServiceDirectoryPage.can_create_at(nb_home)  # one per front page, and it has one
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Annen forside", slug="annen-forside", locale=nb)
    )
    assert ServiceDirectoryPage.can_create_at(other_home)
    for page_type in (ServicePage, ServiceDirectoryPage, ContentPage):  # a service has no subpages
        assert not page_type.can_create_at(service), page_type


class TestEditing(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@fjordvik.example", "pw-123456789")
        )
        self.directory = ServiceDirectoryPageFactory(
            parent=front_page_of(Locale.objects.get(language_code="nb")), slug="redaktortest"
        )

    def test_add_subpage_of_a_directory_offers_only_a_service(self):
        response = self.client.get(f"/admin/pages/{self.directory.pk}/add_subpage/")
        # One page type allowed: the admin goes straight to its form.
        self.assertRedirects(
            response,
            f"/admin/pages/add/guide/servicepage/{self.directory.pk}/",
            fetch_redirect_response=False,
        )
        # Another page type's form is refused (the admin's "no permission" redirect, no form).
        refused = self.client.get(f"/admin/pages/add/home/contentpage/{self.directory.pk}/")
        self.assertRedirects(refused, "/admin/", fetch_redirect_response=False)

    def test_the_vocabulary_fields_are_labelled_with_a_capital(self):
        # The admin's own form for a service, in both languages.
        form_class = ServicePage.get_edit_handler().get_form_class()
        expected = {"nb": ("Målgrupper", "Temaer"), "nn": ("Målgrupper", "Tema")}
        for language, labels in expected.items():
            with translation.override(language):
                fields = form_class.base_fields
                assert (str(fields["target_groups"].label), str(fields["topics"].label)) == labels

    def test_editor_creates_a_service_with_checkboxes(self):
        data = nested_form_data(
            {
                "title": "Leksehjelp",
                "slug": "leksehjelp",
                "intro": "Gratis leksehjelp på biblioteket.",
                "provider": "Fjordvik bibliotek",
                "is_free": "on",
                "self_referral": "on",
                "drop_in": "on",
                "phone": "12 34 99 00",
                "email": "bibliotek@fjordvik.example",
                "last_reviewed": "2026-11-01",
                "body": streamfield([("paragraph", rich_text("<p>Hver tirsdag.</p>"))]),
            }
        )
        data["target_groups"] = ["6-12", "13-18"]  # checkboxes: one value per ticked box
        data["topics"] = ["laering"]
        self.assertCanCreate(self.directory, ServicePage, data)
        page = ServicePage.objects.get(slug="leksehjelp", path__startswith=self.directory.path)
        assert page.target_groups == ["6-12", "13-18"] and page.topics == ["laering"]
        assert page.drop_in and not page.anonymous


def test_directory_and_services_are_served_in_both_languages(client, directory_tree):
    for language, directory, services in (
        ("nb", directory_tree["nb"], directory_tree["services"]),
        ("nn", directory_tree["nn"], directory_tree["nn_services"]),
    ):
        assert directory.url.startswith(f"/{language}/")
        assert f'lang="{language}"' in get_html(client, directory)
        for page in services.values():
            assert page.url.startswith(directory.url)
            get_html(client, page)
        assert ServicePage.objects.child_of(directory).live().count() == SERVICE_COUNT


def localize(page, locale, nynorsk: dict[str, str]):
    """Translate `page` to `locale` through wagtail-localize, as editors do: `nynorsk` gives the
    translation of each source string (the rest is kept as it is), then the translation is published."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": nynorsk.get(segment.string.data, segment.string.data)},
        )
    translation.save_target(publish=False)  # published here, not in an on_commit callback
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return target.specific


def test_nynorsk_translation_shares_contact_data_but_has_its_own_wording(directory_tree, nn):
    nb_page = ServicePageFactory(
        parent=directory_tree["nb"],
        title="Helsestasjonen i testen",
        slug="helsestasjon",
        opening_hours="Hverdager kl. 08.00–15.30",
        target_groups=["0-5"],
        topics=["helse"],
        contact_form_url="https://fjordvik.example/skjema",
    )
    wording = {"Helsestasjonen i testen": "Helsestasjonen i testen (nn)"}
    wording["Hverdager kl. 08.00–15.30"] = "Kvardagar kl. 08.00–15.30"
    nn_page = localize(nb_page, nn, wording)
    assert (
        nn_page.title == "Helsestasjonen i testen (nn)"
        and nn_page.opening_hours == "Kvardagar kl. 08.00–15.30"
    )

    nb_page.phone, nb_page.email, nb_page.topics = "12 34 77 77", "ny@fjordvik.example", ["helse", "familie"]
    nb_page.opening_hours = "Hverdager kl. 09.00–15.00"
    nb_page.save_revision().publish()
    nn_page = localize(nb_page, nn, {**wording, "Hverdager kl. 09.00–15.00": "Kvardagar kl. 09.00–15.00"})
    for field in ("phone", "email", "contact_form_url", "target_groups", "topics", "last_reviewed"):
        assert getattr(nn_page, field) == getattr(nb_page, field), field
    assert (
        nn_page.title == "Helsestasjonen i testen (nn)"
        and nn_page.opening_hours == "Kvardagar kl. 09.00–15.00"
    )


def test_services_are_found_by_site_search(client, directory_tree):
    zebra = directory_tree["services"]["zebra"]
    html = get_html(client, "/nb/sok/", {"q": "Zebra leksehjelp"})
    assert parse(html).find("a", href=zebra.url) is not None
    nn_page = directory_tree["nn_services"]["jordmor"]
    html = get_html(client, "/nn/sok/", {"q": "Jordmortenesta"})
    assert parse(html).find("a", href=nn_page.url) is not None
    assert parse(html).find("a", href=directory_tree["services"]["jordmor"].url) is None


# --- Filters, search in the directory, order -------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "keys"),
    [
        ({}, ORDER),
        ({"malgruppe": "gravide"}, ["jordmor"]),
        ({"malgruppe": ["0-5", "gravide"]}, ["legevakt", "jordmor", "barnehage"]),
        ({"tema": "rus"}, ["rusteam", "ornereiret"]),
        ({"tema": ["vold", "rus"]}, ["krise", "rusteam", "ornereiret"]),
        ({"q": "jordmor"}, ["jordmor"]),
        ({"q": "ANONYM drop-in"}, ["ornereiret"]),  # the labels of the ways to get help
        ({"q": "psykisk helse"}, ["rusteam"]),  # a topic's label
        ({"q": "staten"}, ["krise"]),  # the provider
        ({"malgruppe": "13-18", "tema": "rus"}, ["rusteam", "ornereiret"]),
        ({"malgruppe": "foreldre", "tema": "familie", "q": "veiledning"}, ["aeskeladden"]),
    ],
)
def test_filters_alone_and_combined(client, directory_tree, params, keys):
    html = get_html(client, directory_tree["nb"], params)
    assert card_titles(html) == titles_of(directory_tree, keys)
    groups = params.get("malgruppe", [])
    for group in [groups] if isinstance(groups, str) else groups:
        assert is_checked(html, "malgruppe", group)  # the URL is the state: shareable
    if params:
        assert results_heading(html) == f"{len(keys)} av {SERVICE_COUNT} hjelpetilbud passer"
        assert parse(html).find("a", string="Fjern alle filtre")["href"] == directory_tree["nb"].url
    else:
        assert results_heading(html) == f"{SERVICE_COUNT} hjelpetilbud"


def test_no_matching_service_says_so(client, directory_tree):
    html = get_html(client, directory_tree["nb"], {"q": "finnes ikke"})
    assert cards(html) == [] and "Ingen hjelpetilbud passer til filteret" in html
    assert results_heading(html) == f"0 av {SERVICE_COUNT} hjelpetilbud passer"


def test_filter_options_show_result_counts(client, directory_tree):
    html = get_html(client, directory_tree["nb"], {"tema": "rus"})
    assert option_count(html, "malgruppe", "13-18") == "(2 tilbud)"  # with the topic kept
    assert option_count(html, "malgruppe", "gravide") == "(0 tilbud)"
    assert option_count(html, "tema", "fritid") == f"({SERVICE_COUNT - 6} tilbud)"  # ørnereiret, barnehage
    assert option_count(html, "tema", "rus") == "(2 tilbud)"
    form = parse(html).find("form", class_="directory-filter")
    assert len(form.find_all("input", type="checkbox")) == len(TARGET_GROUPS) + len(TOPICS)
    assert [fieldset.legend.get_text(strip=True) for fieldset in form.find_all("fieldset")] == [
        "Hvem gjelder det?",
        "Tema",
    ]


def test_nynorsk_filters_and_labels(client, directory_tree):
    html = get_html(client, directory_tree["nn"], {"malgruppe": "gravide", "q": "jordmor"})
    assert card_titles(html) == ["Jordmortenesta i testen"]
    assert parse(html).html["lang"] == "nn"
    assert parse(html).find("legend").get_text(strip=True) == "Kven gjeld det?"
    assert parse(html).find("a", string="Last ned brosjyre (PDF)") is not None
    # Each language's text filter looks in its own wording.
    assert card_titles(get_html(client, directory_tree["nn"], {"q": "kontrollar"})) == [
        "Jordmortenesta i testen"
    ]
    assert card_titles(get_html(client, directory_tree["nb"], {"q": "kontrollar"})) == []
    nn_order = card_titles(get_html(client, directory_tree["nn"]))
    assert nn_order == titles_of(directory_tree, NN_ORDER, "nn")


def test_urgent_services_come_first_and_are_marked(client, directory_tree):
    html = get_html(client, directory_tree["nb"])
    shown = cards(html)
    assert [card.h3.a.get_text(strip=True) for card in shown[:2]] == titles_of(directory_tree, ORDER[:2])
    badges = [[tag.get_text(strip=True) for tag in card.select(".service-badge--urgent")] for card in shown]
    assert badges[:2] == [["Akutt hjelp"], ["Åpent hele døgnet"]] and not any(badges[2:])
    assert [("directory-card--urgent" in card["class"]) for card in shown] == [True, True] + [False] * 6
    note = parse(html).select_one(".directory-results__note").get_text(" ", strip=True)
    assert note == "Tilbud for akutt hjelp og tilbud som er åpne hele døgnet, står først."
    # No urgent service among the results: no notice.
    assert (
        parse(get_html(client, directory_tree["nb"], {"tema": "laering"})).select_one(
            ".directory-results__note"
        )
        is None
    )


def test_cards_call_the_number_as_written(client, directory_tree):
    html = get_html(client, directory_tree["nb"])
    by_title = {card.h3.a.get_text(strip=True): card for card in cards(html)}
    for page in directory_tree["services"].values():
        link = by_title[page.title].find("a", href=re.compile("^tel:"))
        assert link["href"] == tel_href(page.phone) and link.get_text() == page.phone
    assert by_title[directory_tree["services"]["krise"].title].find("a", href="tel:116111")


@pytest.mark.parametrize(
    "params",
    [
        {"malgruppe": "99"},
        {"tema": "<script>alert(1)</script>"},
        {"q": "' OR 1=1 --"},
        {"q": "x" * 10_000},
        {"malgruppe": "gravide' --", "tema": "%00"},
    ],
)
def test_bad_filter_input_gives_a_normal_page(client, directory_tree, params):
    html = get_html(client, directory_tree["nb"], params)
    assert "<script>alert" not in html
    assert len(cards(html)) in (0, SERVICE_COUNT)


def test_control_characters_and_broken_utf8_in_the_text_filter(client, directory_tree):
    html = get_html(client, f"{directory_tree['nb'].url}?q=%00%ED%A0%80&malgruppe=%FF")
    assert len(cards(html)) in (0, SERVICE_COUNT)


def test_norwegian_alphabetical_order():
    words = ["Åpen", "Zebra", "Ørret", "Ærfugl", "alfa"]
    assert sorted(words, key=norwegian_sort_key) == ["alfa", "Zebra", "Ærfugl", "Ørret", "Åpen"]


# --- Service page -----------------------------------------------------------------------------------


def json_ld(html):
    scripts = parse(html).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_service_page_contact_block_and_json_ld(client, directory_tree, nb):
    profile_of(nb, "Prøvestad kommune")
    page = directory_tree["services"]["jordmor"]
    html = get_html(client, page)
    contact = parse(html).select_one("section.service-contact")
    assert (
        contact.find("a", class_="service-contact__phone")["href"]
        == tel_href(page.phone)
        == "tel:+4712345200"
    )
    assert contact.find("a", href=f"mailto:{page.email}") is not None
    data = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == page.title and data["description"] == page.intro
    assert data["url"].endswith(page.url)
    assert data["provider"]["name"] == "Helsestasjonen"
    assert data["availableChannel"]["servicePhone"]["telephone"] == "+4712345200"
    assert data["areaServed"]["name"] == "Prøvestad kommune"
    assert [audience["audienceType"] for audience in data["audience"]] == ["Gravide"]
    assert data["category"] == ["Graviditet og fødsel", "Helse og utvikling"]
    assert data["offers"]["price"] == "0"


def test_json_ld_is_in_nynorsk_on_the_nynorsk_page(client, directory_tree):
    page = directory_tree["nn_services"]["jordmor"]
    data = json_ld(get_html(client, page))
    assert data["name"] == "Jordmortenesta i testen" and data["description"] == page.intro
    assert data["category"] == ["Graviditet og fødsel", "Helse og utvikling"]


def test_json_ld_cannot_be_closed_by_editor_text(client, nb_home):
    directory = ServiceDirectoryPageFactory(parent=nb_home, slug="skripttest")
    page = ServicePageFactory(parent=directory, title="Hjelp </script><script>alert(1)</script>")
    html = get_html(client, page)
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "Hjelp </script><script>alert(1)</script>"


def test_the_urgent_notice_is_on_services_that_are_not_urgent_themselves(client, directory_tree):
    def contact_text(page):
        return parse(get_html(client, page)).select_one("section.service-contact").get_text(" ", strip=True)

    services, nn_services = directory_tree["services"], directory_tree["nn_services"]
    assert "Haster det? Ring 112 (politi)" in contact_text(services["zebra"])
    assert "Hastar det? Ring 112 (politi)" in contact_text(nn_services["zebra"])
    for page in (services["krise"], services["legevakt"], nn_services["krise"]):
        assert "Ring 112" not in contact_text(page), page.title


def test_national_numbers_are_dialled_as_written():
    assert tel_href("116 111") == "tel:116111"
    assert tel_href("112") == "tel:112"
    assert tel_href("12 34 59 99") == "tel:+4712345999"


# --- Query counts, pages and page weight with many services ---------------------------------------

# Routing, the page's own row, the site, menu and language switcher are memoised per cache
# generation for anonymous visitors (home/routing.py, home/chrome.py). The directory's own: the cards
# of the page shown, unless they come from the fragment cache. Its summaries of every service (one
# query, plus the view restrictions when no request memoises them) are made once per process and
# cache generation, outside these counts.
DIRECTORY_QUERIES = {"rendered": 1, "cards from cache": 0}
SERVICE_PAGE_QUERIES = {"rendered": 0, "content from cache": 0}
SUMMARY_QUERIES = 2


def add_published_services(directory, count, **fields):
    """`count` published ServicePages below `directory`, stored as Wagtail stores a published page
    (tree path, url_path, content type), in two queries plus one insert per page: the factory's
    add_child, clean and search indexing take ~25 ms a page, too slow for 1 000. `fields` may be
    callables of the service's number (0, 1, …)."""
    directory.refresh_from_db()
    content_type = ContentType.objects.get_for_model(ServicePage)
    depth = directory.depth + 1
    services = []
    for number in range(count):
        step = directory.numchild + number + 1
        values = {name: value(number) if callable(value) else value for name, value in fields.items()}
        service = ServicePageFactory.build(**values)
        service.slug = f"tilbud-{step}"
        service.draft_title = service.title
        service.path = ServicePage._get_path(directory.path, depth, step)
        service.depth, service.numchild = depth, 0
        service.url_path = f"{directory.url_path}{service.slug}/"
        service.locale_id, service.content_type = directory.locale_id, content_type
        service.live, service.has_unpublished_changes = True, False
        services.append(service)
    page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    pages = Page.objects.bulk_create(
        [Page(**{name: getattr(s, name) for name in page_fields}) for s in services]
    )
    for service, page in zip(services, pages, strict=True):
        service.pk = service.page_ptr_id = page.pk
        service.save_base(raw=True, force_insert=True)  # only the ServicePage row: the Page row exists
    Page.objects.filter(pk=directory.pk).update(numchild=F("numchild") + count)
    page_cache.purge_all("services published")  # as publishing them would
    return services


@pytest.fixture
def big_directory(nb_home):
    """An empty directory of its own, for the tests that fill it with many services."""
    return ServiceDirectoryPageFactory(parent=nb_home, slug="katalog")


def test_query_counts_do_not_grow_from_10_to_1000_services(
    client, settings, django_assert_num_queries, big_directory
):
    target = [ServicePageFactory(parent=big_directory) for _ in range(10)][0]
    filtered = {"malgruppe": "foreldre", "q": "råd"}  # the factory's services all match

    def measure():
        pages = []
        for seconds, directory_queries, service_queries in (
            (0, DIRECTORY_QUERIES["rendered"], SERVICE_PAGE_QUERIES["rendered"]),
            (3600, DIRECTORY_QUERIES["cards from cache"], SERVICE_PAGE_QUERIES["content from cache"]),
        ):
            settings.PAGE_CONTENT_CACHE_SECONDS = seconds
            for params in ({}, filtered):
                client.get(big_directory.url, params)  # the memos, as on a server that has served any page
                with django_assert_num_queries(directory_queries):
                    pages.append(client.get(big_directory.url, params).content.decode())
            client.get(target.url)
            with django_assert_num_queries(service_queries):
                assert client.get(target.url).status_code == 200
        with django_assert_num_queries(SUMMARY_QUERIES):
            big_directory.service_summaries()  # outside a request: built, not memoised
        return [len(cards(html)) for html in pages]

    assert measure() == [10] * 4
    add_published_services(big_directory, 990)
    assert measure() == [30] * 4  # one page of the 1 000


def pagination(html):
    """The directory's page navigation: its label, the text of its current page, every link."""
    nav = parse(html).find("nav", class_="directory-pagination")
    current = nav.find(attrs={"aria-current": "page"})
    return nav["aria-label"], current.get_text(strip=True), [a["href"] for a in nav.find_all("a")]


def test_a_thousand_services_are_shown_30_at_a_time_with_urgent_ones_first(client, big_directory):
    add_published_services(
        big_directory,
        1000,
        title=lambda n: f"Tilbud {n:04d}",
        is_emergency=lambda n: n in (500, 999),
        always_open=lambda n: n == 700,
    )
    url = big_directory.url
    response = client.get(url)
    html = response.content.decode()
    titles = card_titles(html)
    assert titles[:3] == ["Tilbud 0500", "Tilbud 0999", "Tilbud 0700"]  # emergency, then always open
    assert titles[3:] == [f"Tilbud {n:04d}" for n in range(27)]
    assert (
        results_heading(html) == "1\xa0000 hjelpetilbud" and results_range(html) == "Viser 1–30 av 1\xa0000"
    )
    assert len(gzip.compress(response.content)) < 100_000  # page weight budget for a public page

    label, current, links = pagination(html)
    assert label == "Sider med hjelpetilbud" and current == "Side 1"
    assert f"{url}?side=34#treff" in links and f"{url}?side=2#treff" in links  # 1 000 / 30: 34 pages
    assert "Neste side" in html and "Forrige side" not in html

    last = get_html(client, url, {"side": 34})
    assert card_titles(last) == [f"Tilbud {n:04d}" for n in range(989, 999)]  # 0500, 0700 and 0999 came first
    assert results_range(last) == "Viser 991–1\xa0000 av 1\xa0000" and pagination(last)[1] == "Side 34"
    assert parse(last).title.get_text().startswith("Hjelpetilbud – Side 34 – ")  # each page its own title
    note = parse(last).select_one(".directory-results__note")
    assert note.find("a", href=f"{url}#treff").get_text() == "side 1"  # where the urgent services are
    assert card_titles(get_html(client, url, {"side": "x"})) == titles  # nonsense: page 1


def test_pages_keep_the_filters_and_counts_cover_all_results(client, big_directory):
    add_published_services(
        big_directory,
        100,
        title=lambda n: f"Tilbud {n:03d}",
        intro=lambda n: "Gratis leksehjelp." if n % 2 else "Samtaler for foreldre.",
        target_groups=lambda n: ["13-18"] if n % 3 else ["13-18", "foreldre"],
        topics=lambda n: ["laering"] if n % 2 else ["familie"],
    )
    url = big_directory.url
    html = get_html(client, url, {"q": "leksehjelp", "malgruppe": "13-18"})
    assert (
        results_heading(html) == "50 av 100 hjelpetilbud passer" and results_range(html) == "Viser 1–30 av 50"
    )
    assert len(cards(html)) == 30
    # Counts are over all 50 results, not the 30 shown: 17 of the odd numbers below 100 are divisible by 3.
    assert option_count(html, "malgruppe", "foreldre") == "(17 tilbud)"
    assert option_count(html, "tema", "laering") == "(50 tilbud)"
    _label, _current, links = pagination(html)
    assert links == [f"{url}?q=leksehjelp&malgruppe=13-18&side=2#treff"] * 2  # "Side 2", "Neste side"
    second = get_html(client, links[0].split("#")[0])
    assert card_titles(second) == [f"Tilbud {n:03d}" for n in range(61, 100, 2)]
    assert parse(second).find("input", id="directory-q")["value"] == "leksehjelp"
    assert is_checked(second, "malgruppe", "13-18")
    assert results_range(second) == "Viser 31–50 av 50"
    previous = parse(second).find("nav", class_="directory-pagination").find("a", rel="prev")
    assert previous["href"] == f"{url}?q=leksehjelp&malgruppe=13-18#treff"


def test_nynorsk_pagination(client, directory_tree):
    nn_directory = directory_tree["nn"]
    add_published_services(nn_directory, 40)
    total = SERVICE_COUNT + 40
    html = get_html(client, nn_directory, {"side": 2})
    label, current, _links = pagination(html)
    assert label == "Sider med hjelpetilbod" and current == "Side 2"
    assert "Førre side" in html and results_range(html) == f"Viser 31–{total} av {total}"


def test_the_directory_follows_publishing_and_view_restrictions_at_once(client, directory_tree):
    """The services' summaries are kept between requests; every change that alters them is seen."""
    directory = directory_tree["nb"]
    assert "Sorggruppe for barn" not in card_titles(get_html(client, directory))  # summaries kept now
    new = ServicePageFactory.build(title="Sorggruppe for barn", slug="sorggruppe", live=False)
    directory.add_child(instance=new)
    assert "Sorggruppe for barn" not in card_titles(get_html(client, directory))  # a draft
    new.save_revision().publish()
    assert "Sorggruppe for barn" in card_titles(get_html(client, directory))

    restriction = PageViewRestriction.objects.create(page=new, restriction_type=PageViewRestriction.LOGIN)
    assert "Sorggruppe for barn" not in card_titles(get_html(client, directory))
    restriction.delete()
    assert "Sorggruppe for barn" in card_titles(get_html(client, directory))

    ServicePage.objects.get(pk=new.pk).unpublish()
    assert "Sorggruppe for barn" not in card_titles(get_html(client, directory))
    assert len(cards(get_html(client, directory))) == SERVICE_COUNT


def test_a_directory_of_up_to_30_services_fits_on_one_page(client, directory_tree):
    html = get_html(client, directory_tree["nb"])
    assert len(cards(html)) == SERVICE_COUNT
    assert parse(html).find("nav", class_="directory-pagination") is None and results_range(html) is None


# --- The brochure ----------------------------------------------------------------------------------


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_brochure_has_every_published_service_in_its_language_and_no_unpublished_one(
    client, directory_tree, fresh_cache, nb, nn
):
    profile_of(nb, "Prøvestad kommune")
    profile_of(nn, "Prøvestad kommune")
    services, nn_services = directory_tree["services"], directory_tree["nn_services"]
    services["barnehage"].unpublish()
    nb_response = client.get(directory_tree["nb"].brochure_url())
    nn_response = client.get(directory_tree["nn"].brochure_url())
    assert nb_response.status_code == nn_response.status_code == 200
    assert nb_response["Content-Type"] == "application/pdf"
    assert f'filename="{directory_tree["nb"].slug}.pdf"' in nb_response["Content-Disposition"]
    nb_text, nn_text = pdf_text(nb_response.content), pdf_text(nn_response.content)

    assert "Prøvestad kommune" in nb_text and "Hvem kan hjelpe?" in nb_text
    assert "Innhold etter målgruppe" in nb_text
    for key in ORDER:
        if key != "barnehage":
            assert services[key].title in nb_text, key
    assert services["barnehage"].title not in nb_text  # unpublished
    assert nn_services["jordmor"].title not in nb_text

    assert "Kven kan hjelpe?" in nn_text and "Innhald etter målgruppe" in nn_text
    for page in nn_services.values():
        assert page.title in nn_text, page.title
    assert services["jordmor"].title not in nn_text and "Hvem kan hjelpe?" not in nn_text
    assert nn_services["barnehage"].title in nn_text  # the nn page is still published


def test_brochure_is_cached_and_rebuilt_when_a_service_is_published(client, directory_tree, fresh_cache):
    directory = directory_tree["nb"]
    url = directory.brochure_url()
    with mock.patch.object(brochure, "build_brochure", wraps=brochure.build_brochure) as build:
        first = client.get(url).content
        assert client.get(url).content == first
        assert build.call_count == 1  # the second download came from the cache

        new = ServicePageFactory.build(title="Sorggruppe for barn", slug="sorggruppe", live=False)
        directory.add_child(instance=new)
        assert client.get(url).content == first  # a draft changes nothing
        assert build.call_count == 1

        new.save_revision().publish()
        rebuilt = client.get(url).content
        assert build.call_count == 2
        assert "Sorggruppe for barn" in pdf_text(rebuilt)

        ServicePage.objects.get(pk=new.pk).unpublish()  # `new` itself still says live=False
        assert "Sorggruppe for barn" not in pdf_text(client.get(url).content)
        assert build.call_count == 3


def test_brochure_cover_shows_the_logo_from_the_site_profile(client, directory_tree, fresh_cache, nb):
    from wagtail.images import get_image_model

    profile = profile_of(nb)
    profile.logo = get_image_model().objects.create(title="Kommunevåpen", file=get_test_image_file())
    profile.save()
    reader = PdfReader(io.BytesIO(client.get(directory_tree["nb"].brochure_url()).content))
    assert list(reader.pages[0].images), "the cover has no image"


def test_brochure_link_on_the_directory_page(client, directory_tree):
    for directory in (directory_tree["nb"], directory_tree["nn"]):
        link = parse(get_html(client, directory)).find("a", href=f"{directory.url}brosjyre/")
        assert link.has_attr("download") and link.get_text(strip=True) == "Last ned brosjyre (PDF)"


def test_directory_links_its_print_stylesheet(client, directory_tree):
    stylesheets = [
        link["href"]
        for link in parse(get_html(client, directory_tree["nb"])).find_all("link", rel="stylesheet")
    ]
    assert any("css/directory.css" in href for href in stylesheets)
    assert any("css/print.css" in href for href in stylesheets)


def test_brochure_of_an_unpublished_directory_is_not_found(client, nb_home):
    page = ServiceDirectoryPageFactory(parent=nb_home, slug="utkast")
    url = page.url
    page.unpublish()
    assert client.get(f"{url}brosjyre/").status_code == 404
