"""The way into the intranet from every page's header, for signed-in staff who may enter it.

Only asked for signed-in visitors (the header shows nothing of the kind to anyone else), so the
anonymous, fully cached path through a page never looks at it."""

from django.utils.translation import get_language

from wagtail.models import Site

from home.memo import memo

from .access import is_intranet_member
from .models import IntranetPage


def _intranet_urls(request) -> dict[str, str]:
    """Each language's intranet start page (the first in tree order), by language code."""
    site = Site.find_for_request(request)

    def build():
        urls = {}
        for page in (
            IntranetPage.objects.live().select_related("locale").defer_streamfields().order_by("path")
        ):
            urls.setdefault(page.locale.language_code, page.get_url(request))
        return {code: url for code, url in urls.items() if url}

    return memo.get(("intranet_urls", site.pk if site else None), build)


def intranet_url(request) -> str:
    """The intranet in the active language (another language's when it has none) for a member of
    the intranet's groups; "" for everyone else, who would only be turned away there."""
    user = getattr(request, "user", None)
    if user is None or not is_intranet_member(user):
        return ""
    urls = _intranet_urls(request)
    return urls.get(get_language()) or next(iter(urls.values()), "")
