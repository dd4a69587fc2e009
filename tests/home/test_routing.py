"""Routing in two queries (home/routing.py) finds exactly what Wagtail's slug-by-slug walk finds."""

from django.http import Http404
from django.test import RequestFactory

from wagtail.models import Page

import pytest

from home.factories import ContentPageFactory
from home.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]


def wagtail_walk(home, request, components):
    """Wagtail's own routing from the front page, one child query per slug."""
    return Page.route(home, request, components)


def outcome(route, home, components):
    request = RequestFactory().get("/")
    try:
        page, args, kwargs = route(home, request, components)
    except Http404:
        return "404"
    return page.pk, type(page).__name__, comparable(args), kwargs


def comparable(value):
    """RoutablePage views come back as methods bound to each route's own page instance."""
    if isinstance(value, (tuple, list)):
        return tuple(comparable(item) for item in value)
    return getattr(value, "__name__", value) if callable(value) else value


def components_of(page, home):
    return [part for part in page.url_path[len(home.url_path) :].split("/") if part]


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_page_routes_as_wagtail_would(portal, language):
    home = portal.home[language]
    pages = portal.pages(language)[1:]
    assert pages
    for page in pages:
        components = components_of(page, home)
        assert outcome(HomePage.route, home, components) == outcome(wagtail_walk, home, components), (
            page.url_path
        )


@pytest.mark.parametrize(
    "path",
    [
        "finnes-ikke",
        "handlingsveileder/finnes-ikke",
        "handlingsveileder/barnehage/niva-2/finnes-ikke",
        "hjelpetilbud/brosjyre",  # the directory's own sub-URL
        "hjelpetilbud/finnes-ikke",
        "intranett/moteplan/kalender/abc/alle",  # a RoutablePage sub-URL below a restricted page
    ],
)
def test_paths_that_pages_route_themselves_or_that_do_not_exist(path):
    home = HomePage.objects.get(locale__language_code="nb")
    components = path.split("/")
    assert outcome(HomePage.route, home, components) == outcome(wagtail_walk, home, components)


def test_a_live_page_below_an_unpublished_one_is_served_as_wagtail_serves_it(client):
    home = HomePage.objects.get(locale__language_code="nb")
    draft = ContentPageFactory(parent=home, title="Utkast", slug="utkast", live=False)
    child = ContentPageFactory(parent=draft, title="Publisert under utkast", slug="barn")
    child.save_revision().publish()
    assert outcome(HomePage.route, home, ["utkast", "barn"]) == outcome(
        wagtail_walk, home, ["utkast", "barn"]
    )
    assert client.get("/nb/utkast/barn/").status_code == 200
    assert client.get("/nb/utkast/").status_code == 404


def test_routing_costs_two_queries_however_deep_the_page(django_assert_num_queries):
    home = HomePage.objects.get(locale__language_code="nb")
    parent = home
    for depth in range(6):
        parent = ContentPageFactory(parent=parent, title=f"Nivå {depth}", slug=f"dybde-{depth}")
    request = RequestFactory().get("/")
    components = components_of(parent, home)
    assert len(components) == 6
    with django_assert_num_queries(2):
        page, _args, _kwargs = home.route(request, components)
    assert page.pk == parent.pk
    assert [ancestor.slug for ancestor in page.routed_ancestors][1:] == [f"dybde-{d}" for d in range(5)]


def test_the_way_to_a_page_is_memoised_but_not_the_way_nowhere(django_assert_num_queries):
    from home import memo

    home = HomePage.objects.get(locale__language_code="nb")
    request = RequestFactory().get("/")
    with memo.generation_scope(1):
        with django_assert_num_queries(2):  # the pages on the way, the page itself
            home.route(request, ["handlingsveileder", "barnehage", "niva-2"])
        with django_assert_num_queries(1):  # the page itself
            page, _args, _kwargs = home.route(request, ["handlingsveileder", "barnehage", "niva-2"])
        assert [ancestor.slug for ancestor in page.routed_ancestors[1:]] == ["handlingsveileder", "barnehage"]
        for _attempt in range(2):
            with django_assert_num_queries(1), pytest.raises(Http404):
                home.route(request, ["handlingsveileder", "finnes-ikke"])
