"""The public feedback endpoints and the editors' report with its CSV export.

Why the public form has no CSRF token: pages are served to anonymous visitors from the shared
full-page cache (home/cache.py), and a page whose HTML holds a per-visitor token (and sets the CSRF
cookie) can never be cached. So the two endpoints are `csrf_exempt`, and what they accept is kept
so small that a forged request can do no harm: they only ever write one anonymous row (a page id,
yes/no and at most a short comment), never read, change or delete anything else, and never act on
behalf of a signed-in user. In place of the token they require

- an Origin (or, when a browser sends none, a Referer) on this site's own host, so another site
  cannot make a visitor's browser post it;
- a page that exists, is live, is public (no view restriction on it or above it) and belongs to
  the site the request came to;
- the rate limit per client address (PAGE_FEEDBACK_RATE_LIMIT, counted by allauth's rate-limit
  helper in the cache like the sign-in limits), and a honeypot field;
- for the comment after «Nei», a signed receipt for that one answer (one hour, only while the
  answer has no comment), so nobody can attach text to another visitor's answer.

docs/security.md says the same for operators."""

import csv

from django.conf import settings
from django.core import signing
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.models import Page, Site

from allauth.core.internal import ratelimit

from home.editorial.views import ReportMixin
from home.models import PageFeedback
from network.exports import oslo_time, spreadsheet_safe

from . import report
from .forms import AnswerForm, CommentForm

RECEIPT_SALT = "home.feedback.receipt"
RECEIPT_MAX_AGE = 60 * 60
RATE_LIMIT_ACTION = "page_feedback"


def from_own_site(request) -> bool:
    """The request was sent by a page of this host: Origin if the browser sent one, else Referer."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    return url_has_allowed_host_and_scheme(
        source, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and source.startswith(("http://", "https://"))


def within_rate_limit(request) -> bool:
    return bool(
        ratelimit.consume(
            request,
            app="home.feedback",
            action=RATE_LIMIT_ACTION,
            config={RATE_LIMIT_ACTION: settings.PAGE_FEEDBACK_RATE_LIMIT},
        )
    )


def public_page(page_id: int, request) -> Page | None:
    """The live page anonymous visitors may see on the site the request came to, or None."""
    page = Page.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return None
    page = page.specific
    # get_site() knows the site's root in every language (the Nynorsk home is the root's translation).
    site = Site.find_for_request(request)
    if site is None or page.get_site() != site:
        return None
    return page


def refused(request, message: str, status: int, page=None) -> HttpResponse:
    return render(
        request, "feedback/refused.html", {"message": message, "feedback_page": page}, status=status
    )


def in_language_of(page, template: str, context: dict, request, status=200) -> HttpResponse:
    """The step after an answer speaks the page's language, whichever prefix the form posted to."""
    with translation.override(page.locale.language_code):
        return render(request, template, {"feedback_page": page, **context}, status=status)


def thanks(request, page) -> HttpResponse:
    return in_language_of(page, "feedback/thanks.html", {}, request)


def comment_step(request, row, form, status=200) -> HttpResponse:
    return in_language_of(row.page.specific, "feedback/comment.html", {"form": form}, request, status)


def guarded(view):
    """The checks both endpoints share: POST only, own origin, never cached, no CSRF token."""

    @csrf_exempt
    @require_POST
    @never_cache
    def wrapper(request):
        if not from_own_site(request):
            return HttpResponseForbidden(_("Tilbakemeldingen må sendes fra en side på dette nettstedet."))
        return view(request)

    return wrapper


@guarded
def answer(request):
    form = AnswerForm(request.POST)
    page = public_page(form.cleaned_data["page"], request) if form.is_valid() else None
    if not within_rate_limit(request):
        message = _("Du har sendt mange tilbakemeldinger på kort tid. Prøv igjen senere.")
        return refused(request, message, 429, page)
    if page is None:
        return refused(request, _("Vi fant ikke siden tilbakemeldingen gjelder."), 400)
    if form.is_bot():
        return thanks(request, page)
    row = PageFeedback.objects.create(
        page=page, locale=page.locale, site=Site.find_for_request(request), found=form.found()
    )
    if row.found:
        return thanks(request, page)
    receipt = signing.dumps(row.pk, salt=RECEIPT_SALT)
    return comment_step(request, row, CommentForm(initial={"kvittering": receipt}))


@guarded
def comment(request):
    form = CommentForm(request.POST)
    try:
        row_id = signing.loads(request.POST.get("kvittering", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
        row = PageFeedback.objects.select_related("page__locale").get(pk=row_id, comment="")
    except (signing.BadSignature, PageFeedback.DoesNotExist):
        return refused(request, _("Kommentaren kunne ikke lagres. Svaret ditt er registrert."), 400)
    if not form.is_valid():
        return comment_step(request, row, form, status=400)
    if not form.is_bot():
        row.comment = form.cleaned_data["kommentar"].strip()
        row.save(update_fields=["comment"])
    return thanks(request, row.page.specific)


class FeedbackReportView(ReportMixin, TemplateView):
    template_name = "feedback/report.html"
    page_title = gettext_lazy("Tilbakemeldinger på sider")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=report.per_page(),
            comments=report.comments()[: report.REPORT_COMMENTS],
            retention_months=settings.PAGE_FEEDBACK_RETENTION_MONTHS,
        )
        return context


class FeedbackExportView(ReportMixin, TemplateView):
    """Every stored answer as CSV, free text made formula-safe (network/exports.py)."""

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="tilbakemeldinger-{stamp}.csv"'
        response.write("\ufeff")  # Excel reads the file as UTF-8 only with a BOM.
        writer = csv.writer(response, delimiter=";")
        writer.writerow([_("Tidspunkt"), _("Side"), _("Språk"), _("Fant det"), _("Kommentar")])
        for row in PageFeedback.objects.select_related("page", "locale").order_by("created_at"):
            writer.writerow(
                [
                    oslo_time(row.created_at).strftime("%Y-%m-%d %H:%M"),
                    spreadsheet_safe(row.page.title),
                    row.locale.language_code,
                    _("Ja") if row.found else _("Nei"),
                    spreadsheet_safe(row.comment),
                ]
            )
        return response
