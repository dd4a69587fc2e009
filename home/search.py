"""Site search: active language only, private pages only for those who may see them.

A search costs two queries however many pages match (pinned in tests/home/test_search.py): the
ranked matches, and the text the search index holds for the ten shown results (their snippets).
A search without hits looks for a near spelling instead (home/suggestions.py: one query on
PostgreSQL, none on SQLite) and offers the concern page's emergency numbers and ways on.
The language's sections and live pages (path, address, title, description; each result's trail of
ancestors comes from these), the editors' picks, the synonym groups (home/synonyms.py) and, for
anonymous visitors, the view restrictions (home/visibility.py) are memoised per cache generation
(home/chrome.py).
"""

import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import quote, urlencode

from django.apps import apps
from django.core.paginator import Paginator
from django.db import connection
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from . import chrome
from .memo import memo
from .pagination import pagination_links
from .query import clean_query
from .suggestions import known_words, suggestion
from .synonyms import expand
from .visibility import hidden_path_prefixes

MAX_RESULTS = 300
RESULTS_PER_PAGE = 10
SNIPPET_LENGTH = 220
# A section is a child of the language's front page (depth 3): its path is this long.
SECTION_PATH_LENGTH = Page.steplen * 3

# The plain text the index keeps of every field but the title: `body_text` on PostgreSQL (where
# `body` is a tsvector), `body` on SQLite.
INDEXED_TEXT_FIELD = "body_text" if any(f.name == "body_text" for f in IndexEntry._meta.fields) else "body"


def query_terms(query: str) -> list[str]:
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def term_pattern(terms: list[str]) -> re.Pattern:
    """Word stems match loosely (barnehagen ~ barnehage) because PostgreSQL's Norwegian stemmer
    finds both."""
    stems = [re.escape(term[: max(4, len(term) - 2)]) for term in terms]
    return re.compile(r"\b(?:" + "|".join(stems) + r")\w*", re.IGNORECASE)


def tidy(text: str) -> str:
    """One space between words, and none of the empty pieces the index leaves when it joins a
    StreamField's pieces with ", " ("Stafettholderen, , Neste steg")."""
    return re.sub(r",(?: ?,)+", ",", " ".join(text.split())).strip(" ,")


