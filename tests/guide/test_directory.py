"""The service directory ("hvem kan hjelpe"): pages, filters, JSON-LD, brochure PDF, review report."""

import gzip
import io
import json
import re
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import F

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
from pypdf import PdfReader

from guide import brochure
from guide.demo.services import SERVICES
from guide.factories import ServiceDirectoryPageFactory, ServicePageFactory
from guide.models import ServiceDirectoryPage, ServicePage
from guide.sorting import norwegian_sort_key
from home import cache as page_cache
from home.models import ContentPage, HomePage, SiteProfile
from home.phone import tel_href

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("service_directory")]

NB_URL, NN_URL = "/nb/hjelpetilbud/", "/nn/hjelpetilbod/"


def directory(language="nb"):
    return ServiceDirectoryPage.objects.get(
        locale__language_code=language, slug__in=["hjelpetilbud", "hjelpetilbod"]
    )


def service(language, slug):
    return ServicePage.objects.get(locale__language_code=language, slug=slug)


def card_titles(html):
    return re.findall(
        r'<li class="ds-card directory-card[^"]*" id="tilbud-\d+">\s*<h3[^>]*><a[^>]*>([^<]+)</a>', html
    )


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


# --- Tree, editing, demo ----------------------------------------------------------------------------


class TestTreeAndEditing(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ServiceDirectoryPage, {HomePage})
        self.assertAllowedSubpageTypes(ServiceDirectoryPage, {ServicePage})
        self.assertAllowedParentPageTypes(ServicePage, {ServiceDirectoryPage})
        self.assertAllowedSubpageTypes(ServicePage, set())
        self.assertCanNotCreateAt(ContentPage, ServicePage)

    def test_editor_creates_a_service_with_checkboxes(self):
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@fjordvik.example", "pw-123456789")
        )
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
        self.assertCanCreate(directory("nb"), ServicePage, data)
        page = ServicePage.objects.get(slug="leksehjelp")
        assert page.target_groups == ["6-12", "13-18"] and page.topics == ["laering"]
        assert page.drop_in and not page.anonymous


def test_demo_directory_in_both_languages_with_at_least_25_services(client):
    for url in (NB_URL, NN_URL, f"{NB_URL}alarmtelefonen/", f"{NN_URL}barnevernsvakta/"):
        assert client.get(url).status_code == 200, url
    for language in ("nb", "nn"):
        services = ServicePage.objects.child_of(directory(language)).live()
        assert services.count() == len(SERVICES) >= 25


def test_nynorsk_translation_shares_contact_data_but_has_its_own_wording():
    nb_page = service("nb", "barneverntjenesten")
    nn_page = ServicePage.objects.get(translation_key=nb_page.translation_key, locale__language_code="nn")
    assert nn_page.title == "Barnevernstenesta" and nn_page.slug == "barnevernstenesta"
    for field in ("phone", "email", "contact_form_url", "target_groups", "topics", "last_reviewed"):
        assert getattr(nn_page, field) == getattr(nb_page, field), field
    assert nn_page.opening_hours == "Kvardagar kl. 08.00–15.30" != nb_page.opening_hours


def test_services_are_found_by_site_search(client):
    html = client.get("/nb/sok/", {"q": "Alarmtelefonen"}).content.decode()
    assert f'href="{NB_URL}alarmtelefonen/"' in html
    html = client.get("/nn/sok/", {"q": "Barnevernsvakta"}).content.decode()
    assert f'href="{NN_URL}barnevernsvakta/"' in html


# --- Filters ------------------------------------------------------------------------------------------


