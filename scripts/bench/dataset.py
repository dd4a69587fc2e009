"""Grow the demo portal into the benchmark's large dataset, in both languages (idempotent).

Run by scripts/bench/run.py after `migrate` and `load_demo_content`, with the same environment as
the app servers. Adds, per language: 200 general pages, 100 tools, 200 service units (each with a
leader and two agents), four guide areas with four levels of six steps each, and 1 000 services
when the project has a service directory. The Nynorsk side is made the way editors would get it,
as translations of the Bokmål objects (same translation_key), without going through machine
translation, which the benchmark does not measure.
"""

import copy
import os
import sys
import uuid
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

GENERAL_PAGES = int(os.environ.get("BENCH_GENERAL_PAGES", "200"))
TOOLS = int(os.environ.get("BENCH_TOOLS", "100"))
SERVICE_UNITS = int(os.environ.get("BENCH_SERVICE_UNITS", "200"))
SERVICES = int(os.environ.get("BENCH_SERVICES", "1000"))
GUIDE_AREAS = 4
STEPS_PER_LEVEL = 6
BENCH_AGENT = "bench-agent"

WORDS = [
    "barn",
    "unge",
    "foreldre",
    "barnehage",
    "skole",
    "helsestasjon",
    "samarbeid",
    "bekymring",
    "undring",
    "samtale",
    "tiltak",
    "stafettlogg",
    "koordinator",
    "tverrfaglig",
    "innsats",
    "oppfølging",
    "trivsel",
    "kartlegging",
    "foreldremøte",
    "nettverk",
    "tjeneste",
    "veileder",
    "handling",
    "plan",
    "evaluering",
    "miljøterapeut",
    "psykisk",
    "helse",
]


