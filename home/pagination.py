"""Page links for long lists (the service directory, search results): the first and last pages and
two on each side of the current one, the rest elided, so a list of 1 000 has a handful of links."""

from django.utils.formats import number_format
from django.utils.translation import gettext


def grouped_number(number: int) -> str:
    """1 000 as Norwegian writes it (a no-break space between the groups of digits)."""
    return number_format(number, force_grouping=True)


def pagination_links(shown, url) -> dict:
    """Links for `shown` (a django.core.paginator.Page); `url(number)` is the address of a page."""
    paginator = shown.paginator
    numbers = paginator.get_elided_page_range(shown.number, on_each_side=2, on_ends=1)
    return {
        "pages": [
            {"label": gettext("Side %(number)s") % {"number": n}, "url": url(n), "current": n == shown.number}
            if n != paginator.ELLIPSIS
            else None
            for n in numbers
        ],
        "previous_url": url(shown.previous_page_number()) if shown.has_previous() else "",
        "next_url": url(shown.next_page_number()) if shown.has_next() else "",
        "first_url": url(1),
        "first": grouped_number(shown.start_index()),
        "last": grouped_number(shown.end_index()),
        "total": grouped_number(paginator.count),
    }
