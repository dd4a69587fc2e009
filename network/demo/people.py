"""Invented people and service units for Fjordvik kommune (nb + nn).

Nobody here exists. Names are combined from common Norwegian first and last names, phone numbers
follow the "12 34 xx xx" demo pattern and e-mail addresses end in @fjordvik.example."""

import datetime
import unicodedata

from wagtail.models import Locale

from home.demo.bilingual import Glossary, translate
from network.models import Person, ServiceUnit, ServiceUnitAgent

# (key, name, title nb, title nn, department nb, department nn)
CENTRAL_PEOPLE = [
    ("dir-oppvekst", "Solveig Brekke", "Direktør oppvekst", "Direktør oppvekst", "Oppvekst", "Oppvekst"),
    (
        "dir-helse",
        "Tor Eide Lunde",
        "Direktør helse og mestring",
        "Direktør helse og meistring",
        "Helse og mestring",
        "Helse og meistring",
    ),
    (
        "overlege",
        "Marit Nyhus",
        "Kommuneoverlege",
        "Kommuneoverlege",
        "Helse og mestring",
        "Helse og meistring",
    ),
    ("ks-bhg", "Geir Aasland", "Kommunalsjef barnehage", "Kommunalsjef barnehage", "Oppvekst", "Oppvekst"),
    ("ks-skole", "Hilde Vatne", "Kommunalsjef skole", "Kommunalsjef skule", "Oppvekst", "Oppvekst"),
    (
        "ks-helse",
        "Ragnar Fjeld",
        "Kommunalsjef helsetjenester for barn og unge",
        "Kommunalsjef helsetenester for barn og unge",
        "Helse og mestring",
        "Helse og meistring",
    ),
    (
        "ks-bv",
        "Eva Moen Strand",
        "Kommunalsjef barnevern",
        "Kommunalsjef barnevern",
        "Barnevern",
        "Barnevern",
    ),
    ("ks-nav", "Olav Grønli", "Kommunalsjef NAV", "Kommunalsjef NAV", "NAV Fjordvik", "NAV Fjordvik"),
    ("as-ppt", "Kjell Ove Rasmussen", "Avdelingssjef", "Avdelingssjef", "PPT", "PPT"),
    ("as-fagstab", "Randi Lie", "Avdelingssjef", "Avdelingssjef", "Fagstab oppvekst", "Fagstab oppvekst"),
    (
        "teamleder",
        "Ingrid Sæther",
        "Teamleder for tverrfaglig samarbeid og prosjektleder for BTI",
        "Teamleiar for tverrfagleg samarbeid og prosjektleiar for BTI",
        "Fagstab oppvekst",
        "Fagstab oppvekst",
    ),
    (
        "slt",
        "Jonas Hovland",
        "SLT-koordinator",
        "SLT-koordinator",
        "Avdeling for barn og unge i kultur",
        "Avdeling for barn og unge i kultur",
    ),
    ("radgiver-ppt", "Lise Tangen", "Tverrfaglig rådgiver", "Tverrfagleg rådgjevar", "PPT", "PPT"),
    (
        "radgiver-fagstab",
        "Mona Kvalheim",
        "Tverrfaglig rådgiver",
        "Tverrfagleg rådgjevar",
        "Fagstab oppvekst",
        "Fagstab oppvekst",
    ),
    (
        "folkehelse",
        "Are Bjørnstad",
        "Folkehelsekoordinator",
        "Folkehelsekoordinator",
        "Helse og mestring",
        "Helse og meistring",
    ),
    (
        "leder-kultur",
        "Siri Holm",
        "Avdelingsleder",
        "Avdelingsleiar",
        "Avdeling for barn og unge i kultur",
        "Avdeling for barn og unge i kultur",
    ),
    (
        "pg-bv",
        "Nils Aune",
        "Barnevernspedagog",
        "Barnevernspedagog",
        "Barneverntjenesten",
        "Barnevernstenesta",
    ),
    (
        "pg-psyk",
        "Hanne Sletten",
        "Familieterapeut",
        "Familieterapeut",
        "Psykisk helse og familiestøtte",
        "Psykisk helse og familiestøtte",
    ),
]

