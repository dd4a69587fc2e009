"""The printable BTI brochure: an A4 PDF of one language's service directory, made with WeasyPrint.

Building takes seconds for hundreds of services, so the PDF is kept in the Django cache (Redis in
production) under a key with the directory, its language, the public host and the cache generation (home/cache.py),
the one invalidation rule of the portal: every publish, unpublish, move or delete of a page and every
save of a snippet, image, site, site profile or translation starts a new generation, so the next
download builds a fresh PDF from the published content, and no stale PDF can be served. The
generation moves at once and again after the transaction commits, and a build uses the generation
read *before* it queried, so a PDF built from rows that changed while it ran is stored under a
generation nobody asks for again.

Nothing outside the portal is fetched while building: the logo is embedded as a data: URI and the
fetcher refuses every other URL."""

import base64
import datetime
import logging
import mimetypes
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

from home.cache import current_generation
from home.chrome import site_profile as get_site_profile

from .models import ServiceDirectoryPage, ServicePage
from .vocabulary import TARGET_GROUPS

logger = logging.getLogger(__name__)
# WeasyPrint reports every layout step at INFO; the build time is logged below instead.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

CACHE_SECONDS = 60 * 60 * 24 * 7
STYLESHEET = "css/brochure.css"
LOGO_RENDITION = "max-600x240"


# --- Cache key -----------------------------------------------------------------------------------


def brochure_cache_key(directory: ServiceDirectoryPage, generation: int, request=None) -> str:
    # The PDF prints full addresses, so one built for one public host name is not another's.
    host = request.get_host() if request is not None else ""
    return f"guide:brochure:{translation.get_language()}:{directory.pk}:{generation}:{host}"


# --- Building -------------------------------------------------------------------------------------


class OnlyDataURLs:
    """URL fetcher that refuses everything but data: URIs (no file or network access from a PDF build)."""

    _fail_on_errors = False

    def __call__(self, url):
        from weasyprint.urls import URLFetcher

        if not url.startswith("data:"):
            raise ValueError(f"Brosjyren henter ikke eksterne adresser: {url[:80]}")
        return URLFetcher(allowed_protocols=["data"]).fetch(url)


def stylesheet_text(name: str = STYLESHEET) -> str:
    path = finders.find(name) or Path(settings.BASE_DIR) / "static" / name
    return Path(path).read_text(encoding="utf-8")


def logo_data_url(profile) -> str:
    """The site profile's logo as a data: URI (any storage backend works; nothing is fetched)."""
    image = getattr(profile, "logo", None)
    if image is None:
        return ""
    try:
        if (image.file.name or "").lower().endswith(".svg"):
            source, mime = image.file, "image/svg+xml"
        else:
            source = image.get_rendition(LOGO_RENDITION).file
            mime = mimetypes.guess_type(source.name)[0] or "image/png"
        source.open("rb")
        try:
            data = source.read()
        finally:
            source.close()
    except (OSError, ValueError):
        logger.warning("brochure: logo %s could not be read", image.pk, exc_info=True)
        return ""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def full_url(page, request=None) -> str:
    """The page's public address: on the scheme and host the visitor used when there is a request
    (the Site's host name may be a placeholder such as the demo's «localhost»), else the Site's."""
    _site_id, root_url, page_path = page.get_url_parts(request) or (None, "", "")
    if request is not None:
        root_url = request.build_absolute_uri("/").rstrip("/")
    return root_url + page_path


def brochure_context(directory: ServiceDirectoryPage, request=None) -> dict:
    profile = get_site_profile(translation.get_language())
    services = sorted(directory.live_services(), key=ServicePage.directory_sort_key)
    for number, service in enumerate(services, start=1):
        service.number = number
        service.anchor = f"tilbud-{service.pk}"
        service.brochure_link = full_url(service, request)
    contents = []
    for slug, label in TARGET_GROUPS:
        members = [service for service in services if slug in service.target_groups]
        if members:
            contents.append({"label": label, "services": members})
    others = [service for service in services if not service.target_groups]
    if others:
        contents.append({"label": translation.gettext("Andre tilbud"), "services": others})
    return {
        "directory": directory,
        "directory_url": full_url(directory, request),
        "profile": profile,
        "logo_url": logo_data_url(profile),
        "services": services,
        "urgent_services": [service for service in services if service.is_urgent],
        "contents": contents,
        "today": datetime.date.today(),
        "language_code": translation.get_language(),
    }


def build_brochure(directory: ServiceDirectoryPage, request=None) -> bytes:
    """Render the PDF now (no cache). Runs in the directory's language."""
    from weasyprint import CSS, HTML

    with translation.override(directory.locale.language_code):
        html = render_to_string("pdf/guide/brochure.html", brochure_context(directory, request))
        fetcher = OnlyDataURLs()
        document = HTML(string=html, url_fetcher=fetcher, base_url="data:,")
        return document.write_pdf(
            stylesheets=[CSS(string=stylesheet_text(), url_fetcher=fetcher)],
            pdf_variant="pdf/ua-1",
            uncompressed_pdf=False,
        )


def get_brochure(directory: ServiceDirectoryPage, request=None) -> bytes:
    """The cached PDF for the current cache generation, built if missing."""
    with translation.override(directory.locale.language_code):
        generation = current_generation()  # read before the content, see the module docstring
        key = brochure_cache_key(directory, generation, request)
        pdf = cache.get(key)
        if pdf is None:
            started = time.perf_counter()
            pdf = build_brochure(directory, request)
            logger.info(
                "brochure built for %s in %.1f s (%d bytes)", key, time.perf_counter() - started, len(pdf)
            )
            cache.set(key, pdf, timeout=CACHE_SECONDS)
        return pdf


def brochure_response(directory: ServiceDirectoryPage, request) -> HttpResponse:
    pdf = get_brochure(directory, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{slugify(directory.slug) or 'hjelpetilbud'}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(pdf))
    return response
