"""The action guide: tree rules, editing, steps, tools, filters, both languages, query counts."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from guide.factories import (
    GuideIndexPageFactory,
    GuideLevelPageFactory,
    ServiceAreaGuidePageFactory,
    ToolDocumentFactory,
    ToolFactory,
)
from guide.models import (
    ConcernPage,
    GuideIndexPage,
    GuideLevelPage,
    ServiceAreaGuidePage,
    Tool,
    ToolLibraryPage,
    raw_steps,
)
from home.demo.files import demo_pdf
from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def level_page(language, area_slug, level):
    return GuideLevelPage.objects.get(
        locale__language_code=language, level=level, url_path__contains=f"/{area_slug}/"
    )


def step_data(title, tools=(), next_steps=()):
    return {
        "title": title,
        "what": rich_text("<p>Hva som skal gjøres.</p>"),
        "how": rich_text("<p>Slik gjør du det.</p>"),
        "who": "Pedagogisk leder",
        "tools": streamfield([("item", tool.pk) for tool in tools]),
        "time_limit": "Avklar innen 14 dager",
        "next_steps": streamfield([("item", link) for link in next_steps]),
    }


class TestTreeRules(WagtailPageTestCase):
    def test_guide_can_only_be_built_area_then_level(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {ServiceAreaGuidePage, ToolLibraryPage, ConcernPage})
        self.assertAllowedParentPageTypes(ServiceAreaGuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(ServiceAreaGuidePage, {GuideLevelPage})
        self.assertAllowedParentPageTypes(GuideLevelPage, {ServiceAreaGuidePage})
        self.assertAllowedSubpageTypes(GuideLevelPage, set())
        self.assertAllowedParentPageTypes(ToolLibraryPage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(ToolLibraryPage, set())
        self.assertAllowedParentPageTypes(ConcernPage, {HomePage, GuideIndexPage})
        self.assertAllowedSubpageTypes(ConcernPage, set())
        self.assertCanNotCreateAt(ContentPage, GuideLevelPage)
        self.assertCanNotCreateAt(HomePage, ServiceAreaGuidePage)

    def test_one_tool_library_per_guide(self):
        index = GuideIndexPage.objects.get(locale__language_code="nb")
        self.assertFalse(ToolLibraryPage.can_create_at(index))
        self.assertTrue(ToolLibraryPage.can_create_at(GuideIndexPageFactory(parent=index.get_parent())))


class TestEditorsCanCreateEveryPageType(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@fjordvik.example", "pw-123456789")
        )
        self.home = HomePage.objects.get(locale__language_code="nb")

    def test_guide_index_page(self):
        data = nested_form_data(
            {
                "title": "Ny veileder",
                "slug": "ny-veileder",
                "intro": "Ingress",
                "body": streamfield([("paragraph", rich_text("<p>Om stafettholderen.</p>"))]),
                "responsible_name": "Kari Nord",
                "responsible_role": "BTI-koordinator",
            }
        )
        self.assertCanCreate(self.home, GuideIndexPage, data)

    def test_service_area_page(self):
        index = GuideIndexPage.objects.get(locale__language_code="nb")
        data = nested_form_data(
            {"title": "Tannhelse", "slug": "tannhelse", "body": streamfield([]), "responsible_name": "Per"}
        )
        self.assertCanCreate(index, ServiceAreaGuidePage, data)

    def test_level_page_with_structured_steps_choosing_tools(self):
        area = ServiceAreaGuidePageFactory(parent=GuideIndexPage.objects.get(locale__language_code="nb"))
        tool = Tool.objects.get(locale__language_code="nb", title="Samtykkeskjema")
        data = nested_form_data(
            {
                "title": "Nivå 1",
                "slug": "niva-1",
                "level": "1",
                "steps": streamfield(
                    [
                        ("step", step_data("Møt foreldrene", tools=[tool])),
                        (
                            "notice",
                            {"kind": "info", "title": "Stafettholder", "text": rich_text("<p>Om</p>")},
                        ),
                        (
                            "step",
                            step_data(
                                "Evaluer", next_steps=[{"text": "Til nivå 2", "level": "2", "step": ""}]
                            ),
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(area, GuideLevelPage, data)
        page = GuideLevelPage.objects.get(slug="niva-1", title="Nivå 1", path__startswith=area.path)
        first = page.steps[0].value
        self.assertEqual(first["who"], "Pedagogisk leder")
        self.assertEqual([chosen.pk for chosen in first["tools"]], [tool.pk])  # a reference, not a copy
        self.assertEqual(Tool.objects.filter(title="Samtykkeskjema", locale__language_code="nb").count(), 1)

    def test_tool_library_page(self):
        index = GuideIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            index, ToolLibraryPage, nested_form_data({"title": "Verktøy", "slug": "verktoy"})
        )

    def test_concern_page(self):
        data = nested_form_data(
            {
                "title": "Bekymret?",
                "slug": "bekymret",
                "child_welfare_phone": "12 34 00 00",
                "emergency_phone": "12 34 00 01",
                "body": streamfield([("paragraph", rich_text("<p>Tegn</p>"))]),
            }
        )
        self.assertCanCreate(self.home, ConcernPage, data)


def test_a_service_area_has_one_page_per_level():
    existing = level_page("nb", "barnehage", 2)
    duplicate = GuideLevelPageFactory.build(level=2, title="Nivå 2 igjen", slug="niva-2-igjen")
    existing.get_parent().add_child(instance=duplicate)
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_demo_guide_lives_at_its_addresses_in_both_languages(client):
    for url in (
        "/nb/handlingsveileder/",
        "/nn/handlingsrettleiar/",
        "/nb/handlingsveileder/verktoy/",
        "/nn/handlingsrettleiar/verktoy/",
        "/nb/handlingsveileder/helsestasjon-og-jordmor/niva-3/",
        "/nn/handlingsrettleiar/hjelpetenester/niva-0/",
        "/nb/bekymret-for-et-barn/",
        "/nn/uroa-for-eit-barn/",
    ):
        assert client.get(url).status_code == 200, url
    for language in ("nb", "nn"):
        index = GuideIndexPage.objects.get(locale__language_code=language)
        areas = ServiceAreaGuidePage.objects.child_of(index)
        assert areas.count() == 4
        for area in areas:
            assert sorted(GuideLevelPage.objects.child_of(area).values_list("level", flat=True)) == [
                0,
                1,
                2,
                3,
            ]


@pytest.mark.parametrize(
    ("language", "area", "labels"),
    [
        ("nb", "skole", ["Hva", "Hvordan", "Hvem", "Verktøy"]),
        ("nn", "skule", ["Kva", "Korleis", "Kven", "Verktøy"]),
    ],
)
def test_steps_render_with_anchors_and_the_four_fields(client, language, area, labels):
    page = level_page(language, area, 0)
    html = client.get(page.url).content.decode()
    steps = raw_steps(page)
    assert len(steps) == 4
    for number, step in enumerate(steps, start=1):
        assert f'<li class="guide-step" id="steg-{number}">' in html
        assert f'href="#steg-{number}"' in html
        assert step["title"] in html
    for label in labels:
        assert html.count(f'data-size="xs">{label}</h3>') == 4, label
    assert ("Avklar innen 14 dager" if language == "nb" else "Avklar innan 14 dagar") in html
    assert ("kontaktlærer" if language == "nb" else "kontaktlærar") in html


def test_next_steps_link_to_the_levels_of_the_same_area_and_language(client):
    page = level_page("nn", "barnehage", 0)
    html = client.get(page.url).content.decode()
    assert 'href="/nn/handlingsrettleiar/barnehage/niva-1/"' in html
    assert 'href="/nn/handlingsrettleiar/barnehage/niva-3/"' in html
    html = client.get(level_page("nb", "skole", 1).url).content.decode()
    assert 'href="/nb/handlingsveileder/skole/niva-0/#steg-4"' in html  # back to a step on another level


def test_tool_links_name_file_type_and_size_in_the_pages_language(client):
    nb_html = client.get(level_page("nb", "barnehage", 1).url).content.decode()
    nn_html = client.get(level_page("nn", "barnehage", 1).url).content.decode()
    assert re.search(
        r'href="/documents/\d+/samtykke-nb\.pdf">Samtykkeskjema <span class="document-meta">\(PDF, 1 kB\)',
        nb_html,
    )
    assert re.search(
        r'href="/documents/\d+/samtykke-nn\.pdf">Samtykkeskjema <span class="document-meta">\(PDF, 1 kB\)',
        nn_html,
    )
    assert "-nb.pdf" not in nn_html


def test_tool_library_shows_size_of_a_larger_file(client):
    document = ToolDocumentFactory(file=ContentFile(b"%PDF-1.4\n" + b"0" * 120 * 1024, name="stor.pdf"))
    ToolFactory(title="Lp-analyse", document=document)
    html = client.get("/nb/handlingsveileder/verktoy/").content.decode()
    assert 'Lp-analyse <span class="document-meta">(PDF, 120 kB)</span>' in html


def tool_titles(html):
    return re.findall(r'<li class="ds-card tool" id="verktoy-\d+">\s*<h3[^>]*><a[^>]*>([^<]+?) <span', html)


def test_tool_library_filters_by_level_and_service_area_without_javascript(client):
    url = "/nb/handlingsveileder/verktoy/"
    everything = tool_titles(client.get(url).content.decode())
    assert len(everything) == Tool.objects.filter(locale__language_code="nb").count() == 9

    level_three = tool_titles(client.get(url, {"niva": "3"}).content.decode())
    assert "Bekymringsmelding til barnevernet" in level_three
    assert "Tegn på mulig mistrivsel" not in level_three  # only used at nivå 0

    level_zero = tool_titles(client.get(url, {"niva": "0"}).content.decode())
    assert "Tegn på mulig mistrivsel" in level_zero and "Tiltaksplan og evaluering" not in level_zero

    html = client.get(url, {"niva": "1", "omrade": "skole"}).content.decode()
    assert "Stafettloggen – informasjon til foreldre" in tool_titles(html)
    assert "Bekymringsmelding til barnevernet" not in tool_titles(html)
    assert '<option value="1" selected>' in html and '<option value="skole" selected>' in html
    assert 'href="/nb/handlingsveileder/skole/niva-1/#steg-1"' in html  # "used in" links to the step

    # A tool that no step uses is listed, but never matches a filter.
    ToolFactory(title="Ubrukt verktøy")
    assert "Ubrukt verktøy" in tool_titles(client.get(url).content.decode())
    assert "Ubrukt verktøy" not in tool_titles(client.get(url, {"niva": "0"}).content.decode())


@pytest.mark.parametrize(
    "query", [{"niva": "9"}, {"omrade": "<script>alert(1)</script>"}, {"niva": "1' OR 1=1"}]
)
def test_unknown_filter_values_show_everything(client, query):
    response = client.get("/nb/handlingsveileder/verktoy/", query)
    assert response.status_code == 200
    assert len(tool_titles(response.content.decode())) == 9
    assert "<script>alert" not in response.content.decode()


def test_tool_library_in_nynorsk_filters_by_nynorsk_area(client):
    html = client.get("/nn/handlingsrettleiar/verktoy/", {"omrade": "skule", "niva": "0"}).content.decode()
    titles = tool_titles(html)
    assert "Teikn på mogleg mistrivsel" in titles and "Samtykkeskjema" not in titles
    assert "-nb.pdf" not in html
    assert 'lang="nn"' in html


def test_guide_front_page_puts_every_step_one_click_away(client):
    html = client.get("/nb/handlingsveileder/").content.decode()
    for level in GuideLevelPage.objects.filter(locale__language_code="nb"):
        for number in range(1, len(raw_steps(level)) + 1):
            assert f'href="{level.url}#steg-{number}"' in html
    assert "stafettholder" in html.lower() and "stafettlogg" in html.lower()


@pytest.mark.parametrize(
    ("url", "title", "notice"),
    [
        ("/nb/bekymret-for-et-barn/", "Er du bekymret for et barn?", "Ikke snakk med foreldrene først."),
        ("/nn/uroa-for-eit-barn/", "Er du uroa for eit barn?", "Ikkje snakk med foreldra først."),
    ],
)
def test_citizen_page_always_shows_the_safety_notice(client, url, title, notice):
    html = client.get(url).content.decode()
    assert f">{title}</h1>" in html
    safety = html[html.index('class="ds-alert safety-notice"') :]
    safety = safety[: safety.index("</section>")]
    assert notice in safety
    for number in ('href="tel:112"', 'href="tel:113"', 'href="tel:116111"', 'href="tel:+4712345999"'):
        assert number in safety
    assert "anonym" in html


def test_citizen_page_notice_stays_when_editors_empty_the_page(client):
    page = ConcernPage.objects.get(locale__language_code="nb")
    page.body = []
    page.child_welfare_phone = page.emergency_phone = ""
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "safety-notice" in html and 'href="tel:116111"' in html


def test_guide_pages_say_when_they_were_updated_and_who_is_responsible(client):
    html = client.get(level_page("nn", "helsestasjon-og-jordmor", 2).url).content.decode()
    assert "Hilde Berg, Leiar for helsestasjon og jordmorteneste" in html  # the area's, inherited
    assert '<p class="ds-paragraph last-updated"' in html
    html = client.get("/nb/handlingsveileder/verktoy/").content.decode()
    assert "Ingrid Fjell, BTI-koordinator" in html


def test_guide_pages_link_the_print_stylesheet(client):
    html = client.get(level_page("nb", "skole", 2).url).content.decode()
    assert "css/guide.css" in html and "css/print.css" in html


def test_demo_pdfs_are_valid_files():
    data = demo_pdf(["Samtykkeskjema", "æøå"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref_at = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[xref_at:].startswith(b"xref")
    assert b"Samtykkeskjema" in data and "æøå".encode("cp1252") in data


# --- Query counts ---------------------------------------------------------------------------------

# The way to the page and its own row are memoised for anonymous visitors, as are the chrome and
# the language switcher's translations; rendering the content costs the level navigation, the tools
# and the responsible service area (3).
LEVEL_PAGE_QUERIES = {"rendered": 3, "content from cache": 0}
TOOL_LIBRARY_QUERIES = 3


def add_tools_to_first_step(page, count):
    tools = [ToolFactory(title=f"Ekstra verktøy {number}") for number in range(count)]
    step = next(block for block in page.steps if block.block_type == "step")
    step.value["tools"] = [*step.value["tools"], *tools]
    page.save_revision().publish()


def test_level_page_query_count_does_not_grow_with_tools(client, settings, django_assert_num_queries):
    page = level_page("nb", "skole", 1)
    for extra_tools in (0, 30):
        add_tools_to_first_step(page, extra_tools)
        settings.PAGE_CONTENT_CACHE_SECONDS = 0
        client.get(page.url)  # the chrome memo, as on a server that has served any page
        with django_assert_num_queries(LEVEL_PAGE_QUERIES["rendered"]):
            assert client.get(page.url).status_code == 200
        settings.PAGE_CONTENT_CACHE_SECONDS = 3600
        client.get(page.url)  # stores the content fragment
        with django_assert_num_queries(LEVEL_PAGE_QUERIES["content from cache"]):
            html = client.get(page.url).content.decode()
    assert "Ekstra verktøy 29 <span" in html


def test_tool_library_query_count_does_not_grow_with_tools(client, django_assert_num_queries):
    url = "/nb/handlingsveileder/verktoy/"
    client.get(url)
    with django_assert_num_queries(TOOL_LIBRARY_QUERIES):
        assert client.get(url, {"niva": "1"}).status_code == 200
    add_tools_to_first_step(level_page("nb", "skole", 1), 40)
    client.get(url)  # the chrome memo
    with django_assert_num_queries(TOOL_LIBRARY_QUERIES):
        html = client.get(url, {"niva": "1"}).content.decode()
    assert len(tool_titles(html)) > 40
