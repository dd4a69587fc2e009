import re

from django.contrib.auth.models import Group
from django.db import connection

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from home.demo.bilingual import Glossary, translate
from home.factories import ContentPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def results(html):
    return re.findall(r'<li class="search-result">\s*<h2[^>]*><a class="ds-link" href="([^"]+)"', html)


def test_search_finds_pages_in_active_language_only(client):
    nb_html = client.get("/nb/sok/", {"q": "stafettholder"}).content.decode()
    assert results(nb_html) and all(url.startswith("/nb/") for url in results(nb_html))
    front_page = client.get("/nb/sok/", {"q": "stafettholder barnekonvensjonen"}).content.decode()
    assert "/nb/" in results(front_page)
    nn_html = client.get("/nn/sok/", {"q": "stafetthaldar"}).content.decode()
    assert results(nn_html) and all(url.startswith("/nn/") for url in results(nn_html))


def test_result_count_and_highlighted_snippet(client):
    html = client.get("/nb/sok/", {"q": "stafettloggen"}).content.decode()
    assert re.search(r"\d+ treff for «stafettloggen»", html)
    assert "<mark>" in html and "</mark>" in html


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


def test_promoted_results_shown_in_active_language(client):
    about_nb = HomePage.objects.get(locale__language_code="nb").get_children().get(slug="om-bti")
    query = Query.get("kontakt")
    SearchPromotion.objects.create(query=query, page=about_nb, sort_order=0, description="Les om arbeidet")
    nn_html = client.get("/nn/sok/", {"q": "Kontakt"}).content.decode()
    assert 'href="/nn/om-bti/"' in nn_html.split('id="promoted-heading"')[1].split("</section>")[0]


def test_search_responses_are_never_shared_cached(client):
    response = client.get("/nb/sok/", {"q": "barn"})
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_search_query_count_is_constant(client, django_assert_max_num_queries):
    home = HomePage.objects.get(locale__language_code="nb")
    client.get("/nb/sok/", {"q": "barn"})
    with django_assert_max_num_queries(20) as few:
        client.get("/nb/sok/", {"q": "barn"})
    for number in range(15):
        ContentPageFactory(parent=home, title=f"Barn {number}", intro="barn").save_revision().publish()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/nb/sok/", {"q": "barn"})


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
    # A second, rare word keeps the hit on the first result page among the demo's many "tjenester".
    urls = results(client.get("/nb/sok/", {"q": f"{query} kvitveis"}).content.decode())
    assert f"/nb/stamme-{word}/" in urls
