import io

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail import blocks
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.rich_text import RichText
from wagtail.search.models import IndexEntry

import pytest

from guide.factories import GuideLevelPageFactory, ServiceAreaGuidePageFactory
from home.demo.bilingual import Glossary, translate
from home.demo.synonyms import load as load_demo_synonyms
from home.factories import ContentPageFactory, SynonymGroupFactory
from home.models import HomePage
from home.search import INDEXED_TEXT_FIELD, MAX_RESULTS, query_terms, ranked_hits
from tests.portal import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]


def results(html):
    """The addresses of the results shown, in order."""
    return [item.select_one("h2 a")["href"] for item in parse(html).select("li.search-result")]


def snippets(html):
    return list(parse(html).select("li.search-result"))


def test_search_finds_pages_in_active_language_only(client, portal):
    # "stafettholder" is in the about page's body (nb); "stafetthaldar" in its nn translation.
    assert results(client.get("/nb/sok/", {"q": "stafettholder"}).content.decode()) == ["/nb/om-bti/"]
    assert results(client.get("/nn/sok/", {"q": "stafettholder"}).content.decode()) == []
    assert results(client.get("/nn/sok/", {"q": "stafetthaldar"}).content.decode()) == ["/nn/om-bti/"]
    # Both language trees have the word "stafettloggen": each search shows its own.
    assert results(client.get("/nn/sok/", {"q": "stafettloggen"}).content.decode()) == ["/nn/om-bti/"]


def test_result_count_and_highlighted_snippet(client):
    html = client.get("/nb/sok/", {"q": "stafettloggen"}).content.decode()
    assert "1 treff for «stafettloggen»" in parse(html).get_text(" ")
    assert [mark.get_text() for mark in snippets(html)[0].select("mark")] == ["stafettloggen"]


def test_results_are_paginated(client):
    home = HomePage.objects.get(locale__language_code="nb")
    for number in range(23):
        ContentPageFactory(
            parent=home, title=f"Sjøsprøyt {number}", intro="sjøsprøyt og bølger"
        ).save_revision().publish()
    first = client.get("/nb/sok/", {"q": "sjøsprøyt"}).content.decode()
    assert "23 treff" in first and len(results(first)) == 10
    third = client.get("/nb/sok/", {"q": "sjøsprøyt", "side": "3"}).content.decode()
    assert len(results(third)) == 3
    assert client.get("/nb/sok/", {"q": "sjøsprøyt", "side": "999"}).status_code == 200


def test_section_filter_limits_results(client):
    home = HomePage.objects.get(locale__language_code="nb")
    # The sections are memoised; publishing a new one must show up in the next search.
    assert "Seksjon A" not in client.get("/nb/sok/", {"q": "kompass"}).content.decode()
    section = ContentPageFactory(parent=home, title="Seksjon A", slug="seksjon-a", intro="kompass")
    section.save_revision().publish()
    child = ContentPageFactory(parent=section, title="Kompassrose", intro="kompass")
    child.save_revision().publish()
    ContentPageFactory(parent=home, title="Annet kompass", intro="kompass").save_revision().publish()
    everything = client.get("/nb/sok/", {"q": "kompass"}).content.decode()
    assert len(results(everything)) == 3
    assert "Seksjon A (2)" in everything
    filtered = client.get("/nb/sok/", {"q": "kompass", "seksjon": "seksjon-a"}).content.decode()
    assert len(results(filtered)) == 2


@pytest.fixture
def private_page():
    t = Glossary()
    page = ContentPageFactory(
        parent=HomePage.objects.get(locale__language_code="nb"),
        title=t.text("Hemmelig møteplan", "Hemmeleg møteplan"),
        slug=t.text("hemmelig", "hemmeleg"),
        intro=t.text("Internt referat fra agentmøtet.", "Internt referat frå agentmøtet."),
    )
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="BTI-agenter")])
    translate(page, t)
    return page


@pytest.mark.parametrize(("language", "query"), [("nb", "agentmøtet"), ("nn", "agentmøtet")])
def test_private_pages_hidden_from_anonymous_and_outsiders(client, make_user, private_page, language, query):
    assert not results(client.get(f"/{language}/sok/", {"q": query}).content.decode())
    client.force_login(make_user("utenfor"))
    assert not results(client.get(f"/{language}/sok/", {"q": query}).content.decode())
    client.force_login(make_user("agent9", "BTI-agenter"))
    assert len(results(client.get(f"/{language}/sok/", {"q": query}).content.decode())) == 1


