"""Site search: active language only, private pages only for those who may see them."""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from .visibility import visible_to

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 300
RESULTS_PER_PAGE = 10
SNIPPET_LENGTH = 220


def clean_query(raw: str) -> str:
    """Drop what no search needs (control characters such as NUL, lone surrogates) and cap length."""
    text = "".join(
        char
        for char in raw[: MAX_QUERY_LENGTH * 4]
        if unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn"} or char in " \t"
    )
    return re.sub(r"\s+", " ", text).strip()[:MAX_QUERY_LENGTH]


def query_terms(query: str) -> list[str]:
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def searchable_text(page) -> str:
    parts = [page.search_description or getattr(page, "intro", "")]
    body = getattr(page, "body", None)
    if body is not None:
        parts += body.stream_block.get_searchable_content(body)
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(filter(None, parts))))


def highlighted_snippet(text: str, terms: list[str]) -> SafeString:
    """A window of the text around the first hit, with hits wrapped in <mark>. Word stems match
    loosely (barnehagen ~ barnehage) because PostgreSQL's Norwegian stemmer finds both."""
    text = re.sub(r"\s+", " ", text).strip()
    if not terms:
        return escape(text[:SNIPPET_LENGTH])
    stems = [re.escape(term[: max(4, len(term) - 2)]) for term in terms]
    pattern = re.compile(r"\b(?:" + "|".join(stems) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - SNIPPET_LENGTH // 3)
    window = text[start : start + SNIPPET_LENGTH]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_LENGTH < len(text) else ""
    pieces, last = [], 0
    for match in pattern.finditer(window):
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


@dataclass
class SearchOutcome:
    query: str
    total: int
    sections: list[Section]
    section: str
    page: object  # django.core.paginator.Page of results
    promoted: list


def run_search(request, raw_query: str, section_slug: str = "", page_number: str = "1") -> SearchOutcome:
    query = clean_query(raw_query)
    locale = Locale.get_active()
    home = Page.objects.filter(depth=2, locale=locale).first()
    section_pages = list(home.get_children().live().only("path", "slug", "title")) if home else []
    sections = {page.path: Section(page.slug, page.title) for page in section_pages}
    step = Page.steplen

    hits = []
    terms = query_terms(query)
    if terms:
        pages = visible_to(Page.objects.live().filter(locale=locale), request.user)
        # Only words reach the search backend: quotes and operators are not syntax for visitors,
        # and SQLite's FTS5 rejects unbalanced quotes.
        # Every word must match, as visitors expect from a site search.
        hits = list(pages.search(" ".join(terms), operator="and")[:MAX_RESULTS])
    for hit in hits:
        section = sections.get(hit.path[: step * 3])
        if section:
            section.count += 1
    active = next((s for s in sections.values() if s.slug == section_slug), None)
    if active:
        prefix = next(path for path, s in sections.items() if s is active)
        hits = [hit for hit in hits if hit.path.startswith(prefix)]

    paginator = Paginator(hits, RESULTS_PER_PAGE)
    results_page = paginator.get_page(page_number)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[h.pk for h in results_page]).specific()}
    results_page.object_list = [
        {
            "page": specific[hit.pk],
            "url": specific[hit.pk].get_url(request),
            "section": sections.get(hit.path[: step * 3]),
            "snippet": highlighted_snippet(searchable_text(specific[hit.pk]), terms),
        }
        for hit in results_page
        if hit.pk in specific
    ]

    promoted = []
    if terms and results_page.number == 1:
        promoted = promoted_results(request, query, locale)
    return SearchOutcome(
        query=query,
        total=len(hits),
        sections=[s for s in sections.values() if s.count],
        section=active.slug if active else "",
        page=results_page,
        promoted=promoted,
    )


def promoted_results(request, query: str, locale) -> list[dict]:
    """Editors' picks for this query, shown in the visitor's language when translated."""
    stored = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if stored is None:
        return []
    picks = []
    for pick in stored.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page_id:
            page = pick.page.get_translation_or_none(locale)
            if (
                page is None
                or not page.live
                or not visible_to(Page.objects.filter(pk=page.pk), request.user).exists()
            ):
                continue
            picks.append({"title": page.title, "url": page.get_url(request), "description": pick.description})
        elif pick.external_link_url:
            picks.append(
                {
                    "title": pick.external_link_text,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return picks