PILOT_START = datetime.date(2025, 8, 1)
PILOT_END = datetime.date(2026, 6, 30)

# (name nb, name nn, type, pilot, leader title nb/nn, agent title nb/nn or None when the leader is the agent)
UNITS = [
    ("Bjørkelia barnehage", "Bjørkelia barnehage", ServiceUnit.KINDERGARTEN, True, "styrer", "pedleder"),
    ("Fjordtun barnehage", "Fjordtun barnehage", ServiceUnit.KINDERGARTEN, True, "styrer", "pedleder"),
    ("Solsiden barnehage", "Solsida barnehage", ServiceUnit.KINDERGARTEN, True, "styrer", "pedleder"),
    ("Lyngheia barnehage", "Lyngheia barnehage", ServiceUnit.KINDERGARTEN, False, "styrer", "pedleder"),
    ("Havgløtt barnehage", "Havgløtt barnehage", ServiceUnit.KINDERGARTEN, False, "styrer", "pedleder"),
    ("Skogly barnehage", "Skogly barnehage", ServiceUnit.KINDERGARTEN, False, "styrer", None),
    ("Tussebo familiebarnehage", "Tussebo familiebarnehage", ServiceUnit.KINDERGARTEN, False, "styrer", None),
    ("Fjordvik skole", "Fjordvik skule", ServiceUnit.SCHOOL, True, "rektor", "laerer"),
    ("Åsen skole", "Åsen skule", ServiceUnit.SCHOOL, True, "rektor", "laerer"),
    ("Nordvik skole", "Nordvik skule", ServiceUnit.SCHOOL, False, "rektor", "laerer"),
    ("Lia skole", "Lia skule", ServiceUnit.SCHOOL, False, "rektor", "laerer"),
    ("Sjøbakken ungdomsskole", "Sjøbakken ungdomsskule", ServiceUnit.SCHOOL, False, "rektor", "sosiallaerer"),
    (
        "Helsestasjon og skolehelsetjeneste, sentrum",
        "Helsestasjon og skulehelseteneste, sentrum",
        ServiceUnit.HEALTH,
        True,
        "seksjonsleder",
        "helsesykepleier",
    ),
    (
        "Helsestasjon og skolehelsetjeneste, nord",
        "Helsestasjon og skulehelseteneste, nord",
        ServiceUnit.HEALTH,
        False,
        "seksjonsleder",
        "helsesykepleier",
    ),
    ("Jordmortjenesten", "Jordmortenesta", ServiceUnit.HEALTH, True, "seksjonsleder", "jordmor"),
    (
        "Barneverntjenesten",
        "Barnevernstenesta",
        ServiceUnit.HELP_SERVICE,
        False,
        "avdelingsleder",
        "radgiver",
    ),
    (
        "Pedagogisk-psykologisk tjeneste (PPT)",
        "Pedagogisk-psykologisk teneste (PPT)",
        ServiceUnit.HELP_SERVICE,
        False,
        "avdelingsleder",
        "radgiver",
    ),
    (
        "Psykisk helse og familiestøtte",
        "Psykisk helse og familiestøtte",
        ServiceUnit.HELP_SERVICE,
        False,
        "avdelingsleder",
        "radgiver",
    ),
    ("Oppsøkende ungdomsteam", "Oppsøkjande ungdomsteam", ServiceUnit.HELP_SERVICE, False, "teamleder", None),
    ("NAV Fjordvik", "NAV Fjordvik", ServiceUnit.HELP_SERVICE, False, "avdelingsleder", "radgiver"),
    (
        "Psykisk helse og avhengighet",
        "Psykisk helse og avhengnad",
        ServiceUnit.HELP_SERVICE,
        False,
        "avdelingsleder",
        "radgiver",
    ),
    (
        "Tjenestetorg for barn, unge og familier",
        "Tenestetorg for barn, unge og familiar",
        ServiceUnit.HELP_SERVICE,
        False,
        "teamleder",
        "radgiver",
    ),
]

