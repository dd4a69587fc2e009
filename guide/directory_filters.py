"""The service directory's filters: the text a service is found by, the light summary of every
service the directory filters and counts over, the option counts, and page links that keep the
visitor's filters."""

from collections import Counter
from typing import NamedTuple
from urllib.parse import urlencode

from home.pagination import pagination_links
from home.query import clean_query

from .vocabulary import ACCESS_LABELS, TARGET_GROUPS, TOPICS

MAX_QUERY_LENGTH = 100
SERVICES_PER_PAGE = 30
PAGE_PARAMETER = "side"


def clean_text_query(raw: str) -> str:
    """What a visitor typed in the directory's text filter, cleaned as every search query is."""
    return clean_query(raw, max_length=MAX_QUERY_LENGTH)


def label_part_of_filter_text(target_groups, topics, access_flags) -> str:
    """The labels the text filter looks in, lower case, in the active language: the service's
    target groups, topics and ways to get help (`access_flags` in the order of ACCESS_LABELS)."""
    labels = [label for slug, label in TARGET_GROUPS if slug in target_groups]
    labels += [label for slug, label in TOPICS if slug in topics]
    labels += [label for (_name, label), flag in zip(ACCESS_LABELS, access_flags, strict=True) if flag]
    return " ".join(map(str, labels)).lower()


def compose_filter_text(title: str, intro: str, provider: str, label_part: str) -> str:
    """What the directory's text filter looks in (lower case): name, summary, provider, target
    groups, topics and how to get help, in the active language."""
    return f"{title} {intro} {provider}".lower() + f" {label_part}"


class ServiceSummary(NamedTuple):
    """What the directory needs of every service to filter, count and order them."""

    pk: int
    title: str
    target_groups: frozenset
    topics: frozenset
    is_emergency: bool
    always_open: bool
    filter_text: str

    @property
    def is_urgent(self) -> bool:
        return self.is_emergency or self.always_open


def spread_counts(set_counts: Counter) -> Counter:
    """{frozenset of slugs: how many services have it} as {slug: how many services have it}."""
    counts = Counter()
    for slugs, number in set_counts.items():
        for slug in slugs:
            counts[slug] += number
    return counts


def directory_pagination(shown, base_url: str, filters: list[tuple[str, str]]) -> dict:
    """Links to the directory's other pages that keep the visitor's filters. Page 1 has no page
    parameter (one address per list); every link goes to the results, past the filter form."""

    def url(number: int) -> str:
        parameters = filters + ([(PAGE_PARAMETER, str(number))] if number > 1 else [])
        return f"{base_url}?{urlencode(parameters)}#treff" if parameters else f"{base_url}#treff"

    return pagination_links(shown, url)
