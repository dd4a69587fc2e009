"""The service directory's part of `make bench` (scripts/bench/dataset.py and probe.py look here).

build_services() grows the demo directory to `count` services per language; the Nynorsk pages are
translations of the Bokmål ones (same translation_key), as editors would have them. Idempotent."""

import datetime

from .models import ServiceDirectoryPage, ServicePage
from .vocabulary import TARGET_GROUPS, TOPICS

PREFIX = "Benktilbud"
WORDS = [
    "barn",
    "unge",
    "foreldre",
    "helsestasjon",
    "samtale",
    "veiledning",
    "skole",
    "barnehage",
    "fritid",
    "familie",
    "trygghet",
]


def _service(n: int) -> ServicePage:
    groups = [slug for i, (slug, _label) in enumerate(TARGET_GROUPS) if (n + i) % 3 == 0]
    topics = [slug for i, (slug, _label) in enumerate(TOPICS) if (n + i) % 4 == 0]
    words = " ".join(WORDS[(n * 5 + i) % len(WORDS)] for i in range(30))
    return ServicePage(
        title=f"{PREFIX} {n + 1:04d}",
        slug=f"benktilbud-{n + 1:04d}",
        intro=f"Tilbud om {words[:120]}.",
        provider=f"Tjeneste {n % 40 + 1}",
        target_groups=groups,
        topics=topics,
        is_emergency=n % 97 == 0,
        drop_in=n % 3 == 0,
        anonymous=n % 5 == 0,
        phone=f"12 34 {n // 100 % 100:02d} {n % 100:02d}",
        email=f"tilbud{n}@fjordvik.example",
        address="Storgata 1, 9999 Fjordvik",
        opening_hours="Hverdager kl. 08.00–15.30",
        body=[("paragraph", f"<p>{words.capitalize()}.</p>")],
        last_reviewed=datetime.date(2026, 9, 1),
    )


def build_services(nb, nn, count: int) -> None:
    directory = ServiceDirectoryPage.objects.get(locale=nb)
    have = ServicePage.objects.child_of(directory).filter(title__startswith=PREFIX).count()
    for n in range(have, count):
        page = directory.add_child(instance=_service(n))
        page.save_revision().publish()
        translated = page.copy_for_translation(nn).specific
        translated.save_revision().publish()


def directory_urls(nb) -> dict[str, str | None]:
    directory = ServiceDirectoryPage.objects.filter(locale=nb).live().first()
    if directory is None:
        return {}
    service = (
        ServicePage.objects.child_of(directory)
        .filter(title__startswith=PREFIX)
        .live()
        .order_by("path")
        .first()
        or ServicePage.objects.child_of(directory).live().order_by("path").first()
    )
    url = directory.url
    return {
        "directory": url,
        "directory filtered": f"{url}?malgruppe=13-18&tema=psykisk-helse",
        "service page": service.url if service else None,
    }
