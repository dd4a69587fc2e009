"""Time the printable brochure (WeasyPrint) for a directory with 300 services.

Adds services to the Bokmål demo directory until it has 300 (copies of the demo services with
new names), builds the PDF twice (the first build also loads fonts), prints the times and rolls
everything back. The goal in the issue is under 10 seconds. Needs the demo content (`make demo`);
uses the database from DATABASE_URL like manage.py.

    DJANGO_SETTINGS_MODULE=portal.settings.dev .venv/bin/python scripts/bench_brochure.py
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django

django.setup()

import logging  # noqa: E402

from django.db import transaction  # noqa: E402

from guide.brochure import build_brochure  # noqa: E402
from guide.models import ServiceDirectoryPage, ServicePage  # noqa: E402

TARGET = int(os.environ.get("BROCHURE_SERVICES", "300"))
COPIED_FIELDS = [
    "locale_id",
    "intro",
    "provider",
    "target_groups",
    "topics",
    "is_emergency",
    "always_open",
    "is_free",
    "cost_note",
    "self_referral",
    "needs_referral",
    "drop_in",
    "anonymous",
    "referral_note",
    "phone",
    "email",
    "address",
    "opening_hours",
    "contact_form_url",
    "website",
    "body",
    "last_reviewed",
]


def fill(directory: ServiceDirectoryPage) -> int:
    demo = list(ServicePage.objects.child_of(directory).live())
    if not demo:
        sys.exit("No services in the directory: run `make demo` first.")
    count = len(demo)
    number = 0
    while count < TARGET:
        source = demo[number % len(demo)]
        number += 1
        fields = {name: getattr(source, name) for name in COPIED_FIELDS}
        page = ServicePage(
            **fields, title=f"{source.title} {number}", slug=f"{source.slug}-bench-{number}", live=True
        )
        directory.add_child(instance=page)
        count += 1
    return count


def main() -> None:
    logging.disable(logging.WARNING)
    directory = ServiceDirectoryPage.objects.filter(locale__language_code="nb").first()
    if directory is None:
        sys.exit("No service directory: run `make demo` first.")
    with transaction.atomic():
        count = fill(directory)
        timings, cpu = [], []
        for _ in range(2):
            started, started_cpu = time.perf_counter(), time.process_time()
            pdf = build_brochure(directory)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        transaction.set_rollback(True)
    print(
        f"brochure, {count} services: first build {timings[0]:.1f} s (CPU {cpu[0]:.1f} s), "
        f"second {timings[1]:.1f} s (CPU {cpu[1]:.1f} s), {len(pdf) // 1024} kB"
    )
    print("goal: under 10 s" + ("" if timings[0] < 10 else " – NOT MET"))


if __name__ == "__main__":
    main()
