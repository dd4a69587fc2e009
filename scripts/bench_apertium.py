"""Time Apertium on the longest Bokmål demo page: first run (empty cache) and cached run.

"Longest" is the Bokmål page with the most string segments in wagtail-localize, chosen when the
script runs, so new demo content is picked up. Needs the demo content (`make demo`) and Apertium
(or APERTIUM_APY_URL). Uses the database from DATABASE_URL like manage.py.

    DJANGO_SETTINGS_MODULE=portal.settings.dev .venv/bin/python scripts/bench_apertium.py
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import transaction  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402
from wagtail_localize.models import StringSegment, TranslationSource  # noqa: E402
from wagtail_localize.strings import StringValue  # noqa: E402

from home.machine_translation import ApertiumTranslator  # noqa: E402


def longest_page(locale):
    best, best_count = None, -1
    # Extracting segments writes TranslationSource rows; roll them back.
    with transaction.atomic():
        for page in Page.objects.filter(locale=locale, depth__gt=1).specific():
            source, _ = TranslationSource.get_or_create_from_instance(page)
            strings = [
                s.string.data for s in StringSegment.objects.filter(source=source).select_related("string")
            ]
            if len(strings) > best_count:
                best, best_count, best_strings = page, len(strings), strings
        transaction.set_rollback(True)
    return best, best_strings


def main() -> None:
    nb, nn = Locale.objects.get(language_code="nb"), Locale.objects.get(language_code="nn")
    page, strings = longest_page(nb)
    if page is None:
        raise SystemExit("No Bokmål pages: run `make demo` first.")
    values = [StringValue(text) for text in dict.fromkeys(strings)]
    words = sum(len(StringValue(text).render_text().split()) for text in strings)
    print(f"Longest demo page: «{page.title}» ({page.url_path})")
    print(f"  {len(strings)} segments, {len(values)} distinct, about {words} words")
    cache.clear()
    for label in ("first run (empty cache)", "cached run"):
        translator = ApertiumTranslator({})
        started = time.perf_counter()
        result = translator.translate(nb, nn, values)
        elapsed = time.perf_counter() - started
        if translator.error is not None:
            raise SystemExit(f"Apertium failed: {translator.error}")
        print(
            f"  {label:<24} {elapsed:7.3f} s  ({len(result)} strings, "
            f"{translator.engine.calls} Apertium call(s), backend: {translator.engine.backend.name})"
        )
    if translator.unknown_words:
        print(f"  unknown words: {', '.join(translator.unknown_words)}")


if __name__ == "__main__":
    main()