def text(n: int, words: int = 40) -> str:
    return " ".join(WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def log(message: str) -> None:
    print(f"  dataset: {message}", flush=True)


def publish(page):
    page.save_revision().publish()
    return page


def translate_page(page, nn):
    """The nn copy of `page` (its parent must already have one), published."""
    existing = page.get_translation_or_none(nn)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(nn)
    return publish(translated.specific)


def general_pages(nb, nn):
    from home.models import ContentPage, HomePage

    home = HomePage.objects.get(locale=nb)
    parent = ContentPage.objects.child_of(home).filter(slug="bench-artikler").first()
    if parent is None:
        parent = ContentPage(title="Artikler", slug="bench-artikler", intro=text(0, 20))
        home.add_child(instance=parent)
        publish(parent)
        translate_page(parent, nn)
    have = ContentPage.objects.child_of(parent).count()
    for n in range(have, GENERAL_PAGES):
        page = ContentPage(
            title=f"Artikkel {n + 1}: {text(n, 4)[:-1]}",
            slug=f"artikkel-{n + 1}",
            intro=text(n, 25),
            body=[
                ("heading", {"text": "Om tiltaket", "level": "h2"}),
                ("paragraph", f"<p>{text(n, 120)}</p>"),
                ("heading", {"text": "Slik gjør vi det", "level": "h2"}),
                ("paragraph", f"<p>{text(n + 1, 120)}</p>"),
            ],
        )
        parent.add_child(instance=page)
        publish(page)
        translate_page(page, nn)
    log(f"{GENERAL_PAGES} general pages per language")


def tools(nb, nn):
    from guide.models import Tool

    have = Tool.objects.filter(locale=nb, title__startswith="Benkverktøy").count()
    for n in range(have, TOOLS):
        source = Tool.objects.create(
            locale=nb, title=f"Benkverktøy {n + 1:03d}", description=text(n, 20), translation_key=uuid.uuid4()
        )
        Tool.objects.create(
            locale=nn,
            title=f"Benkverktøy {n + 1:03d} (nn)",
            description=text(n, 20),
            translation_key=source.translation_key,
        )
    log(f"{Tool.objects.filter(locale=nb).count()} tools per language")


def service_units(nb, nn):
    try:
        from network.models import Person, ServiceUnit, ServiceUnitAgent
    except ImportError:
        log("service units skipped: no network app in this build")
        return

    types = [choice for choice, _label in ServiceUnit.TYPE_CHOICES]
    have = ServiceUnit.objects.filter(locale=nb, name__startswith="Benkenhet").count()
    for n in range(have, SERVICE_UNITS):
        people = {}
        for role in range(3):
            key = uuid.uuid4()
            number = n * 3 + role
            for locale in (nb, nn):
                people[(role, locale.pk)] = Person.objects.create(
                    locale=locale,
                    translation_key=key,
                    name=f"Benkperson {number:04d}",
                    title="Pedagogisk leder" if role else "Enhetsleder",
                    department="Oppvekst",
                    phone=f"12 34 {number // 100 % 100:02d} {number % 100:02d}",
                    email=f"benk{number}@fjordvik.example",
                )
        key = uuid.uuid4()
        for locale in (nb, nn):
            unit = ServiceUnit(
                locale=locale,
                translation_key=key,
                name=f"Benkenhet {n + 1:03d}",
                unit_type=types[n % len(types)],
                is_pilot=n % 5 == 0,
                leader=people[(0, locale.pk)],
            )
            unit.save()
            for role in (1, 2):
                ServiceUnitAgent.objects.create(
                    unit=unit,
                    person=people[(role, locale.pk)],
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    sort_order=role,
                )
    log(f"{ServiceUnit.objects.filter(locale=nb).count()} service units per language")


def _six_steps(raw, tool_ids):
    steps = [block for block in raw if block["type"] == "step"]
    others = [block for block in raw if block["type"] != "step"]
    result = list(others)
    for n in range(STEPS_PER_LEVEL):
        block = copy.deepcopy(steps[n % len(steps)])
        block["id"] = str(uuid.uuid4())
        value = block["value"]
        if n >= len(steps):
            value["title"] = f"{value['title']} ({n + 1})"
        value["tools"] = [
            {"id": str(uuid.uuid4()), "type": "item", "value": tool_ids[(n * 2 + i) % len(tool_ids)]}
            for i in range(2)
        ]
        value["next_steps"] = [
            {
                "id": str(uuid.uuid4()),
                "type": "item",
                "value": {"step": n + 2, "text": "Neste steg", "level": ""},
            }
        ][: 1 if n + 1 < STEPS_PER_LEVEL else 0]
        result.append(block)
    return result


def guide(nb, nn):
    from guide.models import GuideIndexPage, GuideLevelPage, ServiceAreaGuidePage, Tool

    for locale in (nb, nn):
        index = GuideIndexPage.objects.get(locale=locale)
        areas = list(ServiceAreaGuidePage.objects.child_of(index))
        tool_ids = list(Tool.objects.filter(locale=locale).order_by("pk").values_list("pk", flat=True))
        if len(areas) < GUIDE_AREAS:
            raise SystemExit(f"the demo guide has {len(areas)} areas in {locale}; expected {GUIDE_AREAS}")
        for area in areas[:GUIDE_AREAS]:
            for level in GuideLevelPage.objects.child_of(area):
                steps = [block for block in level.steps.raw_data if block["type"] == "step"]
                if len(steps) == STEPS_PER_LEVEL:
                    continue
                level.steps = _six_steps(list(level.steps.raw_data), tool_ids)
                publish(level)
    log(f"{GUIDE_AREAS} guide areas x 4 levels x {STEPS_PER_LEVEL} steps per language")


def services(nb, nn):
    """1 000 services when the project has a service directory (guide's directory work)."""
    from django.apps import apps

    builder = None
    for app_label in ("guide", "network", "home"):
        try:
            module = __import__(f"{app_label}.bench", fromlist=["build_services"])
        except ImportError:
            continue
        builder = getattr(module, "build_services", None)
        if builder:
            break
    if builder is None:
        known = [m.__name__ for m in apps.get_models() if m.__name__ in {"Service", "ServicePage"}]
        log(f"services skipped: no <app>.bench.build_services() (service models found: {known or 'none'})")
        return
    builder(nb, nn, SERVICES)
    log(f"{SERVICES} services per language")


def bench_agent():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_AGENT, defaults={"email": "agent@fjordvik.example"}
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get_or_create(name="BTI-agenter")[0])
    try:
        from network.models import Person
    except ImportError:
        return user
    # Linked as an agent of a unit, so the intranet start page has "my units" to show.
    people = Person.objects.filter(name__startswith="Benkperson", locale__language_code="nb").order_by("pk")
    if people.count() > 1 and hasattr(Person, "user"):
        Person.objects.filter(translation_key=people[1].translation_key).update(user=user)
    return user


def main():
    django.setup()
    from wagtail.models import Locale

    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    tools(nb, nn)
    guide(nb, nn)
    service_units(nb, nn)
    general_pages(nb, nn)
    services(nb, nn)
    bench_agent()


if __name__ == "__main__":
    main()