def highlighted_snippet(texts: list[str | None], terms: list[str]) -> SafeString:
    """About SNIPPET_LENGTH characters of the first text that mentions a search word (else of the
    first text), from a little before that word, with every hit wrapped in <mark>."""
    texts = [text for text in texts if text and text.strip()]
    if not texts:
        return SafeString("")
    pattern = term_pattern(terms) if terms else None
    text, first = texts[0], None
    if pattern:
        text, first = next(((text, hit) for text in texts if (hit := pattern.search(text))), (text, None))
    # Tidy only a generous cut around the hit, from the start of a word: a page's text can be long.
    cut_start = text.rfind(" ", 0, max(0, first.start() - SNIPPET_LENGTH)) + 1 if first else 0
    cut_end = cut_start + 3 * SNIPPET_LENGTH
    cut = tidy(text[cut_start:cut_end])
    first = pattern.search(cut) if pattern else None
    # Start a third of the window before the hit, at the start of a word.
    start = (
        cut.rfind(" ", 0, first.start() - SNIPPET_LENGTH // 3) + 1
        if first and first.start() > SNIPPET_LENGTH // 3
        else 0
    )
    window = cut[start : start + SNIPPET_LENGTH]
    prefix = "… " if cut_start + start > 0 else ""
    suffix = " …" if start + SNIPPET_LENGTH < len(cut) or cut_end < len(text) else ""
    pieces, last = [], 0
    for match in pattern.finditer(window) if pattern else ():
        pieces.append(escape(window[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(window[last:]))
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped above


@dataclass
class Section:
    slug: str
    title: str
    count: int = 0
    url: str = ""  # the search limited to this section


@dataclass
class HelpPage:
    """Where a visitor whose search found nothing can go on: its title and address."""

    title: str
    url: str


@dataclass
class EmptyResultsHelp:
    """What a search without hits offers: the concern page's emergency numbers (from the page
    itself, as its safety notice shows them) and the ways to the concern page and the service
    directory, in the page's language."""

    concern: HelpPage | None = None
    directory: HelpPage | None = None
    emergency_phone: str = ""
    child_welfare_phone: str = ""


@dataclass
class SearchOutcome:
    query: str
    total: int
    sections: list[Section]
    section: str
    page: object  # django.core.paginator.Page of results
    promoted: list
    help: EmptyResultsHelp | None = None
    # «Mente du …?»: a near spelling of a query that found nothing, and whether its hits are shown.
    suggestion: str = ""
    showing_suggestion: bool = False

    @property
    def suggestion_url(self) -> str:
        return "?" + urlencode({"q": self.suggestion}, quote_via=quote)

    @property
    def query_string(self) -> str:
        """The query and section filter for the pagination links (built once, not once per link)."""
        parameters = {"q": self.query, "seksjon": self.section} if self.section else {"q": self.query}
        return urlencode(parameters, quote_via=quote)  # %20 for spaces, like the |urlencode filter

    @property
    def pagination(self) -> dict:
        query_string = self.query_string
        return pagination_links(self.page, lambda number: f"?{query_string}&side={number}")


def language_sections() -> tuple[int, dict[str, Section]]:
    """The active language's locale id and the live sections (children) of its front page by path.

    Looked up once per process and cache generation (home/chrome.py): publishing, unpublishing,
    moving or deleting a page moves the generation on. Each call gets its own Section objects,
    since a search counts its hits in them."""
    try:
        language_code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        language_code = None

    def build() -> tuple[int, list[tuple[str, str, str]]]:
        rows = (
            list(
                Page.objects.filter(locale__language_code=language_code, depth__in=(2, 3))
                .order_by("path")
                .values_list("depth", "path", "live", "slug", "title", "locale_id")
            )
            if language_code
            else []
        )
        homes = [row for row in rows if row[0] == 2]
        if not homes:
            return Locale.get_active().pk, []
        home_path, locale_id = homes[0][1], homes[0][5]
        sections = [
            (path, slug, title)
            for depth, path, live, slug, title, _locale in rows
            if depth == 3 and live and path.startswith(home_path)
        ]
        return locale_id, sections

    locale_id, sections = memo.get(("search_sections", language_code), build)
    return locale_id, {path: Section(slug, title) for path, slug, title in sections}


def ranked_hits(locale_id: int, hidden: tuple[str, ...], terms: list[str]) -> list[tuple[int, str]]:
    """(id, path) of the best MAX_RESULTS live pages of the language containing every term or one
    of its synonyms (home/synonyms.py), best first, leaving out the pages whose path starts with one
    in `hidden` (home/visibility.py)."""
    alternatives = expand(locale_id, terms)
    if connection.vendor == "postgresql":
        pages = live_pages(locale_id)
        ranked = sorted(
            (
                (rank, page_id, pages[page_id].path)
                for page_id, rank in ranked_matches_postgresql(alternatives)
                if page_id in pages
            ),
            key=lambda hit: (-hit[0], -hit[1]),
        )
        hits = ((page_id, path) for _rank, page_id, path in ranked)
    else:
        # Only words reach the search backend: quotes and operators are not syntax for visitors,
        # and SQLite's FTS5 rejects unbalanced quotes. Every word (or a synonym of it) must match,
        # as visitors expect.
        pages = Page.objects.live().filter(locale_id=locale_id).only("id", "path")
        query = And([Or([PlainText(word) for word in words]) for words in alternatives])
        hits = ((page.pk, page.path) for page in pages.search(query))
    return list(itertools.islice((hit for hit in hits if not hit[1].startswith(hidden)), MAX_RESULTS))


def page_content_type_ids() -> list[int]:
    """The content types of every page model: the index entries a page search looks at."""
    return memo.get("page_content_type_ids", lambda: get_descendants_content_types_pks(Page))


class LivePage(NamedTuple):
    path: str
    url_path: str
    title: str
    search_description: str


def live_pages(locale_id: int) -> dict[int, LivePage]:
    """Every live page of the language by id: what a search needs to filter, place and show a hit.
    Memoised per cache generation: publishing, unpublishing, moving or deleting a page moves it on."""
    return memo.get(
        ("search_live_pages", locale_id),
        lambda: {
            pk: LivePage(*fields)
            for pk, *fields in Page.objects.live()
            .filter(locale_id=locale_id)
            .values_list("id", "path", "url_path", "title", "search_description")
        },
    )


# Wagtail's database backend on PostgreSQL, `pages.search(words, operator="and")` without its join
# to the pages: every word a quoted lexeme, all required, in `title || body` (through the GIN index
# of home/migrations/0005), ranked as Wagtail ranks (title rank times the title's norm, plus body
# rank, with Wagtail's field weights). Written out because Wagtail's query tests every page of the
# language row by row, and the ORM takes longer to build a query than PostgreSQL takes to run this.
RANKED_MATCHES_SQL = """
SELECT object_id::integer, max(ts_rank(%(weights)s::float4[], title, query) * title_norm
                               + ts_rank(%(weights)s::float4[], body, query))
FROM {index}, to_tsquery(coalesce(%(config)s::regconfig, get_current_ts_config()), %(lexemes)s) AS query
WHERE content_type_id = ANY(%(content_types)s) AND (title || body) @@ query
GROUP BY object_id
"""


def quoted_lexeme(word: str) -> str:
    return "'{}'".format(word.replace("\\", "\\\\").replace("'", "''"))


def ranked_matches_postgresql(alternatives: list[tuple[str, ...]]) -> list[tuple[int, float]]:
    """(page id, rank) of every page, in any language and state, whose index entry has one word of
    every tuple of alternatives."""
    lexemes = " & ".join(
        "(" + " | ".join(quoted_lexeme(word) for word in words) + ")" for words in alternatives
    )
    parameters = {
        "weights": get_sql_weights(),
        "config": get_search_backend().config,
        "lexemes": lexemes,
        "content_types": page_content_type_ids(),
    }
    with connection.cursor() as cursor:
        cursor.execute(
            RANKED_MATCHES_SQL.format(index=connection.ops.quote_name(IndexEntry._meta.db_table)), parameters
        )
        return cursor.fetchall()


def titles_by_path(locale_id: int) -> dict[str, str]:
    """The title of every live page of the language by its tree path, memoised with live_pages:
    a result's ancestors are found without a query."""
    return memo.get(
        ("search_titles_by_path", locale_id),
        lambda: {page.path: page.title for page in live_pages(locale_id).values()},
    )


def trail(path: str, titles: dict[str, str]) -> list[str]:
    """The titles of the live pages between a page's section and the page itself, top down: what
    tells apart pages of the same title in different places (four «Nivå 0» in four service areas)."""
    return [
        titles[ancestor]
        for end in range(SECTION_PATH_LENGTH + Page.steplen, len(path), Page.steplen)
        if (ancestor := path[:end]) in titles
    ]


def shown_results(request, locale_id: int, hit_ids: list[int], terms: list[str], section_of) -> list[dict]:
    """Title, address, section, the way there and highlighted snippet of the shown hits: one query,
    for the text the search index holds of each."""
    pages = live_pages(locale_id)
    titles = titles_by_path(locale_id)
    indexed_text = dict(
        IndexEntry.objects.filter(
            content_type_id__in=page_content_type_ids(),
            object_id__in=[str(pk) for pk in hit_ids],
        ).values_list("object_id", INDEXED_TEXT_FIELD)
    )
    url_of = page_urls(request)
    return [
        {
            "title": page.title,
            "url": url_of(page.url_path),
            "section": section_of(page.path),
            "trail": trail(page.path, titles),
            # The editor's summary when it mentions a search word, else the indexed text around the first hit.
            "snippet": highlighted_snippet([page.search_description, indexed_text.get(str(pk))], terms),
        }
        for pk, page in ((pk, pages[pk]) for pk in hit_ids)
    ]


def page_urls(request):
    """url_path -> address, for pages of the active language: what `Page.get_url(request)` gives
    them, worked out once per search instead of once per result."""
    home = chrome.landmark_pages()["home"].get(translation.get_language())
    home_url = chrome.chrome(request, translation.get_language()).home_url
    if home is None:
        return lambda url_path: ""

    def url_of(url_path: str) -> str:
        return home_url + iri_to_uri(url_path[len(home.url_path) :])

    return url_of


def run_search(request, raw_query: str, section_slug: str = "", page_number: str = "1") -> SearchOutcome:
    query = clean_query(raw_query)
    terms = query_terms(query)
    # Nothing to look up for an empty query (unless a section filter is to be shown).
    locale_id, sections = language_sections() if terms or section_slug else (None, {})

    def section_of(path: str) -> Section | None:
        return sections.get(path[:SECTION_PATH_LENGTH])

    hidden = hidden_path_prefixes(request.user) if terms else ()
    hits = ranked_hits(locale_id, hidden, terms) if terms else []
    suggested, showing_suggestion = "", False
    if terms and not hits:
        # A misspelt word (helsestasjn) is the likeliest reason for no hits: search its nearest spelling.
        known = known_words(locale_id, lambda: (page.title for page in live_pages(locale_id).values()))
        if suggested := suggestion(terms, known):
            hits = ranked_hits(locale_id, hidden, query_terms(suggested))
            showing_suggestion = bool(hits)
            if showing_suggestion:
                terms = query_terms(suggested)
    for _pk, path in hits:
        if section := section_of(path):
            section.count += 1
    active = next((section for section in sections.values() if section.slug == section_slug), None)
    if active:
        hits = [hit for hit in hits if section_of(hit[1]) is active]

    results_page = Paginator(hits, RESULTS_PER_PAGE).get_page(page_number)
    if results_page.object_list:
        # Mark the synonyms that matched too (a page found for «vold» may say «vald»).
        marked = list(dict.fromkeys(word for words in expand(locale_id, terms) for word in words))
        results_page.object_list = shown_results(
            request, locale_id, [pk for pk, _path in results_page], marked, section_of
        )
    first_page = terms and results_page.number == 1
    promoted = promoted_results(request, query, locale_id, hidden) if first_page else []
    shown_sections = [section for section in sections.values() if section.count]
    for section in shown_sections:
        section.url = "?" + urlencode({"q": query, "seksjon": section.slug}, quote_via=quote)
    return SearchOutcome(
        query=query,
        total=len(hits),
        sections=shown_sections,
        section=active.slug if active else "",
        page=results_page,
        promoted=promoted,
        help=empty_results_help(request, locale_id) if terms and not hits else None,
        suggestion=suggested,
        showing_suggestion=showing_suggestion,
    )


def help_pages(locale_id: int) -> dict:
    """The language's first live concern page (its title, url_path and phone numbers) and service
    directory (title, url_path), memoised per cache generation. The guide app owns both page types."""

    def first(model_name: str, *fields: str):
        model = apps.get_model("guide", model_name)
        return model.objects.live().filter(locale_id=locale_id).order_by("path").values(*fields).first()

    return memo.get(
        ("search_help_pages", locale_id),
        lambda: {
            "concern": first("ConcernPage", "title", "url_path", "emergency_phone", "child_welfare_phone"),
            "directory": first("ServiceDirectoryPage", "title", "url_path"),
        },
    )


def empty_results_help(request, locale_id: int) -> EmptyResultsHelp:
    pages = help_pages(locale_id)
    url_of = page_urls(request)
    concern, directory = pages["concern"], pages["directory"]
    return EmptyResultsHelp(
        concern=HelpPage(concern["title"], url_of(concern["url_path"])) if concern else None,
        directory=HelpPage(directory["title"], url_of(directory["url_path"])) if directory else None,
        emergency_phone=concern["emergency_phone"] if concern else "",
        child_welfare_phone=concern["child_welfare_phone"] if concern else "",
    )


def search_promotions() -> dict[str, list[dict]]:
    """Every editors' pick by its query string, memoised per cache generation (saving or deleting a
    pick moves it on: home/cache.py)."""

    def build():
        picks = {}
        for pick in SearchPromotion.objects.order_by("sort_order", "pk").values(
            "query__query_string",
            "page__translation_key",
            "external_link_url",
            "external_link_text",
            "description",
        ):
            picks.setdefault(pick["query__query_string"], []).append(pick)
        return picks

    return memo.get("search_promotions", build)


def promoted_results(request, query: str, locale_id: int, hidden: tuple[str, ...]) -> list[dict]:
    """Editors' picks for this query, each page in the visitor's language (its translation) when it
    is live and visible to them: no query unless a pick points to a page."""
    picks = search_promotions().get(normalise_query_string(query), [])
    keys = {pick["page__translation_key"] for pick in picks if pick["page__translation_key"]}
    translations = (
        {
            translation_key: (title, url_path)
            for translation_key, title, url_path, path in Page.objects.live()
            .filter(locale_id=locale_id, translation_key__in=keys)
            .values_list("translation_key", "title", "url_path", "path")
            if not path.startswith(hidden)
        }
        if keys
        else {}
    )
    url_of = page_urls(request)
    promoted = []
    for pick in picks:
        if pick["page__translation_key"]:
            if found := translations.get(pick["page__translation_key"]):
                title, url_path = found
                promoted.append({"title": title, "url": url_of(url_path), "description": pick["description"]})
        elif pick["external_link_url"]:
            promoted.append(
                {
                    "title": pick["external_link_text"],
                    "url": pick["external_link_url"],
                    "description": pick["description"],
                }
            )
    return promoted
