"""«Mente du …?»: the nearest known words for a search's misspelt ones.

The words a suggestion can offer are those of the language's live page titles and of its synonym
groups (home/synonyms.py), memoised per cache generation. On PostgreSQL, pg_trgm's trigram
similarity picks the nearest (the extension is created by home/migrations/0007); SQLite has no
trigrams, so difflib's ratio stands in there.
"""

import difflib
import re

from django.db import connection

from .memo import memo
from .synonyms import synonym_table

# Below this a word is too unlike the typed one to be what the visitor meant.
MIN_TRIGRAM_SIMILARITY = 0.3
MIN_DIFFLIB_RATIO = 0.75

NEAREST_WORDS_SQL = """
SELECT typed.word, (
    SELECT known FROM unnest(%(known)s::text[]) AS known
    WHERE similarity(known, typed.word) >= %(threshold)s
    ORDER BY similarity(known, typed.word) DESC, known
    LIMIT 1
)
FROM unnest(%(typed)s::text[]) AS typed(word)
"""


def known_words(locale_id: int, titles) -> tuple[str, ...]:
    """Every word (two letters or more) of the given page titles and of the synonym groups."""

    def build() -> tuple[str, ...]:
        words = {word for title in titles() for word in re.findall(r"\w{2,}", title.lower())}
        return tuple(sorted(words | set(synonym_table(locale_id))))

    return memo.get(("search_known_words", locale_id), build)


def nearest_words(typed: list[str], known: tuple[str, ...]) -> dict[str, str]:
    """Each typed word that is not a known word -> the most similar known word, where one is near."""
    unknown = [word for word in dict.fromkeys(typed) if word not in set(known)]
    if not unknown or not known:
        return {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                NEAREST_WORDS_SQL,
                {"known": list(known), "typed": unknown, "threshold": MIN_TRIGRAM_SIMILARITY},
            )
            return {word: nearest for word, nearest in cursor.fetchall() if nearest}
    return {
        word: matches[0]
        for word in unknown
        if (matches := difflib.get_close_matches(word, known, n=1, cutoff=MIN_DIFFLIB_RATIO))
    }


def suggestion(terms: list[str], known: tuple[str, ...]) -> str:
    """The query with every misspelt word replaced by its nearest known word ("" if none is)."""
    nearest = nearest_words(terms, known)
    return " ".join(nearest.get(term, term) for term in terms) if nearest else ""
