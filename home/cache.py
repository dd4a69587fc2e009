"""Full-page cache for anonymous visitors (docs/performance.md).

A public page looks the same to every visitor who is not logged in, so the rendered response is
kept in the shared cache (Redis in production) and served without touching the database.

What is cached: a GET for a language-prefixed URL (/nb/..., /nn/...) from a visitor without a
session or messages cookie, answered with 200, no Set-Cookie (a page with a CSRF-protected form sets
the CSRF cookie and is therefore never stored), no ``private``/``no-store``/``no-cache`` (the
search view marks itself private) and no CSP nonce. Logged-in users, private pages (Wagtail answers
anonymous visitors with a redirect to the login page) and the account and search URLs are never
served from or stored in the cache.

Keys: scheme, host, language and the full path with its query string, so Bokmål and Nynorsk can
never mix.

Purging is by generation: every entry records the generation it was rendered under, and any
change that can alter what a public page shows bumps the generation, which makes every stored page
stale at once. Changes that bump it: a page published, unpublished, moved, deleted or saved live;
any snippet, site setting, translatable model, orderable, image, document, collection, view
restriction, site or locale saved or deleted. The generation is bumped at once and again after
the transaction commits, and an entry carries the generation read *before* rendering, so a render
that read the old rows can never be stored as current. Editing is rare on a municipal portal;
throwing the whole cache away on each change costs one re-render per page and is never wrong,
whereas working out which pages show a given snippet is easy to get wrong.
"""

import contextlib
import hashlib
import itertools
import logging
import threading
import time
from functools import cache

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from wagtail.signals import page_published, page_unpublished, post_page_move

from . import chrome, memo

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
# Paths below the language prefix that are never cached: sign-in pages and search.
DEFAULT_EXCLUDED_PATHS = ("konto/", "sok/")
UNCACHEABLE_CACHE_CONTROL = {"private", "no-store", "no-cache"}
# Documents and images fill these in lazily the first time a page asks for them.
FILE_FACTS_FIELDS = {"file_size", "file_hash"}
# Page saves that only record a new draft revision or a lock do not change the live page.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
}


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def timeout() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


# --- Purging ------------------------------------------------------------------------------


def _initial_generation() -> int:
    # Starting from the clock (in microseconds) rather than 0 means a generation key that was
    # evicted or lost with a Redis restart never comes back with a value an old entry carries.
    return time.time_ns() // 1000


# --- Redis outages ------------------------------------------------------------------------
# Redis is a cache: when it cannot be reached the portal keeps serving, uncached. The page cache
# uses a cache alias that raises on errors (PAGE_CACHE_ALIAS, "pagecache" with REDIS_URL), so a
# generation that cannot be read is told apart from one that is missing:
# - a generation that cannot be read is a new, negative one for every request: nothing is served
#   from or stored in the page cache, and no memo (home/memo.py) outlives the request;
# - a process that saw the store fail owes a bump: the first time it reaches the store again it
#   bumps the generation before reading anything, so a publish whose bump was lost during the
#   outage can never leave pages cached before the outage in service after it;
# - after a failure the store is left alone for CACHE_OUTAGE_RETRY_SECONDS (one second), so an
#   outage costs each process one failed call per second, not one per cache call.


class _Health:
    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.owed_bump = False


_health = _Health()
_outage_counter = itertools.count(1)


def _retry_seconds() -> float:
    return getattr(settings, "CACHE_OUTAGE_RETRY_SECONDS", 1.0)


def store_is_down() -> bool:
    return time.monotonic() < _health.down_until


def _mark_down(error: BaseException | None = None) -> None:
    with _health.lock:
        first = not _health.owed_bump
        _health.down_until = time.monotonic() + _retry_seconds()
        _health.owed_bump = True
    if first:
        logger.warning("page cache store unreachable, serving uncached: %s", error)


def outage_generation() -> int:
    """A generation no entry carries: negative (stored ones are clock values) and new each call."""
    return -(time.time_ns() + next(_outage_counter))


def _settle_debt(store) -> None:
    """Bump the generation once the store answers again after an outage this process saw."""
    if _health.owed_bump:
        _bump_generation(store)
        with _health.lock:
            _health.owed_bump = False
        logger.warning("page cache store reachable again; generation bumped")


def store_call(call, store=None):
    """Run `call(store)` against the page-cache store; raises StoreDown when it cannot be reached
    (now, or within the last second). Settles an owed bump first."""
    if store_is_down():
        raise StoreDown
    store = store or page_cache()
    try:
        _settle_debt(store)
        return call(store)
    except StoreDown:
        raise
    except Exception as error:
        _mark_down(error)
        raise StoreDown from error


class StoreDown(Exception):
    """The shared cache cannot be reached."""


def store_is_reachable() -> bool:
    """One round trip to the shared cache (for what must fail closed, such as login limits)."""
    try:
        store_call(lambda store: store.get("portal:ping"))
    except StoreDown:
        return False
    return True


def _read_generation(store) -> int:
    generation = store.get(GENERATION_KEY)
    if generation is None:
        store.add(GENERATION_KEY, _initial_generation(), timeout=None)
        generation = store.get(GENERATION_KEY)
    if generation is None:
        raise StoreDown  # a store that accepts nothing (a broken or full Redis)
    return generation


def current_generation(store=None) -> int:
    try:
        return store_call(_read_generation, store)
    except StoreDown:
        return outage_generation()


