"""Search synonyms: a query word is searched as any word of the editors' synonym groups it is in.

The groups of a language (home.models.SynonymGroup, a snippet per locale) are read once per process
and cache generation (home/memo.py): saving or deleting a group moves the generation on, and a search
costs no extra query. Expansion happens at query time, so it works the same on PostgreSQL and SQLite
and needs no reindexing when editors change a group.
"""

from .memo import memo
from .models import SynonymGroup


def synonym_table(locale_id: int) -> dict[str, tuple[str, ...]]:
    """Every word of the language's groups -> the words it may be searched as (itself first).

    A word in several groups gets the words of all of them."""

    def build() -> dict[str, tuple[str, ...]]:
        table: dict[str, dict[str, None]] = {}
        for group in SynonymGroup.objects.filter(locale_id=locale_id).only("terms"):
            words = group.words()
            for word in words:
                table.setdefault(word, {word: None}).update(dict.fromkeys(words))
        return {word: tuple(alternatives) for word, alternatives in table.items()}

    return memo.get(("search_synonyms", locale_id), build)


def expand(locale_id: int, terms: list[str]) -> list[tuple[str, ...]]:
    """Each query term with its alternatives: a page must match one word of every tuple."""
    table = synonym_table(locale_id)
    return [table.get(term, (term,)) for term in terms]