def test_page_restricted_after_a_search_is_hidden_from_the_next_one(client):
    page = ContentPageFactory(
        parent=HomePage.objects.get(locale__language_code="nb"),
        title="Vaktliste",
        intro="Vaktliste for helgen.",
    )
    page.save_revision().publish()
    assert results(client.get("/nb/sok/", {"q": "vaktliste"}).content.decode()) == ["/nb/vaktliste/"]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert not results(client.get("/nb/sok/", {"q": "vaktliste"}).content.decode())


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        '"',
        "'",
        '"barnehage',
        "x" * 10_000,
        "' OR 1=1 --",
        "; DROP TABLE wagtailcore_page;",
        "😀🙂",
        "a\x00b",
        "%00",
        "*",
        "AND OR NOT",
        "(((",
        "\\",
    ],
)
def test_odd_queries_give_a_normal_page(client, query):
    response = client.get("/nb/sok/", {"q": query})
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


def test_raw_nul_and_lone_surrogate_in_url(client):
    assert client.get("/nb/sok/?q=a%00b%ED%A0%80c").status_code == 200
    assert client.get("/nb/sok/?q=barn&side=-1&seksjon=%00").status_code == 200


def test_promoted_results_shown_in_active_language(client, portal):
    about_nb = portal.about["nb"]
    # The picks are memoised per cache generation: a new one must show in the next search.
    assert 'id="promoted-heading"' not in client.get("/nn/sok/", {"q": "Kontakt"}).content.decode()
    query = Query.get("kontakt")
    pick = SearchPromotion.objects.create(
        query=query, page=about_nb, sort_order=0, description="Les om arbeidet"
    )
    nn_html = client.get("/nn/sok/", {"q": "Kontakt"}).content.decode()
    promoted = parse(nn_html).find(id="promoted-heading").find_parent("section")
    assert [a["href"] for a in promoted.select("a")] == ["/nn/om-bti/"]
    pick.delete()
    assert 'id="promoted-heading"' not in client.get("/nn/sok/", {"q": "Kontakt"}).content.decode()


def test_result_addresses_are_the_pages_own(client):
    home = HomePage.objects.get(locale__language_code="nb")
    section = ContentPageFactory(
        parent=home, title="Sjøsprøyt og bølger", slug="sjøsprøyt", intro="Om havet."
    )
    section.save_revision().publish()
    child = ContentPageFactory(parent=section, title="Sjøsprøyt på kaia", slug="på-kaia", intro="Om havet.")
    child.save_revision().publish()
    urls = results(client.get("/nb/sok/", {"q": "sjøsprøyt"}).content.decode())
    assert sorted(urls) == sorted(page.get_url() for page in (section, child))
    assert "/nb/sj%C3%B8spr%C3%B8yt/p%C3%A5-kaia/" in urls  # percent-encoded, as Wagtail links them


def test_search_responses_are_never_shared_cached(client):
    response = client.get("/nb/sok/", {"q": "barn"})
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


# The queries the search itself makes for an anonymous visitor once the site chrome, the
# language's sections and live pages, the view restrictions and the editors' picks are memoised for
# the current cache generation: the ranked matches, and the indexed text of the shown results.
SEARCH_QUERIES_WITH_HITS = 2
# Without hits there are no results to show; on PostgreSQL one query looks for a near spelling
# (pg_trgm), on SQLite difflib does it without one.
SEARCH_QUERIES_WITHOUT_HITS = 2 if connection.vendor == "postgresql" else 1


