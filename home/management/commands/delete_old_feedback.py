"""Delete visitors' page feedback older than the retention period (PAGE_FEEDBACK_RETENTION_MONTHS).

A dry run unless `--apply` is given, like delete_old_submissions: it prints how many answers per
page would go. Run it monthly from cron with `--apply` (docs/operations.md)."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext

from home.models import PageFeedback
from home.retention import months_before

security_log = logging.getLogger("portal.security")


class Command(BaseCommand):
    help = (
        "Sletter tilbakemeldinger på sider som er eldre enn PAGE_FEEDBACK_RETENTION_MONTHS måneder. "
        "Uten --apply vises bare hvor mange som ville blitt slettet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Slett tilbakemeldinger som er eldre enn så mange måneder "
            "(standard: PAGE_FEEDBACK_RETENTION_MONTHS).",
        )
        parser.add_argument(
            "--apply", action="store_true", help="Slett tilbakemeldingene. Uten dette: bare tørrkjøring."
        )

    def handle(self, *args, months=None, apply=False, **options):
        months = settings.PAGE_FEEDBACK_RETENTION_MONTHS if months is None else months
        with translation.override(settings.LANGUAGE_CODE):
            if months < 1:
                raise CommandError(gettext("Antall måneder må være minst 1."))
            cutoff = months_before(timezone.now(), months)
            date = cutoff.strftime("%d.%m.%Y")
            old = PageFeedback.objects.filter(created_at__lt=cutoff)
            with transaction.atomic():
                per_page = old.values("page__title").annotate(count=Count("pk")).order_by("page__title")
                total = 0
                for row in per_page:
                    self.stdout.write(
                        gettext("%(page)s: %(count)d tilbakemeldinger")
                        % {"page": row["page__title"], "count": row["count"]}
                    )
                    total += row["count"]
                if apply:
                    old.delete()
            if not apply:
                self.stdout.write(
                    gettext(
                        "Tørrkjøring: %(count)d tilbakemeldinger eldre enn %(date)s ville blitt slettet. "
                        "Kjør med --apply for å slette."
                    )
                    % {"count": total, "date": date}
                )
                return
            security_log.info("retention deleted=%d page feedback older than %s", total, cutoff.isoformat())
            self.stdout.write(
                self.style.SUCCESS(
                    gettext("%(count)d tilbakemeldinger eldre enn %(date)s er slettet.")
                    % {"count": total, "date": date}
                )
            )
