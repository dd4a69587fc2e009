"""E-mail the BTI-agents of units that have not answered a report form whose deadline is near.

Run daily from cron, e.g. `manage.py send_report_reminders --days 7`. A unit is reminded once per
run for each open form with a deadline within the next N days; units that have answered are skipped."""

import datetime

from django.conf import settings
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Locale

from network.models import ReportFormPage, ReportSubmission


class Command(BaseCommand):
    help = (
        "Sender påminnelse til BTI-agenter på tjenestesteder som ikke har svart på et skjema med frist snart."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Påminn når fristen er innen så mange dager.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Vis hvem som ville fått e-post, uten å sende."
        )

    def handle(self, *args, days=7, dry_run=False, **options):
        now = timezone.now()
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        messages = []
        with translation.override(Locale.get_default().language_code):
            forms = ReportFormPage.objects.live().filter(
                locale=Locale.get_default(),
                deadline__gt=now,
                deadline__lte=now + datetime.timedelta(days=days),
            )
            for form_page in forms:
                answered = set(
                    ReportSubmission.objects.filter(page=form_page).values_list("unit_id", flat=True)
                )
                units = (
                    form_page.expected_units()
                    .exclude(pk__in=answered)
                    .prefetch_related("agent_links__person__user")
                )
                deadline = timezone.localtime(form_page.deadline)
                for unit in units:
                    recipients = sorted(
                        {
                            address
                            for person in unit.agents
                            for address in (person.email, person.user.email if person.user else "")
                            if address
                        }
                    )
                    if not recipients:
                        self.stderr.write(
                            gettext("%(unit)s har ingen e-postadresse til BTI-agenten.") % {"unit": unit}
                        )
                        continue
                    subject = gettext("Påminnelse: %(form)s – frist %(deadline)s") % {
                        "form": form_page.title,
                        "deadline": deadline.strftime("%d.%m.%Y"),
                    }
                    body = gettext(
                        "Hei!\n\n%(unit)s har ikke svart på «%(form)s». Fristen er %(deadline)s.\n\n"
                        "Svar her (krever innlogging): %(url)s\n\n"
                        "Husk at skjemaet ikke skal inneholde opplysninger som kan identifisere et barn eller "
                        "en familie.\n\nHilsen BTI-koordinatorene"
                    ) % {
                        "unit": unit.name,
                        "form": form_page.title,
                        "deadline": deadline.strftime("%d.%m.%Y kl. %H.%M"),
                        "url": base_url + form_page.url,
                    }
                    messages.append((subject, body, None, recipients))
                    self.stdout.write(f"{form_page.title}: {unit.name} -> {', '.join(recipients)}")
        if dry_run:
            self.stdout.write(
                gettext("Tørrkjøring: ingen e-post sendt (%(count)d).") % {"count": len(messages)}
            )
            return
        sent = send_mass_mail(messages, fail_silently=False) if messages else 0
        self.stdout.write(self.style.SUCCESS(gettext("%(count)d påminnelser sendt.") % {"count": sent}))