def expected(language, groups=(), topics=(), words=()):
    result = []
    for page in ServicePage.objects.child_of(directory(language)).live():
        if groups and not set(groups) & set(page.target_groups):
            continue
        if topics and not set(topics) & set(page.topics):
            continue
        if any(word.lower() not in page.filter_text for word in words):
            continue
        result.append(page.title)
    return sorted(result)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"malgruppe": "gravide"},
        {"malgruppe": ["0-5", "gravide"]},
        {"tema": "rus"},
        {"tema": ["vold", "rus"]},
        {"q": "jordmor"},
        {"q": "ANONYM drop-in"},
        {"malgruppe": "13-18", "tema": "rus"},
        {"malgruppe": "foreldre", "tema": "familie", "q": "fjordvik"},
    ],
)
def test_filters_alone_and_combined(client, params):
    as_list = lambda value: value if isinstance(value, list) else [value]  # noqa: E731
    groups, topics = as_list(params.get("malgruppe", [])), as_list(params.get("tema", []))
    words = params.get("q", "").split()
    html = client.get(NB_URL, params).content.decode()
    titles = card_titles(html)
    assert sorted(titles) == expected("nb", groups, topics, words)
    assert 0 < len(titles) <= len(SERVICES)
    for group in groups:
        assert f'name="malgruppe" value="{group}" checked' in html  # the URL is the state: shareable
    if params:
        assert f"{len(titles)} av {len(SERVICES)} hjelpetilbud passer" in html


def test_filter_options_show_result_counts(client):
    html = client.get(NB_URL, {"tema": "rus"}).content.decode()
    youth = len(expected("nb", ["13-18"], ["rus"]))
    label = re.search(
        r'for="malgruppe-13-18">Ungdom 13–18 år <span class="directory-filter__count">\((\d+) tilbud\)', html
    )
    assert int(label.group(1)) == youth
    assert html.count('type="checkbox"') == 6 + 11
    assert html.count("<fieldset") == 2 and "<legend" in html


def test_nynorsk_filters_and_labels(client):
    html = client.get(NN_URL, {"malgruppe": "gravide", "q": "jordmor"}).content.decode()
    assert card_titles(html) == ["Jordmortenesta"]
    assert "Kven gjeld det?" in html and "Last ned brosjyre (PDF)" in html
    assert 'lang="nn"' in html


