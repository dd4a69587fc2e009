"""Helpers the benchmark runs inside Django (same environment as the app servers).

probe.py urls      -> JSON {name: url} of the pages the benchmark measures
probe.py queries   -> JSON {name: number of SQL queries} for the second request to each page
probe.py session   -> a session key for the bench agent (for wrk's Cookie header)
"""

import json
import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

AGENT = "bench-agent"
SEARCH_WORD = "samarbeid"


def _model(dotted: str):
    """A page model by dotted path, or None while that part of the portal does not exist."""
    module, name = dotted.rsplit(".", 1)
    try:
        return getattr(__import__(module, fromlist=[name]), name)
    except (ImportError, AttributeError):
        return None


def urls() -> dict[str, str | None]:
    from wagtail.models import Locale

    nb = Locale.objects.get(language_code="nb")

    def first(dotted, **filters):
        model = _model(dotted)
        if model is None:
            return None
        page = model.objects.filter(locale=nb, **filters).live().order_by("path").first()
        return page.url if page else None

    tool_library = first("guide.models.ToolLibraryPage")
    result = {
        "home": first("home.models.HomePage"),
        "level page": first("guide.models.GuideLevelPage", level=2),
        "general page": first("home.models.ContentPage", slug="artikkel-1")
        or first("home.models.ContentPage"),
        "tool library": tool_library,
        "tool library filtered": f"{tool_library}?niva=2" if tool_library else None,
        "service units": first("network.models.ServiceUnitListPage"),
        "search": f"/nb/sok/?q={SEARCH_WORD}",
        "intranet (agent)": first("network.models.IntranetPage"),
    }
    try:  # the service directory, when the project has one (guide.bench.directory_urls)
        from guide.bench import directory_urls

        result.update(directory_urls(nb))
    except ImportError:
        pass
    return result


def agent():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=AGENT).first()


def queries() -> dict[str, int | None]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, url in urls().items():
        if url is None:
            counts[name] = None
            continue
        client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
        if "agent" in name:
            user = agent()
            if user is None:  # before the dataset is built
                counts[name] = None
                continue
            client.force_login(user)
        client.get(url)  # warm per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as context:
            status = client.get(url).status_code
        counts[name] = len(context.captured_queries) if status == 200 else f"HTTP {status}"
    return counts


def session() -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    user = agent()
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def main():
    django.setup()
    command = sys.argv[1]
    if command == "urls":
        print(json.dumps(urls()))
    elif command == "queries":
        print(json.dumps(queries()))
    elif command == "session":
        print(session())
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
