"""Delete form submissions older than the retention period (SUBMISSION_RETENTION_MONTHS).

A dry run unless `--apply` is given: it prints how many answers per form would go. Run it monthly
from cron with `--apply` (docs/operations.md). Age counts from an answer's last change, so an answer
a unit corrected recently is kept as long as a new one. Also covers plain Wagtail form submissions."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.contrib.forms.models import FormSubmission

from home.retention import months_before
from network.models import ReportSubmission

security_log = logging.getLogger("portal.security")


def old_submissions(cutoff):
    """Every kind of stored form answer older than `cutoff`."""
    return [
        ReportSubmission.objects.filter(updated_at__lt=cutoff),
        FormSubmission.objects.filter(submit_time__lt=cutoff),
    ]


class Command(BaseCommand):
    help = (
        "Sletter skjemasvar som er eldre enn SUBMISSION_RETENTION_MONTHS måneder. "
        "Uten --apply vises bare hvor mange som ville blitt slettet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Slett svar som sist ble endret for mer enn så mange måneder siden "
            "(standard: SUBMISSION_RETENTION_MONTHS).",
        )
        parser.add_argument(
            "--apply", action="store_true", help="Slett svarene. Uten dette: bare tørrkjøring."
        )

    def handle(self, *args, months=None, apply=False, **options):
        months = settings.SUBMISSION_RETENTION_MONTHS if months is None else months
        with translation.override(settings.LANGUAGE_CODE):
            if months < 1:
                raise CommandError(gettext("Antall måneder må være minst 1."))
            cutoff = months_before(timezone.now(), months)
            date = cutoff.strftime("%d.%m.%Y")
            total = 0
            with transaction.atomic():
                for queryset in old_submissions(cutoff):
                    per_form = (
                        queryset.values("page__title").annotate(count=Count("pk")).order_by("page__title")
                    )
                    for row in per_form:
                        self.stdout.write(
                            gettext("%(form)s: %(count)d svar")
                            % {"form": row["page__title"], "count": row["count"]}
                        )
                        total += row["count"]
                    if apply:
                        queryset.delete()
            if not apply:
                self.stdout.write(
                    gettext(
                        "Tørrkjøring: %(count)d svar eldre enn %(date)s ville blitt slettet. "
                        "Kjør med --apply for å slette."
                    )
                    % {"count": total, "date": date}
                )
                return
            security_log.info("retention deleted=%d submissions older than %s", total, cutoff.isoformat())
            self.stdout.write(
                self.style.SUCCESS(
                    gettext("%(count)d svar eldre enn %(date)s er slettet.") % {"count": total, "date": date}
                )
            )
