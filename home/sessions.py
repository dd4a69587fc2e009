"""Sessions that survive a Redis outage (SESSION_ENGINE = "home.sessions" in production).

Django's cached_db store writes every session to the database and keeps a copy in the cache.
Two things go wrong when the cache is Redis and Redis goes away for a while:

- a session changed or ended (log out) during the outage is written to the database only, and
  when Redis returns the old copy there would be read again: a logged-out session alive again.
  Here the cache key carries the page cache's generation (home/cache.py), read once per request;
  during an outage every request has a new generation (nothing cached is read), and the first
  process to reach Redis again bumps it, so no copy from before the outage is ever used again. A
  publish bumps it too, which costs each signed-in user one database read afterwards.
- the cache calls themselves fail: the default cache ignores Redis errors (IGNORE_EXCEPTIONS in
  portal/settings/base.py), so a session is read from and written to the database alone.

SessionSaveMiddleware (in place of Django's SessionMiddleware) answers a session that cannot be
saved because the database connection dropped with a 503 "try again" page instead of Django's
400 (home/unavailable.py).
"""

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import InterfaceError, OperationalError

from . import memo

KEY_PREFIX = "portal.session"


class SessionStore(CachedDBStore):
    cache_key_prefix = KEY_PREFIX

    def _prefix(self) -> str:
        return f"{self.cache_key_prefix}:{memo.request_generation()}:"

    @property
    def cache_key(self):
        return self._prefix() + self._get_or_create_session_key()

    def exists(self, session_key):
        return (
            bool(session_key)
            and (self._prefix() + session_key) in self._cache
            or DBStore.exists(self, session_key)
        )


def _caused_by_lost_connection(error: BaseException) -> bool:
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        error = error.__cause__ or error.__context__
    return False


class SessionSaveMiddleware(SessionMiddleware):
    """Django's SessionMiddleware, except that a save that failed because the database could not
    be reached answers 503 (try again in a moment) rather than 400 (session interrupted)."""

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except (SessionInterrupted, OperationalError, InterfaceError) as error:
            if not _caused_by_lost_connection(error):
                raise
            from .unavailable import unavailable

            return unavailable(request, reason="session-save")
