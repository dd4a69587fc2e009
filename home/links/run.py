"""One run of the link checker: every link in every published page and snippet is checked and its
row in `LinkCheck` brought up to date; rows for links that are gone are removed."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import LinkCheck

from .extract import DOCUMENT, EXTERNAL, IMAGE, PAGE, links_in, published_sources
from .http import ExternalChecker, Outcome


def file_outcomes(model, ids) -> dict[str, Outcome]:
    """A document or image link works when the object exists and its file is in storage."""
    outcomes = {}
    for obj in model.objects.filter(pk__in=[i for i in ids if i.isdigit()]):
        present = bool(obj.file) and obj.file.storage.exists(obj.file.name)
        outcomes[str(obj.pk)] = Outcome(LinkCheck.OK if present else LinkCheck.BROKEN)
    return outcomes


def page_outcomes(ids) -> dict[str, Outcome]:
    live = Page.objects.live().filter(pk__in=[i for i in ids if i.isdigit()]).values_list("pk", flat=True)
    return {str(pk): Outcome(LinkCheck.OK) for pk in live}


def site_of(source):
    if isinstance(source, Page):
        return source.get_site()
    return None


def check_links(checker: ExternalChecker | None = None) -> dict[str, int]:
    """Check everything; returns the number of links per status."""
    checker = checker or ExternalChecker()
    found = []  # (source, site, link)
    for source in published_sources():
        site = site_of(source)
        found += [(source, site, link) for link in dict.fromkeys(links_in(source))]

    targets = {
        kind: {link.target for _s, _site, link in found if link.kind == kind}
        for kind in (PAGE, DOCUMENT, IMAGE, EXTERNAL)
    }
    outcomes = {
        PAGE: page_outcomes(targets[PAGE]),
        DOCUMENT: file_outcomes(get_document_model(), targets[DOCUMENT]),
        IMAGE: file_outcomes(get_image_model(), targets[IMAGE]),
        EXTERNAL: checker.check_all(targets[EXTERNAL]),
    }
    missing = Outcome(LinkCheck.BROKEN)
    now = timezone.now()
    counts = dict.fromkeys(dict(LinkCheck.STATUSES), 0)
    with transaction.atomic():
        for source, site, link in found:
            outcome = outcomes[link.kind].get(link.target, missing)
            store(source, site, link, outcome, now)
            counts[outcome.status] += 1
        # Every link still there was stamped with `now`; what was not is gone from its page.
        LinkCheck.objects.filter(last_checked_at__lt=now).delete()
    return counts


def stored_target(link) -> str:
    return link.target if link.kind == EXTERNAL else f"{link.kind}:{link.target}"


def store(source, site, link, outcome: Outcome, now) -> LinkCheck:
    row, _created = LinkCheck.objects.get_or_create(
        source_type=ContentType.objects.get_for_model(source, for_concrete_model=False),
        source_id=str(source.pk),
        field=link.field[:255],
        target=stored_target(link)[:2000],
        defaults={"status": outcome.status, "last_checked_at": now, "source_title": ""},
    )
    works = outcome.status not in LinkCheck.NOT_WORKING
    row.first_broken_at = None if works else (row.first_broken_at or now)
    row.site = site
    row.locale_id = getattr(source, "locale_id", None)
    row.source_title = str(source)[:255]
    row.link_text = link.text
    row.status = outcome.status
    row.http_status = outcome.http_status
    row.final_url = outcome.final_url[:2000]
    row.last_checked_at = now
    row.save()
    return row
