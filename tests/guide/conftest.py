"""Data the guide tests build for themselves (they pass with and without the demo portal loaded)."""

import uuid

from wagtail.models import Page, Site

import pytest

from home.models import HomePage


def front_page_of(locale):
    """The front page of `locale`'s tree: the demo's if it is loaded, otherwise a new one (the
    default site's root). Nynorsk: see `nn_home`."""
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title=f"Forside {locale.language_code}", slug=f"forside-{locale.language_code}", locale=locale
        )
    )
    if locale.language_code == "nb":
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="Fjordvik"
            )
        else:
            site.root_page = home
            site.save()
        # Wagtail's own welcome page, no longer any site's root, is not a front page: unpublished,
        # it is not taken for one (home/chrome.py looks for the live pages at depth 2).
        Page.objects.filter(depth=2, locale=locale).exclude(pk=home.pk).not_type(HomePage).update(live=False)
    return home


@pytest.fixture
def nb_home(nb):
    return front_page_of(nb)


@pytest.fixture
def nn_home(nb, nn):
    """The Nynorsk front page, a translation of the Bokmål one (as in the demo)."""
    home = HomePage.objects.filter(depth=2, locale=nn).first()
    if home is not None:
        return home
    home = front_page_of(nb).copy_for_translation(nn)
    home.save_revision().publish()
    return home


def step(title, tools=(), next_steps=(), who="Pedagogisk leder", time_limit="Avklar innen 14 dager"):
    """A step as stored (raw StreamField JSON)."""
    return {
        "type": "step",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "what": "<p>Hva som skal gjøres.</p>",
            "how": "<p>Slik gjør du det.</p>",
            "who": who,
            "tools": [{"type": "item", "value": tool.pk, "id": str(uuid.uuid4())} for tool in tools],
            "time_limit": time_limit,
            "next_steps": [{"type": "item", "value": link, "id": str(uuid.uuid4())} for link in next_steps],
        },
    }


def link(text, level=None, number=None):
    return {"text": text, "level": "" if level is None else str(level), "step": number}


