from collections import defaultdict

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_safe

from wagtail.models import Page

from . import chrome
from .search import run_search


@require_GET
def search(request):
    outcome = run_search(
        request,
        request.GET.get("q", ""),
        section_slug=request.GET.get("seksjon", "")[:100],
        page_number=request.GET.get("side", "1")[:10],
    )
    response = render(request, "pages/search.html", {"search": outcome})
    # Results depend on who is logged in; never let a shared cache keep them.
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def sitemap(request):
    """Every public page in both languages, each with hreflang links to its translations."""
    pages = list(
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .order_by("path")
        .only("id", "path", "url_path", "translation_key", "locale", "last_published_at", "depth")
    )
    by_translation = defaultdict(list)
    for page in pages:
        page.absolute_url = request.build_absolute_uri(page.get_url(request))
        by_translation[page.translation_key].append(page)
    entries = [{"page": page, "alternates": by_translation[page.translation_key]} for page in pages]
    return render(request, "sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8")


@require_GET
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /nb/konto/",
        "Disallow: /nn/konto/",
        "Disallow: /nb/sok/",
        "Disallow: /nn/sok/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """/favicon.ico, which browsers ask for whatever a page links: the logo's square cut when the
    site profile has a logo, else the portal's own icon (served here, not redirected, so the one
    address every browser tries answers with an image)."""
    icon_url = chrome.chrome(request, settings.LANGUAGE_CODE).icon_url
    if icon_url != static(chrome.PORTAL_ICON):
        response = redirect(icon_url)
    else:
        found = finders.find(chrome.PORTAL_ICON)
        icon = open(found, "rb") if found else staticfiles_storage.open(chrome.PORTAL_ICON)  # noqa: SIM115 - FileResponse closes it
        response = FileResponse(icon, content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response
