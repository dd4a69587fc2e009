"""The anonymous full-page cache (home/cache.py): what it stores, what it never stores, and every
path that purges it. Caching is off in the test settings (so other tests' query counts hold); these
tests switch it on."""

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from wagtail.models import Page, PageViewRestriction

import pytest

from home import cache as page_cache
from home.factories import ContentPageFactory
from home.models import HomePage, SiteProfile

HEADER = "X-Page-Cache"
pytestmark = pytest.mark.usefixtures("portal")


@pytest.fixture
def caching(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def home_nb(nb):
    return HomePage.objects.get(locale=nb)


@pytest.fixture
def article(home_nb):
    """A fresh public page of our own, so tests can change it without touching the demo."""
    page = ContentPageFactory(parent=home_nb, title="Bufret artikkel", slug="bufret-artikkel")
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.headers.get(HEADER)


@pytest.mark.django_db
def test_caching_is_off_in_the_test_settings(client):
    assert client.get("/nb/").headers.get(HEADER) is None
    assert client.get("/nb/").headers.get(HEADER) is None


@pytest.mark.django_db
def test_second_anonymous_view_is_served_from_the_cache_without_queries(
    client, caching, django_assert_num_queries
):
    first, state = get(client, "/nb/")
    assert (first.status_code, state) == (200, "miss")
    with django_assert_num_queries(0):
        second, state = get(client, "/nb/")
    assert (second.status_code, state) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "nb"
    # Headers set by middleware inside the cache are kept on a hit.
    assert second["X-Frame-Options"] == first["X-Frame-Options"]


@pytest.mark.django_db
def test_languages_never_mix(client, caching):
    get(client, "/nb/")
    nn_page, state = get(client, "/nn/")
    assert state == "miss"
    assert '<html lang="nn"' in nn_page.content.decode()
    nb_page, state = get(client, "/nb/")
    assert state == "hit"
    assert '<html lang="nb"' in nb_page.content.decode()


@pytest.mark.django_db
def test_query_string_and_host_are_part_of_the_key(client, caching):
    get(client, "/nb/")
    assert get(client, "/nb/?utm=x")[1] == "miss"
    assert get(client, "/nb/", HTTP_HOST="localhost")[1] == "miss"
    assert get(client, "/nb/")[1] == "hit"


@pytest.mark.django_db
def test_logged_in_users_are_never_served_or_stored(client, caching, make_user):
    get(client, "/nb/")  # an anonymous copy exists
    client.force_login(make_user("cache-agent"))
    response, state = get(client, "/nb/")
    assert state is None
    assert "Logg ut" in response.content.decode()
    client.logout()
    caches["default"].clear()
    client.force_login(make_user("cache-agent-2"))
    get(client, "/nb/")
    client.logout()
    client.cookies.clear()
    response, state = get(client, "/nb/")
    assert state == "miss"  # the logged-in view stored nothing
    assert "Logg ut" not in response.content.decode()


@pytest.mark.django_db
def test_private_pages_are_never_cached(client, caching, article, make_user):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response, state = get(client, article.url)
        assert response.status_code == 302 and state is None
    client.force_login(make_user("cache-reader"))
    response, state = get(client, article.url)
    assert response.status_code == 200 and state is None


@pytest.mark.django_db
def test_group_restricted_pages_are_never_cached(client, caching, article):
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.first())
    assert get(client, article.url)[0].status_code == 302
    assert get(client, article.url)[1] is None


@pytest.mark.django_db
def test_search_and_account_pages_are_never_cached(client, caching):
    for url in ("/nb/sok/?q=bti", "/nn/sok/?q=bti", "/nb/konto/login/"):
        for _ in range(2):
            assert get(client, url)[1] is None, url


@pytest.mark.django_db
def test_visitors_with_a_session_or_pending_messages_bypass_the_cache(client, caching, settings):
    get(client, "/nb/")
    client.cookies["messages"] = "pending"
    assert get(client, "/nb/")[1] is None
    del client.cookies["messages"]
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert get(client, "/nb/")[1] is None


@pytest.mark.django_db
def test_responses_with_csrf_tokens_cookies_or_private_headers_are_not_stored(caching):
    factory = RequestFactory()

    def stored(view):
        middleware = page_cache.PageCacheMiddleware(view)
        middleware(factory.get("/nb/skjema/"))
        return middleware(factory.get("/nb/skjema/")).headers.get(HEADER) == "hit"

    def with_form(request):
        return HttpResponse(f'<form method="post"><input name="csrf" value="{get_token(request)}"></form>')

    def with_cookie(request):
        response = HttpResponse("x")
        response.set_cookie("any", "1")
        return response

    def private(request):
        response = HttpResponse("x")
        response["Cache-Control"] = "private"
        return response

    def with_nonce(request):
        response = HttpResponse("x")
        response["Content-Security-Policy"] = "script-src 'self' 'nonce-abc'"
        return response

    def not_found(request):
        return HttpResponse("x", status=404)

    def plain(request):
        return HttpResponse("x")

    for view in (with_form, with_cookie, private, with_nonce, not_found):
        assert not stored(view), view.__name__
    assert stored(plain)


# --- Purging ------------------------------------------------------------------------------