def translate_page(page, locale, **fields):
    """`page` copied to `locale` and published; `fields`: the translation's own wording."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return Page.objects.get(pk=translation.pk).specific  # as published (a new slug: a new url_path)


@pytest.fixture
def guide_tree(nb_home, nn_home, nn):
    """A small guide of its own, in Bokmål and (translated) Nynorsk: two service areas, four levels
    in the first (one in the second), a tool library, a citizen page and two tools, one used only at
    nivå 0 and one (with its own Nynorsk file) only at nivå 1 of the first area."""
    from guide.factories import (
        ConcernPageFactory,
        GuideIndexPageFactory,
        GuideLevelPageFactory,
        ServiceAreaGuidePageFactory,
        ToolDocumentFactory,
        ToolFactory,
        ToolLibraryPageFactory,
    )

    signs = ToolFactory(title="Tegn på mistrivsel i testen")
    consent = ToolFactory(
        title="Samtykke i testen", document=ToolDocumentFactory(file=pdf_file("samtykke-nb.pdf"))
    )
    guide = GuideIndexPageFactory(parent=nb_home, title="Testveilederen", slug="testveileder")
    area = ServiceAreaGuidePageFactory(
        parent=guide,
        title="Testbarnehagen",
        slug="testbarnehage",
        responsible_name="Mona Testesen",
        responsible_role="Styrer",
    )
    other_area = ServiceAreaGuidePageFactory(parent=guide, title="Testskolen", slug="testskole")
    levels = {}
    for number in range(4):
        steps = [step(f"Første steg på nivå {number}"), step(f"Andre steg på nivå {number}")]
        if number == 0:
            steps[0] = step("Første steg på nivå 0", tools=[signs], next_steps=[link("Gå til nivå 1", 1)])
        if number == 1:
            steps[0] = step(
                "Første steg på nivå 1", tools=[consent], next_steps=[link("Tilbake til nivå 0", 0, 2)]
            )
        levels[number] = GuideLevelPageFactory(
            parent=area, title=f"Nivå {number}", slug=f"niva-{number}", level=number, steps=json_steps(steps)
        )
    other_level = GuideLevelPageFactory(
        parent=other_area, title="Nivå 2", slug="niva-2", level=2, steps=json_steps([step("Skolens steg")])
    )
    library = ToolLibraryPageFactory(
        parent=guide, slug="verktoy", responsible_name="Ingrid Testfjell", responsible_role="BTI-koordinator"
    )
    concern = ConcernPageFactory(parent=nb_home, slug="bekymret-test", emergency_phone="12 34 59 99")

    nn_consent = consent.copy_for_translation(nn)
    nn_consent.document = ToolDocumentFactory(file=pdf_file("samtykke-nn.pdf"))
    nn_consent.save()
    nn_signs = signs.copy_for_translation(nn)
    nn_signs.save()
    nn_tools = {signs.pk: nn_signs.pk, consent.pk: nn_consent.pk}
    nn_pages = {}
    for page in [guide, area, other_area, *levels.values(), other_level, library, concern]:
        nn_pages[page.pk] = translate_page(page, nn)
    for level in levels.values():  # the Nynorsk steps choose the Nynorsk tools (as wagtail-localize does)
        nn_level = nn_pages[level.pk]
        raw = list(nn_level.steps.raw_data)
        for block in raw:
            for item in block["value"]["tools"]:
                item["value"] = nn_tools[item["value"]]
        nn_level.steps = json_steps(raw)
        nn_level.save_revision().publish()
    return {
        "guide": guide,
        "area": area,
        "other_area": other_area,
        "levels": levels,
        "other_level": other_level,
        "library": library,
        "concern": concern,
        "tools": {"signs": signs, "consent": consent},
        "nn": nn_pages,
    }


def pdf_file(name):
    from django.core.files.base import ContentFile

    return ContentFile(b"%PDF-1.4\n%%EOF\n", name=name)


def json_steps(steps) -> str:
    import json

    return json.dumps(steps)


# The directory tests' services: (key, Bokmål fields, Nynorsk wording). Chosen so each filter picks
# a few of them, the urgent ones come first, and the rest sort æ, ø, å after z.
DIRECTORY_SERVICES = [
    (
        "krise",
        {
            "title": "Krisetelefon for barn i testen",
            "intro": "Ring døgnet rundt hvis du er redd.",
            "provider": "Staten",
            "target_groups": ["6-12", "13-18"],
            "topics": ["akutt", "vold"],
            "emergency": True,
            "anonymous": True,
            "phone": "116 111",
        },
        {"title": "Krisetelefon for born i testen", "intro": "Ring døgeret rundt om du er redd."},
    ),
    (
        "legevakt",
        {
            "title": "Døgnåpen testlegevakt",
            "intro": "Legehjelp når det haster.",
            "target_groups": ["0-5", "6-12", "13-18"],
            "topics": ["akutt", "helse"],
            "open_all_day": True,
            "phone": "12 34 50 00",
        },
        {"title": "Døgnopen testlegevakt", "intro": "Legehjelp når det hastar."},
    ),
    (
        "jordmor",
        {
            "title": "Jordmortjenesten i testen",
            "intro": "Kontroller hos jordmor i svangerskapet.",
            "provider": "Helsestasjonen",
            "target_groups": ["gravide"],
            "topics": ["graviditet", "helse"],
            "phone": "12 34 52 00",
            "email": "jordmor@fjordvik.example",
        },
        {
            "title": "Jordmortenesta i testen",
            "slug": "jordmortenesta-i-testen",
            "intro": "Kontrollar hos jordmor i svangerskapet.",
        },
    ),
    (
        "rusteam",
        {
            "title": "Rusteamet i testen",
            "intro": "Samtaler om alkohol og andre rusmidler.",
            "target_groups": ["13-18", "unge-voksne"],
            "topics": ["rus", "psykisk-helse"],
            "anonymous": True,
        },
        {"title": "Rusteamet i testen", "intro": "Samtalar om alkohol og andre rusmiddel."},
    ),
    (
        "zebra",
        {
            "title": "Zebra leksehjelp",
            "intro": "Gratis hjelp med leksene.",
            "target_groups": ["6-12", "13-18"],
            "topics": ["laering"],
        },
        {"title": "Zebra leksehjelp", "intro": "Gratis hjelp med leksene."},
    ),
    (
        "aeskeladden",
        {
            "title": "Æskeladden foreldreveiledning",
            "intro": "Kurs for mødre og fedre.",
            "target_groups": ["foreldre"],
            "topics": ["familie"],
            "self_referral": False,
            "needs_referral": True,
        },
        {"title": "Æskeladden foreldrerettleiing", "intro": "Kurs for mødrer og fedrar."},
    ),
    (
        "ornereiret",
        {
            "title": "Ørnereiret ungdomsklubb",
            "intro": "Et sted å være etter skolen.",
            "target_groups": ["13-18"],
            "topics": ["fritid", "rus"],
            "drop_in": True,
            "anonymous": True,
        },
        {"title": "Ørnereiret ungdomsklubb", "intro": "Ein stad å vere etter skulen."},
    ),
    (
        "barnehage",
        {
            "title": "Åpen testbarnehage",
            "intro": "Lek og kaffe for små barn og de voksne deres.",
            "target_groups": ["0-5", "foreldre"],
            "topics": ["familie", "fritid"],
            "drop_in": True,
        },
        {"title": "Open testbarnehage", "intro": "Leik og kaffi for små born og dei vaksne deira."},
    ),
]


@pytest.fixture
def directory_tree(nb_home, nn_home, nn):
    """A service directory of its own, in Bokmål and (translated, with its own wording) Nynorsk,
    with the services of DIRECTORY_SERVICES, by key: {"nb", "nn", "services", "nn_services"}."""
    from guide.factories import ServiceDirectoryPageFactory, ServicePageFactory

    directory = ServiceDirectoryPageFactory(
        parent=nb_home, title="Hjelpetilbud i testen", slug="testhjelp", brochure_intro="Om testens tilbud."
    )
    nn_directory = translate_page(
        directory,
        nn,
        title="Hjelpetilbod i testen",
        slug="testhjelp-nn",
        intro="Kven kan hjelpe? Alle tilboda.",
        brochure_intro="Om tilboda i testen.",
    )
    services, nn_services = {}, {}
    for key, fields, nn_fields in DIRECTORY_SERVICES:
        services[key] = ServicePageFactory(parent=directory, **fields)
        nn_services[key] = translate_page(services[key], nn, **nn_fields)
    return {"nb": directory, "nn": nn_directory, "services": services, "nn_services": nn_services}
