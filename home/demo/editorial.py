"""Demo data for the editors' side: the workflow on the guide and the service directory, the
coordinators' intranet permissions, and two services whose review is overdue (so the freshness
report has something to show). Idempotent and deterministic."""

import datetime

from django.apps import apps

from wagtail.models import Locale

from home.editorial import setup
from home.editorial.freshness import review_field

# Fixed dates, well over 12 months ago: the demo shows them as overdue.
OVERDUE_REVIEWS = [datetime.date(2024, 2, 1), datetime.date(2024, 9, 15)]


def load(stdout):
    setup.configure_groups(apps)
    setup.assign_pages(apps)
    stdout.write("  arbeidsflyten «Faglig godkjenning» er satt på handlingsveilederen og hjelpetilbudene")

    try:
        service_model = apps.get_model("guide", "ServicePage")
    except LookupError:
        return
    field = review_field(service_model)
    if field is None:
        return
    default = Locale.get_default()
    services = list(service_model.objects.filter(locale=default).order_by("path")[: len(OVERDUE_REVIEWS)])
    for service, reviewed in zip(services, OVERDUE_REVIEWS, strict=False):
        # update(): the review date is synchronised to every language and needs no new revision.
        service_model.objects.filter(translation_key=service.translation_key).update(**{field.name: reviewed})
    if services:
        stdout.write(f"  {len(services)} hjelpetilbud har gjennomgang som er forfalt (demo)")
