"""`manage.py check_links`: check every link in the published pages and snippets and store the
results for the «Brutte lenker» report. Run from a timer (docs/operations.md), never per request."""

from django.core.management.base import BaseCommand

from home.links.http import MAX_WORKERS, ExternalChecker
from home.links.run import check_links


class Command(BaseCommand):
    help = "Sjekker alle lenker i publiserte sider og snippets og lagrer resultatet."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, help="Sekunder å vente på hvert svar.")
        parser.add_argument(
            "--delay", type=float, default=1.0, help="Sekunder mellom forespørsler til samme vert."
        )
        parser.add_argument(
            "--workers", type=int, default=MAX_WORKERS, help="Samtidige forespørsler (ulike verter)."
        )

    def handle(self, *args, timeout, delay, workers, **options):
        counts = check_links(
            ExternalChecker(timeout=timeout, delay=delay, max_workers=min(workers, MAX_WORKERS))
        )
        self.stdout.write(", ".join(f"{status}: {count}" for status, count in counts.items()))
