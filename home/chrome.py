"""What every page shows around its own content, looked up once per process and cache generation.

The header, menu, language switcher and footer need the same few rows on every request: the
Wagtail site, each language's front page and accessibility statement, the menu, the site profile
with its logo and footer links. They change only when an editor publishes or saves something, and
every such change bumps the page cache's generation (home/cache.py). So each process keeps them in
memory under the generation read at the start of the request, and drops them all when it moves on:
the same "never wrong" rule as the page cache, without a database query or a cache round trip per
item. Outside a request (management commands, the shell) nothing is memoised.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http.request import split_domain_port
from django.templatetags.static import static

from wagtail.models import Page, Site

from .memo import memo

# The portal's own icon, for sites whose profile has no logo (static/img/).
PORTAL_ICON = "img/favicon.ico"

# --- The site ------------------------------------------------------------------------------------


def _site_with_specific_root(request) -> Site | None:
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


def prime_wagtail_site(request) -> None:
    """Give Wagtail the request's Site (and the root paths it builds URLs from) from the memo.

    Wagtail looks both up on every request (a query and a cache round trip); they change only when a
    site or a page is changed, which bumps the generation."""
    hostname = split_domain_port(request._get_raw_host())[0]
    request._wagtail_site = memo.get(
        ("site", hostname, request.get_port()), lambda: _site_with_specific_root(request)
    )
    request._wagtail_cached_site_root_paths = memo.get("site_root_paths", Site.get_site_root_paths)


# --- Front pages, statements, menu, profile ------------------------------------------------------


def landmark_pages() -> dict[str, dict[str, Page]]:
    """Each language's front page and accessibility statement (the first statement in tree order)."""

    def build():
        from .models import AccessibilityStatementPage

        statement_type = ContentType.objects.get_for_model(AccessibilityStatementPage)
        pages = (
            Page.objects.live()
            .filter(Q(depth=2) | Q(content_type=statement_type))
            .select_related("locale")
            .order_by("-path")
        )
        found = {"home": {}, "statement": {}}
        for page in pages:
            kind = "home" if page.depth == 2 else "statement"
            found[kind][page.locale.language_code] = page
        return found

    return memo.get("landmark_pages", build)


def localized_home(home, language_code: str):
    """The front page in `language_code` that translates `home` (specific), or None."""

    def build():
        translation = (
            home.get_translations(inclusive=True).filter(locale__language_code=language_code).first()
        )
        return translation.specific if translation else None

    return memo.get(("localized_home", home.translation_key, language_code), build)


def translation_urls(page, request) -> dict[str, str]:
    """Where the live versions of `page` are, by language code (for the language switcher)."""
    site = Site.find_for_request(request) if request is not None else None

    def build():
        translations = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
            # Only what a URL needs: the specific tables (and their StreamFields) stay unread.
            .only("url_path", "path", "depth", "translation_key", "locale__language_code")
        )
        urls = {
            translation.locale.language_code: translation.get_url(request) for translation in translations
        }
        return {code: url for code, url in urls.items() if url}  # a page no site serves has no URL

    return memo.get(("translations", site.pk if site else None, page.translation_key), build)


@dataclass
class MenuItem:
    title: str
    url: str
    path: str


@dataclass
class FooterLink:
    title: str
    url: str


@dataclass
class Chrome:
    """Header and footer data for one site and language."""

    home_url: str
    statement_url: str
    menu: list[MenuItem] = field(default_factory=list)
    logo: object = None  # a wagtailimages Rendition or None
    icon_url: str = ""  # the browser tab's icon: a square cut of the logo, or the portal's icon
    footer_links: list[FooterLink] = field(default_factory=list)


def site_profile(language_code: str):
    """The profile in the language, falling back to any profile (the source language)."""

    def build():
        from .models import SiteProfile

        profiles = SiteProfile.objects.select_related("logo", "locale").order_by("id")
        return profiles.filter(locale__language_code=language_code).first() or profiles.first()

    return memo.get(("site_profile", language_code), build)


def _footer_links(profile, language_code: str, request) -> list[FooterLink]:
    links = []
    for link in profile.footer_links if profile else []:
        target = link.value.get("page")
        if target is not None:
            translation = (
                target.get_translations(inclusive=True).filter(locale__language_code=language_code).first()
            )
            url = (translation or target).get_url(request)
        else:
            url = link.value.get("url") or ""
        if url:
            links.append(FooterLink(title=link.value["title"], url=url))
    return links


def chrome(request, language_code: str) -> Chrome:
    site = Site.find_for_request(request) if request is not None else None

    def build():
        landmarks = landmark_pages()
        home = landmarks["home"].get(language_code)
        statement = landmarks["statement"].get(language_code)
        menu = []
        if home is not None:
            menu = [
                MenuItem(title=item.title, url=item.get_url(request), path=item.path)
                for item in Page.objects.child_of(home).live().in_menu().public()
            ]
        profile = site_profile(language_code)
        logo = profile.logo.get_rendition("height-48") if profile and profile.logo else None
        icon = profile.logo.get_rendition("fill-64x64|format-png") if profile and profile.logo else None
        return Chrome(
            home_url=home.get_url(request) if home else f"/{language_code}/",
            statement_url=statement.get_url(request) if statement else "",
            menu=menu,
            logo=logo,
            icon_url=icon.url if icon else static(PORTAL_ICON),
            footer_links=_footer_links(profile, language_code, request),
        )

    return memo.get(("chrome", site.pk if site else None, language_code), build)
