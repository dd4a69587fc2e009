"""Values memoised per process and cache generation: the one invalidation rule for everything
read on every request.

Every publish, save or delete that changes what visitors see bumps the page cache's generation
(home/cache.py). A `GenerationMemo` keeps values under the generation read at the start of the
request and drops them all when the process sees a new one: no value outlives a change, and no
value costs a query or a cache round trip after the first request. Outside a request (management
commands, the shell) nothing is memoised. `home/chrome.py` (header and footer), `home/routing.py`
(the way to a page), `home/search.py` and the service directory keep their values here.
"""

import contextlib
import threading
from collections import OrderedDict
from contextvars import ContextVar

from django.conf import settings
from django.db.models import Q

from wagtail.models import PageViewRestriction

_request_generation: ContextVar[int | None] = ContextVar("memo_generation", default=None)


class GenerationMemo:
    """Values computed under one cache generation, shared by the requests of one process.

    At most `max_entries` values (settings.MEMO_MAX_ENTRIES) are kept, the least recently used
    dropped first: the chrome is used on every request and stays; the rows of pages nobody has
    visited for a while go."""

    def __init__(self, max_entries: int | None = None):
        self._state: tuple[int | None, OrderedDict] = (None, OrderedDict())
        self._lock = threading.Lock()
        self._max_entries = max_entries

    @property
    def max_entries(self) -> int:
        return self._max_entries or getattr(settings, "MEMO_MAX_ENTRIES", 5000)

    def get(self, key, build, keep=None):
        """The value for `key` under the request's generation, built once. `keep(value)` False: not
        stored (what an outsider can vary at will, such as URLs that lead nowhere)."""
        generation = _request_generation.get()
        if generation is None:
            return build()
        with self._lock:
            state_generation, values = self._state
            if state_generation != generation:
                values = OrderedDict()
                self._state = (generation, values)
            if key in values:
                values.move_to_end(key)
                return values[key]
        value = build()
        if keep is not None and not keep(value):
            return value
        with self._lock:
            state_generation, values = self._state
            if state_generation == generation:
                values[key] = value
                while len(values) > self.max_entries:
                    values.popitem(last=False)
        return value

    def forget(self) -> None:
        with self._lock:
            self._state = (None, OrderedDict())


memo = GenerationMemo()


def request_generation() -> int | None:
    """The cache generation the current request runs under (None outside requests)."""
    return _request_generation.get()


@contextlib.contextmanager
def generation_scope(generation: int):
    """Run one request with the memo bound to `generation`."""
    token = _request_generation.set(generation)
    try:
        yield
    finally:
        _request_generation.reset(token)


# --- View restrictions, for every request ---------------------------------------------------------


def view_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction with its page's path (a handful on a municipal portal)."""
    return memo.get(
        "view_restrictions",
        lambda: list(
            PageViewRestriction.objects.select_related("page").only(
                "restriction_type", "password", "page__path", "page__depth"
            )
        ),
    )


def private_pages_q() -> Q:
    """Wagtail's PageQuerySet.private_q() from the memo: pages under any view restriction."""
    q = Q()
    for restriction in view_restrictions():
        q |= Q(path__startswith=restriction.page.path, depth__gte=restriction.page.depth)
    return q if q else Q(pk__in=[])