def warm_search(client, query):
    """One request to fill the chrome's memo for the current cache generation (publishing moves it on)."""
    response = client.get("/nb/sok/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_search_query_count_is_the_same_for_few_and_many_hits(client, django_assert_num_queries):
    home = HomePage.objects.get(locale__language_code="nb")
    ContentPageFactory(parent=home, title="Sjøfly 0", intro="Om sjøfly.").save_revision().publish()
    assert "1 treff" in warm_search(client, "sjøfly")
    with django_assert_num_queries(SEARCH_QUERIES_WITH_HITS):
        client.get("/nb/sok/", {"q": "sjøfly"})

    # Many hits, of several page types, more than one page of results.
    for number in range(1, 25):
        ContentPageFactory(
            parent=home, title=f"Sjøfly {number}", intro="Om sjøfly."
        ).save_revision().publish()
    for number in range(25, 40):
        ServiceAreaGuidePageFactory(
            parent=home, title=f"Sjøfly {number}", intro="Om sjøfly og tjenester."
        ).save_revision().publish()
    assert "40 treff" in warm_search(client, "sjøfly")
    with django_assert_num_queries(SEARCH_QUERIES_WITH_HITS):
        client.get("/nb/sok/", {"q": "sjøfly"})
    with django_assert_num_queries(SEARCH_QUERIES_WITH_HITS):
        html = client.get("/nb/sok/", {"q": "sjøfly", "side": "4"}).content.decode()
    assert len(results(html)) == 10


def test_signed_in_search_query_count_does_not_grow_with_hits(
    client, make_user, private_page, django_assert_num_queries
):
    client.force_login(make_user("agent8", "BTI-agenter"))
    assert "1 treff" in warm_search(client, "agentmøtet")
    with CaptureQueriesContext(connection) as few:
        client.get("/nb/sok/", {"q": "agentmøtet"})
    queries_with_one_hit = len(few.captured_queries)  # read now: the next request clears the log
    home = HomePage.objects.get(locale__language_code="nb")
    for number in range(25):
        ContentPageFactory(
            parent=home, title=f"Agentmøtet {number}", intro="Fra agentmøtet."
        ).save_revision().publish()
    assert "26 treff" in warm_search(client, "agentmøtet")
    with django_assert_num_queries(queries_with_one_hit):
        client.get("/nb/sok/", {"q": "agentmøtet"})


def test_search_without_hits_or_words_makes_few_queries(client, django_assert_num_queries):
    warm_search(client, "zzxqy")
    with django_assert_num_queries(SEARCH_QUERIES_WITHOUT_HITS):
        html = client.get("/nb/sok/", {"q": "zzxqy"}).content.decode()
    assert "0 treff" in html
    with django_assert_num_queries(0):
        client.get("/nb/sok/", {"q": '"'})
    with django_assert_num_queries(0):
        client.get("/nb/sok/")


def test_snippet_shows_the_hit_wherever_it_is_in_the_page(client):
    home = HomePage.objects.get(locale__language_code="nb")
    ContentPageFactory(
        parent=home,
        title="Sommerleir",
        intro="Aktiviteter for barn i ferien.",
        body=[("paragraph", RichText("<p>Påmelding til <b>kajakkpadling</b> skjer i mai &amp; juni.</p>"))],
    ).save_revision().publish()
    html = client.get("/nb/sok/", {"q": "kajakkpadling"}).content.decode()
    (snippet,) = snippets(html)
    assert "Påmelding til kajakkpadling skjer i mai & juni." in snippet.get_text()
    assert [mark.get_text() for mark in snippet.select("mark")] == ["kajakkpadling"]


def test_snippet_prefers_the_editors_description_when_it_mentions_the_words(client):
    home = HomePage.objects.get(locale__language_code="nb")
    page = ContentPageFactory(
        parent=home,
        title="Vinterleir",
        intro="Snøhuler og skigåing.",
        search_description="Vinterleir med snøhuler for ungdom.",
    )
    page.save_revision().publish()
    (snippet,) = snippets(client.get("/nb/sok/", {"q": "snøhuler"}).content.decode())
    assert "Vinterleir med snøhuler for ungdom." in snippet.get_text()
    assert [mark.get_text() for mark in snippet.select("mark")] == ["snøhuler"]
    (other,) = snippets(client.get("/nb/sok/", {"q": "skigåing"}).content.decode())
    assert "Snøhuler og skigåing." in other.get_text()
    assert [mark.get_text() for mark in other.select("mark")] == ["skigåing"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Norwegian stemming needs PostgreSQL's 'norwegian' text search configuration; SQLite has no stemming",
)
@pytest.mark.parametrize(
    ("query", "word"), [("barnehagen", "barnehage"), ("tjenestene", "tjeneste"), ("skolens", "skole")]
)
def test_postgresql_stems_norwegian(client, query, word):
    home = HomePage.objects.get(locale__language_code="nb")
    ContentPageFactory(
        parent=home, title="Stammeord", slug=f"stamme-{word}", intro=f"Om {word} og kvitveis."
    ).save_revision().publish()
    urls = results(client.get("/nb/sok/", {"q": f"{query} kvitveis"}).content.decode())
    assert f"/nb/stamme-{word}/" in urls


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the hand-written match is PostgreSQL's")
@pytest.mark.parametrize(
    "query", ["barn", "stafettholder", "barnehagen og skolen", "tjenester foreldre", "zzxqy"]
)
def test_postgresql_matches_and_ranks_like_wagtails_backend(query):
    """ranked_hits stands in for Wagtail's `pages.search(..., operator="and")`."""
    locale = Locale.objects.get(language_code="nb")
    pages = Page.objects.live().filter(locale=locale)
    terms = query_terms(query)
    wagtails = [(page.pk, page.path) for page in pages.search(" ".join(terms), operator="and")[:MAX_RESULTS]]
    assert ranked_hits(locale.pk, (), terms) == wagtails
    assert wagtails or query == "zzxqy"


def test_result_pages_are_linked_with_the_query_kept_and_the_current_page_marked(client, portal):
    for number in range(25):
        ContentPageFactory(
            parent=portal.home["nb"], title=f"Barneleik {number}", intro="Om barn og leik."
        ).save_revision().publish()
    first = client.get("/nb/sok/", {"q": "barneleik"}).content.decode()
    assert "25 treff for «barneleik»" in parse(first).get_text(" ")
    html = client.get("/nb/sok/", {"q": "barneleik", "side": "2"}).content.decode()
    nav = parse(html).select_one("nav.pagination")
    assert nav["aria-label"] == "Sider med søkeresultater"
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "Side 2"
    links = {a.get_text(" ", strip=True): a["href"] for a in nav.select("a")}
    assert links["Side 1"] == "?q=barneleik&side=1"
    assert "?q=barneleik&side=3" in links.values()
    assert "Neste side" in nav.get_text() and "Forrige side" in nav.get_text()


def index_text(page) -> str:
    return IndexEntry.objects.get(object_id=str(page.pk), content_type__model=page._meta.model_name).__dict__[
        INDEXED_TEXT_FIELD
    ]


def test_block_labels_and_widget_text_are_not_indexed(client):
    """A heading's level and a notice's kind are settings, not content: neither their labels
    ("Overskrift 2", "Informasjon") nor an empty choice ("- Select an option -") reach the index."""
    home = HomePage.objects.get(locale__language_code="nb")
    page = ContentPageFactory(
        parent=home,
        title="Fjellturer",
        intro="Turer for familier.",
        body=[
            ("heading", {"text": "Blåbærlyng på vidda", "level": "h2"}),
            ("notice", {"kind": "info", "title": "", "text": RichText("<p>Ta med matpakke.</p>")}),
        ],
    )
    page.save_revision().publish()
    indexed = index_text(page)
    assert "Blåbærlyng på vidda" in indexed and "Ta med matpakke." in indexed
    assert "Overskrift" not in indexed and "Informasjon" not in indexed
    (snippet,) = snippets(client.get("/nb/sok/", {"q": "blåbærlyng"}).content.decode())
    assert "Blåbærlyng på vidda" in snippet.get_text()
    assert "Overskrift 2" not in snippet.get_text()


def test_empty_choice_of_a_step_is_not_indexed(portal):
    level = GuideLevelPageFactory(
        parent=portal.area["nb"],
        title="Nivå 3",
        level=3,
        steps=[
            (
                "step",
                {
                    "title": "Avslutt saken",
                    "what": RichText("<p>Skriv en kort oppsummering.</p>"),
                    "how": RichText("<p>Sammen med foreldrene.</p>"),
                    "who": "Stafettholderen",
                    "tools": [],
                    "time_limit": "",
                    "next_steps": [{"text": "Saken avsluttes", "level": "", "step": None}],
                },
            )
        ],
    )
    level.save_revision().publish()
    indexed = index_text(level)
    assert "Saken avsluttes" in indexed and "Stafettholderen" in indexed
    assert "Select an option" not in indexed and "Velg" not in indexed


def child_blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from child_blocks(child)
    if child := getattr(block, "child_block", None):  # ListBlock
        yield from child_blocks(child)


def test_no_choice_block_of_any_page_type_puts_its_labels_in_the_index():
    """Every ChoiceBlock in every StreamField of every page type is a setting: an empty or chosen
    value contributes nothing to the search index."""
    choice_blocks = [
        (model.__name__, field.name, block)
        for model in get_page_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
        for block in child_blocks(field.stream_block)
        if isinstance(block, blocks.ChoiceBlock)
    ]
    assert choice_blocks
    for model, field, block in choice_blocks:
        for value, _label in block.field.choices:
            assert block.get_searchable_content(value) == [], (model, field, block.name, value)


def test_results_with_the_same_title_show_where_they_are(client, portal, django_assert_num_queries):
    """Level pages of different service areas share their title: each result names its area
    (the pages between the section and the page), read from memoised data, not a query per result."""
    guide = portal.guide["nb"]
    for area_title in ("Tannhelse", "Skolefritid", "Idrettslag"):
        area = ServiceAreaGuidePageFactory(parent=guide, title=area_title, intro="Om tjenesten.")
        area.save_revision().publish()
        GuideLevelPageFactory(
            parent=area, title="Nivå 0: Undring og identifisering", level=0, intro="Undring om barnet."
        ).save_revision().publish()
    html = warm_search(client, "undring")
    shown = [
        " ".join(item.select_one(".search-result__section").get_text().split())
        for item in snippets(html)
        if item.select_one("h2 a").get_text() == "Nivå 0: Undring og identifisering"
    ]
    assert sorted(shown) == sorted(
        f"{guide.title} › {area}" for area in ("Tannhelse", "Skolefritid", "Idrettslag")
    )
    with django_assert_num_queries(SEARCH_QUERIES_WITH_HITS):
        client.get("/nb/sok/", {"q": "undring"})


def test_a_query_word_finds_pages_with_an_editors_synonym(client, django_assert_num_queries):
    home = HomePage.objects.get(locale__language_code="nb")
    ContentPageFactory(
        parent=home,
        title="Når du undrer deg",
        slug="undring",
        intro="Undring over et barn er et godt sted å starte.",
    ).save_revision().publish()
    ContentPageFactory(
        parent=home, title="Samtalen", slug="samtalen", intro="Ta opp bekymring med foreldrene."
    ).save_revision().publish()
    assert "/nb/samtalen/" not in results(warm_search(client, "undring"))

    SynonymGroupFactory(terms="uro, undring, bekymring, bekymret", locale=home.locale)
    html = warm_search(client, "undring")
    assert {"/nb/samtalen/", "/nb/undring/"} <= set(results(html))
    # The synonym is marked in the snippet as the word itself would be.
    assert "bekymring" in [mark.get_text() for mark in parse(html).select("mark")]
    # Every other word must still match: the synonym stands in for its word only.
    assert results(client.get("/nb/sok/", {"q": "bekymring foreldrene"}).content.decode()) == [
        "/nb/samtalen/"
    ]
    # The groups come from the memo: a search costs what it did without them.
    with django_assert_num_queries(SEARCH_QUERIES_WITH_HITS):
        client.get("/nb/sok/", {"q": "uro"})


def test_synonyms_belong_to_their_language(client):
    nb_home = HomePage.objects.get(locale__language_code="nb")
    ContentPageFactory(
        parent=nb_home, title="Mobbing", slug="mobbing", intro="Om mobbing i skolen."
    ).save_revision().publish()
    SynonymGroupFactory(terms="mobbing, utestenging", locale=Locale.objects.get(language_code="nn"))
    assert results(client.get("/nb/sok/", {"q": "utestenging"}).content.decode()) == []
    SynonymGroupFactory(terms="mobbing, utestenging", locale=nb_home.locale)
    assert results(client.get("/nb/sok/", {"q": "utestenging"}).content.decode()) == ["/nb/mobbing/"]


@pytest.mark.parametrize(
    ("language", "query", "written"),
    [
        ("nn", "vold", "Kva du gjer ved mistanke om vald"),
        ("nb", "rettleiar", "Veileder for samtaler med barn"),
        ("nb", "helsesjukepleiar", "Snakk med helsesykepleieren din"),
        ("nn", "bekymring", "Når du er uroa for eit barn"),
        ("nn", "barnevernstjenesten", "Kontakt barnevernstenesta"),
    ],
)
def test_a_query_in_one_written_form_finds_pages_in_the_other(client, language, query, written):
    """The demo's synonym groups hold both forms' words: no machine-translated text is indexed."""
    load_demo_synonyms(io.StringIO())
    home = HomePage.objects.get(locale__language_code=language)
    ContentPageFactory(
        parent=home, title="Side", slug="annen-form", intro=f"{written}."
    ).save_revision().publish()
    assert f"/{language}/annen-form/" in results(
        client.get(f"/{language}/sok/", {"q": query}).content.decode()
    )


@pytest.mark.parametrize(
    ("language", "directory", "concern"),
    [
        (
            "nb",
            ("Hvem kan hjelpe?", "/nb/hjelpetilbud/"),
            ("Er du bekymret for et barn?", "/nb/bekymret-for-et-barn/"),
        ),
        (
            "nn",
            ("Kven kan hjelpe?", "/nn/hjelpetilbod/"),
            ("Er du uroa for eit barn?", "/nn/uroa-for-eit-barn/"),
        ),
    ],
)
def test_a_search_without_hits_shows_where_to_get_help(client, portal, language, directory, concern):
    # The barnevernvakt number comes from the concern page, as its safety notice shows it.
    concern_page = portal.concern[language]
    concern_page.emergency_phone = "12 34 58 88"
    concern_page.save_revision().publish()
    html = parse(client.get(f"/{language}/sok/", {"q": "zzxqy"}).content.decode())
    assert [(link.get_text(), link["href"]) for link in html.select(".search-help a")] == [directory, concern]
    numbers = [link.get_text() for link in html.select(".safety-notice a")]
    assert numbers == ["112", "113", "12 34 58 88", "12 34 52 00", "116 111"]
    hits = parse(client.get(f"/{language}/sok/", {"q": concern[0].split()[-1].strip("?")}).content.decode())
    assert not hits.select(".search-help, .safety-notice")


def suggestion_link(html):
    link = parse(html).select_one(".search-suggestion a")
    return (link.get_text(), link["href"]) if link else None


def test_a_misspelt_query_without_hits_searches_the_nearest_title_word(client):
    """The fallback on SQLite (difflib); PostgreSQL's trigram version is tested below."""
    home = HomePage.objects.get(locale__language_code="nb")
    ContentPageFactory(
        parent=home, title="Helsestasjon for barn", slug="helsestasjon", intro="Vaksiner og veiing."
    ).save_revision().publish()
    html = client.get("/nb/sok/", {"q": "helsestasjn"}).content.decode()
    assert suggestion_link(html) == ("helsestasjon", "?q=helsestasjon")
    assert "/nb/helsestasjon/" in results(html)
    count = parse(html).select_one(".search-count").get_text(" ", strip=True)
    assert count.startswith("Ingen treff for «helsestasjn». Viser ")
    assert count.endswith(" treff for «helsestasjon».")
    # A word that is spelt right gets no suggestion, and nothing near gets none either.
    assert suggestion_link(client.get("/nb/sok/", {"q": "helsestasjon"}).content.decode()) is None
    assert suggestion_link(client.get("/nb/sok/", {"q": "zzxqy"}).content.decode()) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's pg_trgm")
def test_postgresql_suggests_by_trigram_similarity_over_titles_and_synonyms(client):
    nn_home = HomePage.objects.get(locale__language_code="nn")
    ContentPageFactory(
        parent=nn_home, title="Helsestasjonen", slug="helsestasjonen", intro="Vaksinar."
    ).save_revision().publish()
    SynonymGroupFactory(terms="rettleiar, veileder", locale=nn_home.locale)
    ContentPageFactory(
        parent=nn_home, title="Samtalen", slug="samtalen", intro="Ein god rettleiar."
    ).save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/nn/sok/", {"q": "helsestasjn"}).content.decode()
    assert suggestion_link(html) == ("helsestasjonen", "?q=helsestasjonen")
    assert any("similarity(" in query["sql"] for query in queries.captured_queries)
    assert "/nn/helsestasjonen/" in results(html)
    html = client.get("/nn/sok/", {"q": "retleiar"}).content.decode()
    assert suggestion_link(html) == ("rettleiar", "?q=rettleiar")
    assert "/nn/samtalen/" in results(html)