def _bump_generation(store=None) -> None:
    store = store or page_cache()
    try:
        # add() is a no-op when the key exists; incr() is atomic in Redis.
        store.add(GENERATION_KEY, _initial_generation(), timeout=None)
        store.incr(GENERATION_KEY)
    except ValueError:  # evicted between add() and incr()
        store.set(GENERATION_KEY, _initial_generation(), timeout=None)


def _bump_or_owe() -> None:
    # On StoreDown the bump is owed: store_call() applies it the first time the store answers.
    with contextlib.suppress(StoreDown):
        store_call(_bump_generation)


def purge_all(reason: str = "") -> None:
    """Make every cached page stale now and again when the current transaction commits."""
    logger.debug("page cache purged: %s", reason)
    _bump_or_owe()
    transaction.on_commit(_bump_or_owe)


@cache
def _content_base_classes() -> tuple[type, ...]:
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import (
        BaseViewRestriction,
        Collection,
        Locale,
        Orderable,
        Site,
        TranslatableMixin,
    )

    return (
        TranslatableMixin,
        Orderable,
        BaseSiteSetting,
        BaseGenericSetting,
        AbstractImage,
        AbstractDocument,
        Collection,
        BaseViewRestriction,
        Site,
        Locale,
        SearchPromotion,  # editors' picks are memoised with the chrome (home/search.py)
    )


def shows_on_public_pages(model: type) -> bool:
    """True for models whose rows public pages may display (everything except pages themselves,
    which are handled by their publishing signals)."""
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, Page):
        return False
    return issubclass(model, _content_base_classes()) or model in get_snippet_models()


@receiver(page_published, dispatch_uid="pagecache_page_published")
@receiver(page_unpublished, dispatch_uid="pagecache_page_unpublished")
@receiver(post_page_move, dispatch_uid="pagecache_page_moved")
def purge_on_page_change(sender, instance, **kwargs):
    purge_all(f"page {instance.pk} published/unpublished/moved")


@receiver(post_save, dispatch_uid="pagecache_model_saved")
def purge_on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:  # loaddata
        return
    from wagtail.models import Page

    if isinstance(instance, Page):
        # A live page saved outside the publishing workflow (scripts, shell) changes what visitors
        # see; a draft revision or a lock does not.
        if instance.live and (update_fields is None or not set(update_fields) <= DRAFT_ONLY_FIELDS):
            purge_all(f"live page {instance.pk} saved")
        return
    if update_fields is not None and set(update_fields) <= FILE_FACTS_FIELDS:
        return  # a document or image recording its size or hash on first use shows nothing new
    if shows_on_public_pages(sender):
        purge_all(f"{sender._meta.label} saved")


@receiver(post_delete, dispatch_uid="pagecache_model_deleted")
def purge_on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) or shows_on_public_pages(sender):
        purge_all(f"{sender._meta.label} deleted")


# --- Serving ------------------------------------------------------------------------------


def _language_and_rest(path: str) -> tuple[str | None, str]:
    codes = {code for code, _name in settings.LANGUAGES}
    parts = path.split("/", 2)  # "", "nb", "rest"
    if len(parts) >= 3 and parts[1] in codes:
        return parts[1], parts[2]
    return None, path


def cache_key(request) -> str | None:
    """The key for this request, or None when it must not be served from the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    language, rest = _language_and_rest(request.path_info)
    if language is None:
        return None
    excluded = getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", DEFAULT_EXCLUDED_PATHS)
    if any(rest.startswith(prefix) for prefix in excluded):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None  # logged in, or something (a message, a passed password form) is pending
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    url = request.get_full_path()
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{request.scheme}:{request.get_host()}:{language}:{digest}"


def response_is_cacheable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a session, a message or a CSRF token for a form on the page
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part
    }
    if directives & UNCACHEABLE_CACHE_CONTROL:
        return False
    for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only"):
        if "nonce-" in response.get(header, ""):
            return False  # a nonce must be new on every response
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _rebuild(entry) -> HttpResponse:
    _generation, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    response.headers[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores anonymous page views; placed right after SecurityMiddleware (and
    WhiteNoise in production), so a hit skips sessions, CSRF, auth and the view.

    Every other request runs under the generation read here: what home/memo.py keeps (the site
    chrome, the way to each page, search sections) is memoised per process under it, so one cache
    read per request covers all of it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        store = page_cache()
        key = cache_key(request) if enabled() else None
        entry = None
        if key is None:
            generation = current_generation(store)
        else:
            try:
                found = store_call(lambda store: store.get_many([GENERATION_KEY, key]), store)
                generation = found.get(GENERATION_KEY)
                if generation is None:
                    generation = current_generation(store)
                entry = found.get(key)
            except StoreDown:
                generation = outage_generation()
        if entry is not None and entry[0] == generation:
            return _rebuild(entry)
        with memo.generation_scope(generation):
            chrome.prime_wagtail_site(request)
            response = self.get_response(request)
        if key is not None and generation > 0 and response_is_cacheable(request, response):
            headers = [(name, value) for name, value in response.headers.items() if name != HEADER]
            value = (generation, response.status_code, headers, response.content)
            try:
                store_call(lambda store: store.set(key, value, timeout()), store)
                response.headers[HEADER] = "miss"
            except StoreDown:
                response.headers[HEADER] = "unavailable"
        elif key is not None and generation < 0:
            response.headers[HEADER] = "unavailable"
        return response
