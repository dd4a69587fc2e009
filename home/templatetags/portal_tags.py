"""Template tags for every page: the generation-keyed content fragment (`page_content_cache`) and
frame fragment (`chrome_fragment`), the language switcher and hreflang links, the header and
footer from home/chrome.py, and small formatting filters."""

import functools

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site
from wagtail.templatetags.wagtail_cache import WagtailCacheNode, WagtailPageCacheNode

from home import chrome
from home.phone import tel_href as build_tel_href

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def page_content_cache_seconds() -> int:
    # An upper bound on memory, not on staleness: correctness comes from the key. 0 turns it off.
    return getattr(settings, "PAGE_CONTENT_CACHE_SECONDS", 3600)


class GenerationKeyedCacheMixin:
    """A fragment cache node whose key carries the cache generation: rendered afresh outside a
    request (no generation to key on) and when PAGE_CONTENT_CACHE_SECONDS is 0."""

    def render(self, context):
        if context.get("cache_generation") is None or page_content_cache_seconds() <= 0:
            return self.nodelist.render(context)
        return super().render(context)


class PageContentCacheNode(GenerationKeyedCacheMixin, WagtailPageCacheNode):
    """Wagtail's page fragment cache (keyed by the page's state and the site, skipped in preview),
    also keyed by language and the cache generation."""


class ChromeFragmentNode(GenerationKeyedCacheMixin, WagtailCacheNode):
    """Wagtail's fragment cache (skipped in preview) keyed by name, language, site and cache
    generation: the site, because the frame's links are the site's (home/chrome.py keys them so)."""

    SITE_VARIABLE = WagtailPageCacheNode.CACHE_SITE_TEMPLATE_VAR

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vary_on.append(template.Variable(f"{self.SITE_VARIABLE}.pk"))

    def render(self, context):
        # The request's Site is primed from the memo (chrome.prime_wagtail_site): no query.
        with context.update({self.SITE_VARIABLE: Site.find_for_request(context.get("request"))}):
            return super().render(context)


def _generation_and_language(parser) -> list:
    return [parser.compile_filter("cache_generation"), parser.compile_filter("request.LANGUAGE_CODE")]


@register.tag("chrome_fragment")
def chrome_fragment(parser, token):
    """{% chrome_fragment "name" %}…{% endchrome_fragment %} around a part of the site's frame that is
    the same on every page in a language (the footer, the style sheets): nothing about the page or
    the visitor."""
    nodelist = parser.parse(("endchrome_fragment",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("chrome_fragment takes one fragment name")
    timeout = parser.compile_filter(str(max(page_content_cache_seconds(), 1)))
    return ChromeFragmentNode(nodelist, timeout, bits[1].strip("\"'"), _generation_and_language(parser), None)


@register.tag("page_content_cache")
def page_content_cache(parser, token):
    """{% page_content_cache "name" [more to vary on…] %}…{% endpage_content_cache %} around the part
    of a page that shows only the page itself and what it links to: nothing about the visitor, no
    forms. Extra arguments vary the key further (the services shown on one page of the directory)."""
    nodelist = parser.parse(("endpage_content_cache",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("page_content_cache needs a fragment name")
    return PageContentCacheNode(
        nodelist,
        parser.compile_filter(str(max(page_content_cache_seconds(), 1))),
        bits[1].strip("\"'"),
        [*_generation_and_language(parser), *(parser.compile_filter(bit) for bit in bits[2:])],
        None,  # Django's cache tag then uses the "template_fragments" cache (portal/settings/base.py)
    )


def home_pages_by_language() -> dict[str, Page]:
    return chrome.landmark_pages()["home"]


@functools.lru_cache(maxsize=1024)
def translated_route(path: str, active_language: str, language_code: str) -> str:
    """translate_url() for a Django route (search, sign-in), from the active language: the URL
    patterns are the same for the life of the process, and resolving one takes longer than the rest
    of the language switcher together."""
    return translate_url(path, language_code)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per site language: where the same content lives in that language.

    `exists` is False when the page has no translation; the link then goes to that
    language's front page and the template says so."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    versions = []
    if isinstance(page, Page) and page.pk:
        translations = chrome.translation_urls(page, request)
        for code, name in settings.LANGUAGES:
            url = translations.get(code)
            if url is None:
                home = home_pages_by_language().get(code)
                url = home.get_url(request) if home else f"/{code}/"
            versions.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "exists": code in translations,
                    "current": code == current,
                }
            )
    else:
        # Views outside the page tree (login, errors): translate the URL itself when Django
        # knows the route; otherwise the other language's front page is the honest target.
        path = request.path if request else "/"
        match = getattr(request, "resolver_match", None)
        translatable = match is not None and match.url_name != "wagtail_serve"
        for code, name in settings.LANGUAGES:
            if code == current or translatable:
                url, exists = translated_route(path, current, code), True
            else:
                homes = home_pages_by_language()
                url, exists = (homes[code].get_url(request) if code in homes else f"/{code}/"), False
            versions.append(
                {"code": code, "name": name, "url": url, "exists": exists, "current": code == current}
            )
    return versions


@register.simple_tag(takes_context=True)
def current_page_url(context):
    """The page's URL (without scheme and host), or "" outside the page tree."""
    page = context.get("page")
    return (page.get_url(context.get("request")) or "") if isinstance(page, Page) else ""


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Header and footer data for the active language (home/chrome.py)."""
    return chrome.chrome(context.get("request"), get_language())


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages of the active language's tree that editors put in the menu."""
    page = context.get("page")
    current_path = page.path if isinstance(page, Page) else ""
    return [
        {
            "title": item.title,
            "url": item.url,
            "active": bool(current_path) and current_path.startswith(item.path),
        }
        for item in chrome.chrome(context.get("request"), get_language()).menu
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors from the front page down, for pages below the top level of the menu."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth < 4:
        return []
    request = context.get("request")
    ancestors = getattr(page, "routed_ancestors", None)  # passed on the way here (home/routing.py)
    if ancestors is None:
        ancestors = page.get_ancestors()
    return [
        {"title": ancestor.title, "url": ancestor.get_url(request)}
        for ancestor in ancestors
        if ancestor.depth >= 2
    ]


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    """`url` with the request's scheme and host: links to files print as an address a reader can
    type in (print.css shows only absolute addresses)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


@register.filter
def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def tel_href(number: str) -> str:
    """{{ phone|tel_href }}: the tel: address for a number as people write it."""
    return build_tel_href(number)


@register.filter
def document_type_and_size(document) -> str:
    """'PDF, 120 kB': what a link to a file must say before anyone clicks it."""
    extension = (document.file_extension or "").upper() or "?"
    return f"{extension}, {file_size(document.get_file_size() or 0)}"


@register.filter
def file_size(size: int) -> str:
    """'14 kB', '1,2 MB' (a decimal comma, as Norwegian is written)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"
