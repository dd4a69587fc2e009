from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from home.models import AccessibilityStatementPage

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def landmark_pages(request) -> dict[str, dict[str, Page]]:
    """Each language's front page and accessibility statement, fetched in one query per request:
    the header, menu, language switcher and footer all need them."""
    cached = getattr(request, "_landmark_pages", None)
    if cached is None:
        statement_type = ContentType.objects.get_for_model(AccessibilityStatementPage)
        pages = (
            Page.objects.live()
            .filter(Q(depth=2) | Q(content_type=statement_type))
            .select_related("locale")
            .order_by("-path")  # the first statement in tree order wins
        )
        cached = {"home": {}, "statement": {}}
        for page in pages:
            kind = "home" if page.depth == 2 else "statement"
            cached[kind][page.locale.language_code] = page
        if request is not None:
            request._landmark_pages = cached
    return cached


def home_pages_by_language(request) -> dict[str, Page]:
    return landmark_pages(request)["home"]


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
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
        for code, name in settings.LANGUAGES:
            translation = translations.get(code)
            if translation is None:
                home = home_pages_by_language(request).get(code)
                url = home.get_url(request) if home else f"/{code}/"
            else:
                url = translation.get_url(request)
            versions.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "exists": translation is not None,
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
                url, exists = translate_url(path, code), True
            else:
                homes = home_pages_by_language(request)
                url, exists = (homes[code].get_url(request) if code in homes else f"/{code}/"), False
            versions.append(
                {"code": code, "name": name, "url": url, "exists": exists, "current": code == current}
            )
    return versions


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages of the active language's tree that editors put in the menu."""
    request = context.get("request")
    home = home_pages_by_language(request).get(get_language())
    if home is None:
        return []
    items = Page.objects.child_of(home).live().in_menu().public()
    page = context.get("page")
    current_path = page.path if isinstance(page, Page) else ""
    return [
        {"title": item.title, "url": item.get_url(request), "active": current_path.startswith(item.path)}
        for item in items
    ]


@register.simple_tag(takes_context=True)
def language_home_url(context):
    request = context.get("request")
    home = home_pages_by_language(request).get(get_language())
    return home.get_url(request) if home else f"/{get_language()}/"


@register.simple_tag(takes_context=True)
def accessibility_statement_url(context):
    """The footer's link to the active language's tilgjengelighetserklæring (empty if none)."""
    request = context.get("request")
    statement = landmark_pages(request)["statement"].get(get_language())
    return statement.get_url(request) if statement else ""


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors from the front page down, for pages below the top level of the menu."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth < 4:
        return []
    request = context.get("request")
    return [
        {"title": ancestor.title, "url": ancestor.get_url(request)}
        for ancestor in page.get_ancestors().filter(depth__gte=2)
    ]


@register.filter
def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def document_type_and_size(document) -> str:
    """'PDF, 120 kB': what a link to a file must say before anyone clicks it."""
    extension = (document.file_extension or "").upper() or "?"
    size = document.get_file_size() or 0
    if size >= 1024 * 1024:
        human = f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    else:
        human = f"{max(1, round(size / 1024))} kB"
    return f"{extension}, {human}"
