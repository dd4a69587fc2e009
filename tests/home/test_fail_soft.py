"""Redis is a cache, not a dependency (home/cache.py, home/sessions.py, home/unavailable.py).

The page-cache store is replaced here by one that can be switched off, as a Redis outage does
to django-redis: every call raises. Pages are still served (uncached), the generation read
during an outage matches no stored page, an outage owes a bump so nothing cached before it is
served after it, sign-in POSTs are refused with a translated 503, and a session the database
could not save answers 503 instead of 400. tests/perf/test_redis_outage.py does the same against
a real Redis and gunicorn."""

from django.contrib.sessions.models import Session
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError

from wagtail.models import Locale, Page, Site

import pytest

from home import cache as page_cache
from home import memo
from home import sessions as portal_sessions
from home.factories import ContentPageFactory, HomePageFactory

pytestmark = pytest.mark.django_db


class FlakyStore:
    """A LocMemCache that raises like django-redis does while Redis is stopped."""

    def __init__(self):
        self.real = LocMemCache("flaky-page-cache", {})
        self.real.clear()
        self.down = False
        self.calls = 0

    def __getattr__(self, name):
        attribute = getattr(self.real, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            self.calls += 1
            if self.down:
                raise ConnectionError("Error 111 connecting to 127.0.0.1:6391. Connection refused.")
            return attribute(*args, **kwargs)

        return call


@pytest.fixture
def store(monkeypatch, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHE_OUTAGE_RETRY_SECONDS = 0  # every request tries again (the real default is 1 s)
    flaky = FlakyStore()
    monkeypatch.setattr(page_cache, "page_cache", lambda: flaky)
    monkeypatch.setattr(page_cache, "_health", page_cache._Health())
    return flaky


@pytest.fixture
def public_page(db):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        home = HomePageFactory(parent=Page.get_first_root_node(), locale=Locale.get_default())
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    page = ContentPageFactory(parent=site.root_page.specific, title="Tåler Redis-brudd", slug="taaler-brudd")
    return page


def test_pages_are_served_uncached_while_the_store_is_down(client, store, public_page):
    assert client.get(public_page.url)["X-Page-Cache"] == "miss"
    assert client.get(public_page.url)["X-Page-Cache"] == "hit"
    store.down = True
    for _ in range(3):
        response = client.get(public_page.url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "unavailable"
        assert "Tåler Redis-brudd" in response.content.decode()
    # Search and the login page run outside the page cache but read the generation too.
    assert client.get("/nb/sok/?q=barn").status_code == 200
    assert client.get("/nb/konto/login/").status_code == 200


def test_an_unreadable_generation_matches_nothing_and_is_new_every_time(store):
    known = page_cache.current_generation()
    store.down = True
    during = {page_cache.current_generation() for _ in range(5)}
    assert len(during) == 5
    assert all(generation < 0 for generation in during)
    assert known not in during


def test_a_purge_lost_in_the_outage_is_applied_when_the_store_returns(client, store, public_page):
    client.get(public_page.url)
    before = page_cache.current_generation()
    assert client.get(public_page.url)["X-Page-Cache"] == "hit"
    store.down = True
    page_cache.purge_all("published while Redis was down")  # the bump itself fails: owed
    store.down = False
    after = page_cache.current_generation()
    assert after > before
    assert client.get(public_page.url)["X-Page-Cache"] == "miss", "a page cached before the outage was served"


def test_any_outage_seen_owes_a_bump(store):
    # Another process may have published during the outage and lost its bump (or been restarted).
    before = page_cache.current_generation()
    store.down = True
    page_cache.current_generation()
    store.down = False
    first = page_cache.current_generation()
    assert first > before
    assert page_cache.current_generation() == first  # owed once, not on every request


def test_the_store_is_left_alone_for_a_moment_after_a_failure(store, settings):
    settings.CACHE_OUTAGE_RETRY_SECONDS = 60
    store.down = True
    page_cache.current_generation()
    calls = store.calls
    for _ in range(10):
        page_cache.current_generation()
    assert store.calls == calls


@pytest.mark.parametrize(
    ("language", "message"),
    [("nb", "Prøv igjen om litt"), ("nn", "Prøv att om litt")],
)
def test_sign_in_fails_closed_while_the_rate_limit_store_is_down(client, store, make_user, language, message):
    make_user("fail-closed")
    store.down = True
    response = client.post(f"/{language}/konto/login/", {"login": "fail-closed", "password": "test-pass-123"})
    assert response.status_code == 503
    assert message in response.content.decode()
    assert response["Retry-After"]
    assert "_auth_user_id" not in client.session
    store.down = False
    response = client.post(f"/{language}/konto/login/", {"login": "fail-closed", "password": "test-pass-123"})
    assert response.status_code == 302


def test_logging_out_is_not_refused_during_an_outage(client, store, make_user):
    client.force_login(make_user("logs-out"))
    store.down = True
    assert client.post("/nb/konto/logout/").status_code == 302


def test_the_cached_copy_of_a_session_is_keyed_by_generation():
    store = portal_sessions.SessionStore()
    store.create()
    with memo.generation_scope(41):
        before = store.cache_key
    with memo.generation_scope(42):
        after = store.cache_key
    assert before != after
    assert before.endswith(store.session_key) and ":41:" in before


def test_a_session_the_database_could_not_save_answers_503(client, make_user, monkeypatch):
    client.force_login(make_user("db-drop"))

    def dropped(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Session, "save", dropped)
    response = client.get("/nb/")
    assert response.status_code == 503
    assert "Prøv igjen om litt" in response.content.decode()