def test_emergency_and_always_open_services_come_first_and_are_marked(client):
    html = client.get(NB_URL).content.decode()
    titles = card_titles(html)
    urgent = {page.title for page in ServicePage.objects.child_of(directory("nb")) if page.is_urgent}
    assert len(urgent) >= 5
    assert set(titles[: len(urgent)]) == urgent
    first_card = html[html.index('class="ds-card directory-card') :]
    first_card = first_card[: first_card.index("</li>\n")]
    assert "directory-card--urgent" in first_card and "Akutt hjelp" in first_card
    assert 'href="tel:116111"' in html or 'href="tel:112"' in html


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
def test_bad_filter_input_gives_a_normal_page(client, params):
    response = client.get(NB_URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert len(card_titles(html)) in (0, len(SERVICES))


def test_control_characters_and_broken_utf8_in_the_text_filter(client):
    response = client.get(f"{NB_URL}?q=%00%ED%A0%80&malgruppe=%FF")
    assert response.status_code == 200
    assert len(card_titles(response.content.decode())) in (0, len(SERVICES))


def test_norwegian_alphabetical_order():
    words = ["Åpen", "Zebra", "Ørret", "Ærfugl", "alfa"]
    assert sorted(words, key=norwegian_sort_key) == ["alfa", "Zebra", "Ærfugl", "Ørret", "Åpen"]


# --- Service page ----------------------------------------------------------------------------------


def json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_service_page_contact_block_and_json_ld(client):
    page = service("nb", "barneverntjenesten")
    html = client.get(page.url).content.decode()
    assert 'href="tel:+4712345200"' in html and 'href="mailto:barnevern@fjordvik.example"' in html
    data = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == "Barneverntjenesten"
    assert data["url"].endswith(page.url)
    assert data["availableChannel"]["servicePhone"]["telephone"] == "+4712345200"
    assert data["areaServed"]["name"] == "Fjordvik kommune"
    assert {"Foreldre og foresatte", "Barn 0–5 år"} <= {a["audienceType"] for a in data["audience"]}
    assert data["offers"]["price"] == "0"


def test_json_ld_is_in_nynorsk_on_the_nynorsk_page(client):
    html = client.get(f"{NN_URL}jordmortenesta/").content.decode()
    data = json_ld(html)
    assert data["name"] == "Jordmortenesta" and data["category"][0] == "Graviditet og fødsel"


def test_json_ld_cannot_be_closed_by_editor_text(client):
    page = ServicePageFactory(parent=directory("nb"), title="Hjelp </script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "Hjelp </script><script>alert(1)</script>"


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
def test_directory():
    return ServiceDirectoryPageFactory(
        parent=HomePage.objects.get(locale__language_code="nb"), slug="katalog"
    )


def test_query_counts_do_not_grow_from_10_to_1000_services(
    client, settings, django_assert_num_queries, test_directory
):
    target = [ServicePageFactory(parent=test_directory) for _ in range(10)][0]
    filtered = {"malgruppe": "foreldre", "q": "råd"}

    def measure():
        pages = []
        for seconds, directory_queries, service_queries in (
            (0, DIRECTORY_QUERIES["rendered"], SERVICE_PAGE_QUERIES["rendered"]),
            (3600, DIRECTORY_QUERIES["cards from cache"], SERVICE_PAGE_QUERIES["content from cache"]),
        ):
            settings.PAGE_CONTENT_CACHE_SECONDS = seconds
            for params in ({}, filtered):
                client.get(test_directory.url, params)  # the memos, as on a server that has served any page
                with django_assert_num_queries(directory_queries):
                    pages.append(client.get(test_directory.url, params).content.decode())
            client.get(target.url)
            with django_assert_num_queries(service_queries):
                assert client.get(target.url).status_code == 200
        with django_assert_num_queries(SUMMARY_QUERIES):
            test_directory.service_summaries()  # outside a request: built, not memoised
        return [len(card_titles(html)) for html in pages]

    assert measure() == [10] * 4
    add_published_services(test_directory, 990)
    assert measure() == [30] * 4  # one page of the 1 000


def every_link_to_a_page(html):
    nav = re.search(
        r'<nav class="pagination directory-pagination" aria-label="([^"]+)">(.*?)</nav>', html, re.S
    )
    return nav.group(1), [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', nav.group(2))]


def test_a_thousand_services_are_shown_30_at_a_time_with_urgent_ones_first(client, test_directory):
    add_published_services(
        test_directory,
        1000,
        title=lambda n: f"Tilbud {n:04d}",
        is_emergency=lambda n: n in (500, 999),
        always_open=lambda n: n == 700,
    )
    url = test_directory.url
    response = client.get(url)
    html = response.content.decode()
    titles = card_titles(html)
    assert titles[:3] == ["Tilbud 0500", "Tilbud 0999", "Tilbud 0700"]  # emergency, then always open
    assert titles[3:] == [f"Tilbud {n:04d}" for n in range(27)]
    assert "1\xa0000 hjelpetilbud</h2>" in html and "Viser 1–30 av 1\xa0000" in html
    assert len(gzip.compress(response.content)) < 100_000  # page weight budget for a public page

    label, links = every_link_to_a_page(html)
    assert label == "Sider med hjelpetilbud"
    assert '<span aria-current="page">Side 1</span>' in html
    assert f"{url}?side=34#treff" in links and f"{url}?side=2#treff" in links  # 1 000 / 30: 34 pages
    assert "Neste side" in html and "Forrige side" not in html

    last = client.get(url, {"side": 34}).content.decode()
    assert card_titles(last) == [f"Tilbud {n:04d}" for n in range(989, 999)]  # 0500, 0700 and 0999 came first
    assert "Viser 991–1\xa0000 av 1\xa0000" in last and "Side 34</span>" in last
    assert "<title>Hjelpetilbud – Side 34 – " in last  # each page has its own title
    assert f'href="{url}#treff">side 1</a>' in last  # where the urgent services are
    assert card_titles(client.get(url, {"side": "x"}).content.decode()) == titles  # nonsense: page 1


def test_pages_keep_the_filters_and_counts_cover_all_results(client, test_directory):
    add_published_services(
        test_directory,
        100,
        title=lambda n: f"Tilbud {n:03d}",
        intro=lambda n: "Gratis leksehjelp." if n % 2 else "Samtaler for foreldre.",
        target_groups=lambda n: ["13-18"] if n % 3 else ["13-18", "foreldre"],
        topics=lambda n: ["laering"] if n % 2 else ["familie"],
    )
    params = {"q": "leksehjelp", "malgruppe": "13-18"}
    html = client.get(test_directory.url, params).content.decode()
    assert "50 av 100 hjelpetilbud passer" in html and "Viser 1–30 av 50" in html
    assert len(card_titles(html)) == 30
    # Counts are over all 50 results, not the 30 shown: 17 of the odd numbers below 100 are divisible by 3.
    assert (
        'for="malgruppe-foreldre">Foreldre og foresatte <span class="directory-filter__count">(17 tilbud)'
        in html
    )
    assert (
        'for="tema-laering">Barnehage, skole og læring <span class="directory-filter__count">(50 tilbud)'
        in html
    )
    _label, links = every_link_to_a_page(html)
    assert (
        links == [f"{test_directory.url}?q=leksehjelp&malgruppe=13-18&side=2#treff"] * 2
    )  # "Side 2", "Neste side"
    second = client.get(links[0].split("#")[0]).content.decode()
    assert card_titles(second) == [f"Tilbud {n:03d}" for n in range(61, 100, 2)]
    assert 'name="q" value="leksehjelp"' in second and 'value="13-18" checked' in second
    assert "Viser 31–50 av 50" in second
    assert f'href="{test_directory.url}?q=leksehjelp&amp;malgruppe=13-18#treff" rel="prev"' in second


def test_nynorsk_pagination(client):
    nn_directory = directory("nn")
    add_published_services(nn_directory, 40)
    html = client.get(NN_URL, {"side": 2}).content.decode()
    label, _links = every_link_to_a_page(html)
    assert label == "Sider med hjelpetilbod"
    assert "Førre side" in html and f"Viser 31–60 av {len(SERVICES) + 40}" in html


def test_the_directory_follows_publishing_and_view_restrictions_at_once(client):
    """The services' summaries are kept between requests; every change that alters them is seen."""
    assert "Sorggruppe for barn" not in client.get(NB_URL).content.decode()  # summaries kept now
    new = ServicePageFactory.build(title="Sorggruppe for barn", slug="sorggruppe", live=False)
    directory("nb").add_child(instance=new)
    new.save_revision().publish()
    assert "Sorggruppe for barn" in card_titles(client.get(NB_URL).content.decode())

    restriction = PageViewRestriction.objects.create(page=new, restriction_type=PageViewRestriction.LOGIN)
    assert "Sorggruppe for barn" not in card_titles(client.get(NB_URL).content.decode())
    restriction.delete()
    assert "Sorggruppe for barn" in card_titles(client.get(NB_URL).content.decode())

    ServicePage.objects.get(pk=new.pk).unpublish()
    assert "Sorggruppe for barn" not in card_titles(client.get(NB_URL).content.decode())


def test_the_demo_directory_fits_on_one_page(client):
    html = client.get(NB_URL).content.decode()
    assert len(card_titles(html)) == len(SERVICES) <= 30
    assert '<nav class="pagination' not in html and "Viser 1–" not in html


# --- The brochure ----------------------------------------------------------------------------------


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_brochure_has_every_published_service_in_its_language_and_no_unpublished_one(client, fresh_cache):
    hidden = service("nb", "fritidsklubb")
    hidden.unpublish()
    nb_response = client.get(f"{NB_URL}brosjyre/")
    nn_response = client.get(f"{NN_URL}brosjyre/")
    assert nb_response.status_code == nn_response.status_code == 200
    assert nb_response["Content-Type"] == "application/pdf"
    assert 'filename="hjelpetilbud.pdf"' in nb_response["Content-Disposition"]
    nb_text, nn_text = pdf_text(nb_response.content), pdf_text(nn_response.content)

    assert (
        "Fjordvik kommune" in nb_text
        and "Hvem kan hjelpe?" in nb_text
        and "Innhold etter målgruppe" in nb_text
    )
    for page in ServicePage.objects.child_of(directory("nb")).live():
        assert page.title in nb_text, page.title
    assert "Fjordvik fritidsklubb" not in nb_text  # unpublished
    assert "Barnevernstenesta" not in nb_text

    assert "Kven kan hjelpe?" in nn_text and "Innhald etter målgruppe" in nn_text
    for page in ServicePage.objects.child_of(directory("nn")).live():
        assert page.title in nn_text, page.title
    assert "Barneverntjenesten" not in nn_text and "Hvem kan hjelpe?" not in nn_text
    assert "Fjordvik fritidsklubb" in nn_text  # the nn page is still published


def test_brochure_is_cached_and_rebuilt_when_a_service_is_published(client, fresh_cache):
    url = f"{NB_URL}brosjyre/"
    with mock.patch.object(brochure, "build_brochure", wraps=brochure.build_brochure) as build:
        first = client.get(url).content
        assert client.get(url).content == first
        assert build.call_count == 1  # the second download came from the cache

        new = ServicePageFactory.build(title="Sorggruppe for barn", slug="sorggruppe", live=False)
        directory("nb").add_child(instance=new)
        assert client.get(url).content == first  # a draft changes nothing
        assert build.call_count == 1

        new.save_revision().publish()
        rebuilt = client.get(url).content
        assert build.call_count == 2
        assert "Sorggruppe for barn" in pdf_text(rebuilt)

        ServicePage.objects.get(pk=new.pk).unpublish()  # `new` itself still says live=False
        assert "Sorggruppe for barn" not in pdf_text(client.get(url).content)
        assert build.call_count == 3


def test_brochure_cover_shows_the_logo_from_the_site_profile(client, fresh_cache):
    from wagtail.images import get_image_model

    logo = get_image_model().objects.create(title="Kommunevåpen", file=get_test_image_file())
    profile = SiteProfile.objects.get(locale__language_code="nb")
    profile.logo = logo
    profile.save()
    reader = PdfReader(io.BytesIO(client.get(f"{NB_URL}brosjyre/").content))
    assert list(reader.pages[0].images), "the cover has no image"


def test_brochure_link_on_the_directory_page(client):
    html = client.get(NB_URL).content.decode()
    assert f'href="{NB_URL}brosjyre/" download>Last ned brosjyre (PDF)</a>' in html
    html = client.get(NN_URL).content.decode()
    assert f'href="{NN_URL}brosjyre/"' in html


def test_directory_links_its_print_stylesheet(client):
    html = client.get(NB_URL).content.decode()
    assert "css/directory.css" in html and "css/print.css" in html


def test_brochure_of_an_unpublished_directory_is_not_found(client):
    page = ServiceDirectoryPageFactory(parent=HomePage.objects.get(locale__language_code="nb"), slug="utkast")
    url = page.url
    page.unpublish()
    assert client.get(f"{url}brosjyre/").status_code == 404


def test_page_counts_stay_sane():
    # Every service lives directly under a directory (the brochure and the filters assume it).
    for page in ServicePage.objects.all():
        assert isinstance(Page.objects.get(pk=page.pk).get_parent().specific, ServiceDirectoryPage)