TITLES = {
    "styrer": ("Styrer", "Styrar"),
    "pedleder": ("Pedagogisk leder", "Pedagogisk leiar"),
    "rektor": ("Rektor", "Rektor"),
    "laerer": ("Kontaktlærer", "Kontaktlærar"),
    "sosiallaerer": ("Sosiallærer", "Sosiallærar"),
    "seksjonsleder": ("Seksjonsleder", "Seksjonsleiar"),
    "helsesykepleier": ("Helsesykepleier", "Helsesjukepleiar"),
    "jordmor": ("Jordmor", "Jordmor"),
    "avdelingsleder": ("Avdelingsleder", "Avdelingsleiar"),
    "teamleder": ("Teamleder", "Teamleiar"),
    "radgiver": ("Rådgiver", "Rådgjevar"),
}

FIRST_NAMES = [
    "Anne", "Bjørn", "Camilla", "Dag", "Elin", "Frode", "Gunn", "Håkon", "Ida", "Jan", "Kari", "Leif",
    "Maria", "Nora", "Ole", "Petter", "Rune", "Silje", "Trond", "Unni", "Vegard", "Wenche", "Åse", "Eirik",
]  # fmt: skip
LAST_NAMES = [
    "Berg", "Dahl", "Fossum", "Haugen", "Iversen", "Jakobsen", "Karlsen", "Lind", "Myhre", "Nygård",
    "Pedersen", "Rønning", "Solberg", "Thorsen", "Ulvestad", "Vik", "Wold", "Ås",
]  # fmt: skip


def email_for(name: str) -> str:
    ascii_name = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    ascii_name = unicodedata.normalize("NFKD", ascii_name).encode("ascii", "ignore").decode()
    return ".".join(ascii_name.split()) + "@fjordvik.example"


def invented_name(number: int) -> str:
    return f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {LAST_NAMES[(number * 7) % len(LAST_NAMES)]}"


def person(t: Glossary, nb: Locale, number: int, name: str, title: tuple, department: tuple) -> Person:
    existing = Person.objects.filter(locale=nb, name=name).first()
    t.text(*title)
    t.text(*department)
    if existing is not None:
        return existing
    return Person.objects.create(
        locale=nb,
        name=name,
        title=title[0],
        department=department[0],
        phone=f"12 34 {60 + number // 100:02d} {number % 100:02d}",
        email=email_for(name),
    )


def load_people_and_units(t: Glossary) -> dict[str, Person]:
    """Central people by key, every unit with its leader and agents; nn translations of all."""
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    people = {}
    for number, (key, name, title_nb, title_nn, dept_nb, dept_nn) in enumerate(CENTRAL_PEOPLE):
        people[key] = person(t, nb, number, name, (title_nb, title_nn), (dept_nb, dept_nn))

    units = []
    for index, (name_nb, name_nn, unit_type, is_pilot, leader_title, agent_title) in enumerate(UNITS):
        t.text(name_nb, name_nn)
        department = (name_nb, name_nn)
        leader = person(t, nb, 20 + 2 * index, invented_name(2 * index), TITLES[leader_title], department)
        if agent_title is None:
            # Small services: the leader is the BTI-agent as well, as the mandate allows.
            agent = leader
        else:
            agent = person(
                t, nb, 21 + 2 * index, invented_name(2 * index + 1), TITLES[agent_title], department
            )
        unit = ServiceUnit.objects.filter(locale=nb, name=name_nb).first()
        if unit is None:
            unit = ServiceUnit(
                locale=nb,
                name=name_nb,
                unit_type=unit_type,
                is_pilot=is_pilot,
                pilot_start=PILOT_START if is_pilot else None,
                pilot_end=PILOT_END if is_pilot else None,
                leader=leader,
            )
            unit.agent_links = [ServiceUnitAgent(person=agent, locale=nb)]
            unit.save()
        units.append(unit)

    for instance in [*Person.objects.filter(locale=nb).order_by("pk"), *units]:
        if not instance.has_translation(nn):
            translate(instance, t)
    return people