def cached(client, url):
    """Warm the cache for `url` and prove it is now served from it."""
    get(client, url)
    response, state = get(client, url)
    assert state == "hit", url
    return response


@pytest.mark.django_db
def test_publishing_a_page_purges(client, caching, article, home_nb):
    cached(client, article.url)
    cached(client, home_nb.url)
    article.title = "Ny tittel på artikkelen"
    article.save_revision().publish()
    response, state = get(client, article.url)
    assert state == "miss"
    assert "Ny tittel på artikkelen" in response.content.decode()
    assert get(client, home_nb.url)[1] == "miss"  # menus and listings elsewhere may show it


@pytest.mark.django_db
def test_saving_a_draft_does_not_purge(client, caching, article):
    cached(client, article.url)
    article.title = "Bare et utkast"
    article.save_revision()
    response, state = get(client, article.url)
    assert state == "hit"
    assert "Bare et utkast" not in response.content.decode()


@pytest.mark.django_db
def test_unpublishing_a_page_purges(client, caching, article):
    cached(client, article.url)
    article.unpublish()
    assert get(client, article.url)[0].status_code == 404


@pytest.mark.django_db
def test_moving_a_page_purges(client, caching, article, home_nb):
    old_url = article.url
    cached(client, old_url)
    new_parent = ContentPageFactory(parent=home_nb, title="Ny forelder", slug="ny-forelder")
    new_parent.save_revision().publish()
    cached(client, old_url)
    Page.objects.get(pk=article.pk).move(new_parent, pos="last-child")
    new_url = Page.objects.get(pk=article.pk).url
    response, state = get(client, old_url)
    # Not the cached page: Wagtail's automatic redirect to the new address (or 404 without one).
    assert response.status_code in (301, 404) and state is None
    assert response.status_code == 404 or response["Location"] == new_url
    assert get(client, new_url)[0].status_code == 200


@pytest.mark.django_db
def test_deleting_a_page_purges(client, caching, article):
    url = article.url
    cached(client, url)
    Page.objects.get(pk=article.pk).delete()
    assert get(client, url)[0].status_code == 404


@pytest.mark.django_db
def test_making_a_page_private_purges(client, caching, article):
    cached(client, article.url)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert get(client, article.url)[0].status_code == 302


@pytest.mark.django_db
def test_saving_a_snippet_purges_every_page_that_shows_it(client, caching, nb, article):
    cached(client, "/nb/")
    cached(client, article.url)
    profile = SiteProfile.objects.get(locale=nb)
    profile.municipality_name = "Nyby kommune"
    profile.save()
    for url in ("/nb/", article.url):
        response, state = get(client, url)
        assert state == "miss"
        assert "Nyby kommune" in response.content.decode()


@pytest.mark.django_db
def test_deleting_a_snippet_purges(client, caching, nb, nn):
    fallback = SiteProfile.objects.get(locale=nn)
    fallback.municipality_name = "Reserveprofil kommune"
    fallback.save()
    cached(client, "/nb/")
    SiteProfile.objects.get(locale=nb).delete()
    response, state = get(client, "/nb/")
    assert state == "miss"
    # Without its own profile the nb tree shows the remaining one.
    assert "Reserveprofil kommune" in response.content.decode()


def test_models_that_public_pages_show_purge_and_bookkeeping_does_not():
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.models import Rendition
    from wagtail.models import Collection, Locale, Revision, Site
    from wagtail.snippets.models import get_snippet_models

    for model in (
        SiteProfile,
        *get_snippet_models(),
        get_image_model(),
        get_document_model(),
        Collection,
        PageViewRestriction,
        Site,
        Locale,
    ):
        assert page_cache.shows_on_public_pages(model), model
    assert issubclass(BaseSiteSetting, page_cache._content_base_classes())
    for model in (get_user_model(), Session, Revision, Rendition, Page, HomePage):
        assert not page_cache.shows_on_public_pages(model), model


@pytest.mark.django_db
def test_purge_repeats_after_commit(caching, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        before = page_cache.current_generation()
        page_cache.purge_all("test")
        during = page_cache.current_generation()
    assert during != before
    assert len(callbacks) == 1
    callbacks[0]()
    assert page_cache.current_generation() not in (before, during)


@pytest.mark.django_db
def test_an_entry_rendered_before_a_purge_is_never_served_after_it(client, caching, settings):
    """The entry keeps the generation read before rendering: a render that raced with a publish
    is stored under the old generation and is therefore stale at once."""
    generation = page_cache.current_generation()
    factory = RequestFactory()

    def racing_view(request):
        page_cache.purge_all("publish while rendering")
        return HttpResponse("old content")

    middleware = page_cache.PageCacheMiddleware(racing_view)
    assert middleware(factory.get("/nb/race/"))[HEADER] == "miss"
    assert page_cache.current_generation() != generation
    assert middleware(factory.get("/nb/race/"))[HEADER] == "miss"


@pytest.mark.django_db
def test_lost_generation_key_makes_every_entry_stale(client, caching):
    cached(client, "/nb/")
    caches["default"].delete(page_cache.GENERATION_KEY)
    assert get(client, "/nb/")[1] == "miss"
