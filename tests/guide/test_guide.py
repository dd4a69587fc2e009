"""The action guide: tree rules, editing, steps, tools, filters, both languages, query counts.

Every test builds what it looks at (the `guide_tree` fixture in conftest.py, or factories)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from guide.factories import (
    GuideIndexPageFactory,
    GuideLevelPageFactory,
    ServiceAreaGuidePageFactory,
    ToolDocumentFactory,
    ToolFactory,
    ToolLibraryPageFactory,
)
from guide.models import (
    ConcernPage,
    GuideIndexPage,
    GuideLevelPage,
    ServiceAreaGuidePage,
    Tool,
    ToolLibraryPage,
)
from home.demo.files import demo_pdf
from home.factories import ContentPageFactory
from tests.guide.conftest import front_page_of

pytestmark = pytest.mark.django_db


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


def html_of(client, page, query=None):
    response = client.get(page.url, query or {})
    assert response.status_code == 200, page.url
    return response.content.decode()


def listed(html, tool) -> bool:
    """Whether the tool library lists `tool` (every tool card is an anchor: #verktoy-<pk>)."""
    return f'id="verktoy-{tool.pk}"' in html


# --- Tree rules and editing -----------------------------------------------------------------------


def test_guide_pages_cannot_be_created_out_of_place(nb_home):
    content = ContentPageFactory(parent=nb_home, slug="en-innholdsside")
    assert not GuideLevelPage.can_create_at(content)
    assert not ServiceAreaGuidePage.can_create_at(nb_home)
    assert not GuideLevelPage.can_create_at(nb_home)


def test_one_tool_library_per_guide(nb_home):
    index = GuideIndexPageFactory(parent=nb_home, slug="veileder-med-verktoy")
    assert ToolLibraryPage.can_create_at(index)
    ToolLibraryPageFactory(parent=index)
    assert not ToolLibraryPage.can_create_at(index)
    assert ToolLibraryPage.can_create_at(GuideIndexPageFactory(parent=nb_home, slug="en-annen-veileder"))


class TestEditorsCanCreateEveryPageType(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@fjordvik.example", "pw-123456789")
        )
        self.home = front_page_of(Locale.objects.get(language_code="nb"))
        self.index = GuideIndexPageFactory(parent=self.home, slug="veileder-for-redaktorer")

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
        index = self.index
        data = nested_form_data(
            {"title": "Tannhelse", "slug": "tannhelse", "body": streamfield([]), "responsible_name": "Per"}
        )
        self.assertCanCreate(index, ServiceAreaGuidePage, data)

    def test_level_page_with_structured_steps_choosing_tools(self):
        area = ServiceAreaGuidePageFactory(parent=self.index)
        tool = ToolFactory(title="Samtykkeskjema for redaktører")
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
        self.assertEqual(Tool.objects.filter(title="Samtykkeskjema for redaktører").count(), 1)

    def test_tool_library_page(self):
        index = GuideIndexPageFactory(parent=self.home, slug="veileder-uten-verktoy")
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


def test_a_service_area_has_one_page_per_level(guide_tree):
    duplicate = GuideLevelPageFactory.build(level=2, title="Nivå 2 igjen", slug="niva-2-igjen")
    guide_tree["area"].add_child(instance=duplicate)
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_the_guide_is_served_in_both_languages(client, guide_tree):
    nn = guide_tree["nn"]
    for page in (guide_tree["guide"], guide_tree["library"], guide_tree["levels"][3], guide_tree["concern"]):
        assert page.url.startswith("/nb/")
        assert nn[page.pk].url.startswith("/nn/")
        assert 'lang="nn"' in html_of(client, nn[page.pk])
        html_of(client, page)


@pytest.mark.parametrize(
    ("language", "labels"),
    [("nb", ["Hva", "Hvordan", "Hvem", "Verktøy"]), ("nn", ["Kva", "Korleis", "Kven", "Verktøy"])],
)
def test_steps_render_with_anchors_and_the_four_fields(client, guide_tree, language, labels):
    page = guide_tree["levels"][2]
    if language == "nn":
        page = guide_tree["nn"][page.pk]
    html = html_of(client, page)
    for number, title in enumerate(["Første steg på nivå 2", "Andre steg på nivå 2"], start=1):
        assert f'id="steg-{number}"' in html
        assert f'href="#steg-{number}"' in html
        assert title in html
    for label in labels:
        assert f">{label}</h3>" in html, label
    assert "Avklar innen 14 dager" in html and "Pedagogisk leder" in html


def test_next_steps_link_to_the_levels_of_the_same_area_and_language(client, guide_tree):
    levels, nn = guide_tree["levels"], guide_tree["nn"]
    html = html_of(client, nn[levels[0].pk])
    assert f'href="{nn[levels[1].pk].url}"' in html
    assert f'href="{levels[1].url}"' not in html
    html = html_of(client, levels[1])
    assert f'href="{levels[0].url}#steg-2"' in html  # back to a step on another level


def test_tool_links_point_to_the_file_in_the_pages_language(client, guide_tree):
    consent = guide_tree["tools"]["consent"]
    level = guide_tree["levels"][1]
    nb_html, nn_html = html_of(client, level), html_of(client, guide_tree["nn"][level.pk])
    assert "/samtykke-nb" in nb_html and consent.title in nb_html and "(PDF, 1 kB)" in nb_html
    assert "/samtykke-nn" in nn_html and "/samtykke-nb" not in nn_html


def test_tool_library_shows_size_of_a_larger_file(client, guide_tree):
    document = ToolDocumentFactory(file=ContentFile(b"%PDF-1.4\n" + b"0" * 120 * 1024, name="stor.pdf"))
    ToolFactory(title="Lp-analyse", document=document)
    html = html_of(client, guide_tree["library"])
    assert "Lp-analyse" in html and "120 kB" in html


def test_tool_library_filters_by_level_and_service_area_without_javascript(client, guide_tree):
    library, tools = guide_tree["library"], guide_tree["tools"]
    everything = html_of(client, library)
    assert listed(everything, tools["signs"]) and listed(everything, tools["consent"])

    level_zero = html_of(client, library, {"niva": "0"})
    assert listed(level_zero, tools["signs"]) and not listed(level_zero, tools["consent"])

    html = html_of(client, library, {"niva": "1", "omrade": "testbarnehage"})
    assert listed(html, tools["consent"]) and not listed(html, tools["signs"])
    assert f'href="{guide_tree["levels"][1].url}#steg-1"' in html  # "used in" links to the step
    assert not listed(html_of(client, library, {"niva": "1", "omrade": "testskole"}), tools["consent"])

    # A tool that no step uses is listed, but never matches a filter.
    unused = ToolFactory(title="Ubrukt verktøy")
    assert listed(html_of(client, library), unused)
    assert not listed(html_of(client, library, {"niva": "0"}), unused)


@pytest.mark.parametrize(
    "query", [{"niva": "9"}, {"omrade": "<script>alert(1)</script>"}, {"niva": "1' OR 1=1"}]
)
def test_unknown_filter_values_show_everything(client, guide_tree, query):
    html = html_of(client, guide_tree["library"], query)
    assert all(listed(html, tool) for tool in guide_tree["tools"].values())
    assert "<script>alert" not in html


def test_tool_library_in_nynorsk_lists_the_nynorsk_tools(client, guide_tree):
    html = html_of(
        client, guide_tree["nn"][guide_tree["library"].pk], {"omrade": "testbarnehage", "niva": "1"}
    )
    nn_consent = Tool.objects.get(
        translation_key=guide_tree["tools"]["consent"].translation_key, locale__language_code="nn"
    )
    assert listed(html, nn_consent) and not listed(html, guide_tree["tools"]["consent"])
    assert "/samtykke-nn" in html and "/samtykke-nb" not in html


def test_guide_front_page_puts_every_step_one_click_away(client, guide_tree):
    html = html_of(client, guide_tree["guide"])
    for level in [*guide_tree["levels"].values(), guide_tree["other_level"]]:
        for number in range(1, len(level.steps) + 1):
            assert f'href="{level.url}#steg-{number}"' in html


@pytest.mark.parametrize(
    ("language", "notice"),
    [("nb", "Ikke snakk med foreldrene først."), ("nn", "Ikkje snakk med foreldra først.")],
)
def test_citizen_page_always_shows_the_safety_notice(client, guide_tree, language, notice):
    page = guide_tree["concern"]
    html = html_of(client, page if language == "nb" else guide_tree["nn"][page.pk])
    safety = html[html.index('class="ds-alert safety-notice"') :]
    safety = safety[: safety.index("</section>")]
    assert notice in safety
    for number in ('href="tel:112"', 'href="tel:113"', 'href="tel:116111"', 'href="tel:+4712345999"'):
        assert number in safety


def test_citizen_page_notice_stays_when_editors_empty_the_page(client, guide_tree):
    page = guide_tree["concern"]
    page.body = []
    page.child_welfare_phone = page.emergency_phone = ""
    page.save_revision().publish()
    html = html_of(client, page)
    assert "safety-notice" in html and 'href="tel:116111"' in html and "tel:+4712345999" not in html


def test_guide_pages_say_when_they_were_updated_and_who_is_responsible(client, guide_tree):
    html = html_of(client, guide_tree["nn"][guide_tree["levels"][2].pk])
    assert "Mona Testesen, Styrer" in html  # the area's, inherited
    assert "last-updated" in html
    assert "Ingrid Testfjell, BTI-koordinator" in html_of(client, guide_tree["library"])


def test_guide_pages_link_the_print_stylesheet(client, guide_tree):
    html = html_of(client, guide_tree["levels"][2])
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
    page = GuideLevelPage.objects.get(pk=page.pk)
    tools = [ToolFactory(title=f"Ekstra verktøy {number}") for number in range(count)]
    step = next(block for block in page.steps if block.block_type == "step")
    step.value["tools"] = [*step.value["tools"], *tools]
    page.save_revision().publish()
    return tools


def test_level_page_query_count_does_not_grow_with_tools(
    client, settings, guide_tree, django_assert_num_queries
):
    page = guide_tree["levels"][1]
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
    assert "Ekstra verktøy 29" in html


def test_tool_library_query_count_does_not_grow_with_tools(client, guide_tree, django_assert_num_queries):
    url = guide_tree["library"].url
    client.get(url)
    with django_assert_num_queries(TOOL_LIBRARY_QUERIES):
        assert client.get(url, {"niva": "1"}).status_code == 200
    extra = add_tools_to_first_step(guide_tree["levels"][1], 40)
    client.get(url)  # the chrome memo
    with django_assert_num_queries(TOOL_LIBRARY_QUERIES):
        html = client.get(url, {"niva": "1"}).content.decode()
    assert all(listed(html, tool) for tool in extra)
