"""A small but complete bilingual portal for tests, built with the apps' factories.

`build_portal()` makes one page of each kind the portal's front end needs, in Bokmål, and
translates each to Nynorsk through wagtail-localize (home.demo.bilingual.translate: the real
translation machinery, with every text given in both languages). Tests assert on what this
module created (the returned `Portal` and the constants below), never on the demo's prose.

Tree (nb slug / nn slug):

    bti/                                  front page, the Site's root page
      om-bti/                             content page (in the menu, linked from the footer)
      tilgjengelighetserklaering/         accessibility statement / tilgjengelegheitserklaering
      handlingsveileder/                  guide index (workflow page) / handlingsrettleiar
        verktoy/                          tool library
        barnehage/                        service area guide
          niva-2/                         level page
      bekymret-for-et-barn/               concern page / uroa-for-eit-barn
      hjelpetilbud/                       service directory (workflow page) / hjelpetilbod
        helsestasjonen/, familieteamet/   services
      nettverk/                           network index
        bti-nettverket/                   network group
      intranett/                          intranet root, restricted to the intranet groups
        moteplan/                         meeting plan (a RoutablePage)
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from guide.factories import (
    ConcernPageFactory,
    GuideIndexPageFactory,
    GuideLevelPageFactory,
    ServiceAreaGuidePageFactory,
    ServiceDirectoryPageFactory,
    ServicePageFactory,
    ToolFactory,
    ToolLibraryPageFactory,
)
from home.demo.bilingual import Glossary, translate
from home.editorial import setup
from home.factories import (
    AccessibilityStatementPageFactory,
    ContentPageFactory,
    HomePageFactory,
    SiteProfileFactory,
)
from network.factories import (
    IntranetPageFactory,
    MeetingPlanPageFactory,
    NetworkGroupPageFactory,
    NetworkIndexPageFactory,
)

LANGUAGES = ("nb", "nn")
# Who may see the intranet (the app's groups; the migrations create them).
INTRANET_GROUPS = (setup.AGENTS, setup.COORDINATORS, setup.EDITORS)

# Texts the tests look for, as (nb, nn).
HOME_TITLE = ("Prøveportalen for samarbeid", "Prøveportalen for samarbeid")
HOME_HEADING = ("Samarbeid om barnet", "Samarbeid om barnet")
HOME_PARAGRAPH = (
    "<p>Barnehagen og skolen hjelper barnet sammen med foreldrene – ikke alene.</p>",
    "<p>Barnehagen og skulen hjelper barnet saman med foreldra – ikkje åleine.</p>",
)
HOME_TABLE_CAPTION = ("Nivåene i prøvemodellen", "Nivåa i prøvemodellen")
HOME_TABLE = [
    [("Nivå", "Nivå"), ("Hva skjer", "Kva skjer")],
    [("Nivå 1", "Nivå 1"), ("Tiltak i egen tjeneste", "Tiltak i eiga teneste")],
    [("Nivå 2", "Nivå 2"), ("To tjenester samarbeider", "To tenester samarbeider")],
]
HOME_FAQ = (("Hvem kan ringe?", "Kven kan ringje?"), ("<p>Alle kan ringe.</p>", "<p>Alle kan ringje.</p>"))
ABOUT_TITLE = ("Om prøvearbeidet", "Om prøvearbeidet")
ABOUT_INTRO = ("Hvorfor kommunen prøver ut modellen.", "Kvifor kommunen prøver ut modellen.")
ABOUT_BODY = (
    "<p>Arbeidet med stafettholder og stafettloggen går i faser.</p>",
    "<p>Arbeidet med stafetthaldar og stafettloggen går i fasar.</p>",
)
STATEMENT_DEVIATION = (
    "<ul><li>Noen skjemaer er PDF-filer uten merking.</li></ul>",
    "<ul><li>Nokre skjema er PDF-filer utan merking.</li></ul>",
)
MUNICIPALITY = ("Prøvestad kommune", "Prøvestad kommune")
OPENING_HOURS = ("Hverdager kl. 08.00–15.30", "Kvardagar kl. 08.00–15.30")
TOOL_TITLE = ("Samtaleguide for foreldremøtet", "Samtaleguide for foreldremøtet")
STEP_TITLE = ("Snakk med foreldrene", "Snakk med foreldra")
STATEMENT_EMAIL = "uu@provestad.example"
SERVICES = [
    {
        "slug": "helsestasjonen",
        "title": ("Helsestasjonen", "Helsestasjonen"),
        "intro": ("Råd og samtaler for foreldre og barn.", "Råd og samtalar for foreldre og barn."),
        "topics": ["familie"],
        "target_groups": ["0-5", "foreldre"],
    },
    {
        "slug": "familieteamet",
        "title": ("Familieteamet", "Familieteamet"),
        "intro": ("Hjelp når hverdagen er vanskelig.", "Hjelp når kvardagen er vanskeleg."),
        "topics": ["familie"],
        "target_groups": ["6-12", "foreldre"],
    },
]


PAGE_NAMES = [
    "home",
    "about",
    "statement",
    "guide",
    "library",
    "area",
    "level",
    "concern",
    "directory",
    "network",
    "group",
    "intranet",
    "meeting_plan",
]


@dataclass
class Portal:
    """What build_portal() made; each page attribute maps "nb"/"nn" to the specific page."""

    site: Site
    locales: dict
    home: dict = field(default_factory=dict)
    about: dict = field(default_factory=dict)
    statement: dict = field(default_factory=dict)
    profile: dict = field(default_factory=dict)
    guide: dict = field(default_factory=dict)
    library: dict = field(default_factory=dict)
    area: dict = field(default_factory=dict)
    level: dict = field(default_factory=dict)
    concern: dict = field(default_factory=dict)
    directory: dict = field(default_factory=dict)
    services: dict = field(default_factory=dict)
    network: dict = field(default_factory=dict)
    group: dict = field(default_factory=dict)
    intranet: dict = field(default_factory=dict)
    tool: dict = field(default_factory=dict)
    meeting_plan: dict = field(default_factory=dict)

    def fresh(self):
        """The same portal with every page and profile read again from the database."""
        from home.models import SiteProfile

        copy = Portal(site=Site.objects.get(pk=self.site.pk), locales=dict(self.locales))
        for name in PAGE_NAMES:
            setattr(
                copy,
                name,
                {lang: Page.objects.get(pk=page.pk).specific for lang, page in getattr(self, name).items()},
            )
        copy.services = {
            lang: [Page.objects.get(pk=page.pk).specific for page in pages]
            for lang, pages in self.services.items()
        }
        copy.profile = {
            lang: SiteProfile.objects.get(pk=profile.pk) for lang, profile in self.profile.items()
        }
        return copy

    def pages(self, language):
        """Every page built in `language`, front page first."""
        found = [getattr(self, name)[language] for name in PAGE_NAMES]
        return found + list(self.services[language])


def publish(page):
    page.save_revision().publish()
    return page


def build_portal() -> Portal:
    """Build the portal in the current transaction and return what was made."""
    t = Glossary()
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    root = Page.get_first_root_node()

    def rich(pair):
        return RichText(t.html(*pair))

    home = publish(
        HomePageFactory(
            parent=root,
            locale=nb,
            title=t.text(*HOME_TITLE),
            slug=t.text("bti", "bti"),
            intro=t.text("Tidlig og samordnet hjelp til barn.", "Tidleg og samordna hjelp til barn."),
            body=[
                ("heading", {"text": t.text(*HOME_HEADING), "level": "h2"}),
                ("paragraph", rich(HOME_PARAGRAPH)),
                (
                    "table",
                    {
                        "caption": t.text(*HOME_TABLE_CAPTION),
                        "table": {
                            "first_row_is_table_header": True,
                            "first_col_is_header": True,
                            "data": [[t.text(*cell) for cell in row] for row in HOME_TABLE],
                        },
                    },
                ),
                (
                    "faq",
                    {
                        "title": t.text("Spørsmål og svar", "Spørsmål og svar"),
                        "items": [{"question": t.text(*HOME_FAQ[0]), "answer": t.html(*HOME_FAQ[1])}],
                    },
                ),
            ],
        )
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    previous_root_id = site.root_page_id if site.pk else None
    site.root_page = home
    site.site_name = "BTI-portalen"
    site.is_default_site = True
    site.save()
    if previous_root_id and previous_root_id != home.pk:  # Wagtail's welcome page
        Page.objects.filter(pk=previous_root_id, depth=2).delete()
    portal = Portal(site=site, locales={"nb": nb, "nn": nn})

    about = publish(
        ContentPageFactory(
            parent=home,
            title=t.text(*ABOUT_TITLE),
            slug=t.text("om-bti", "om-bti"),
            intro=t.text(*ABOUT_INTRO),
            body=[("paragraph", rich(ABOUT_BODY))],
            show_in_menus=True,
        )
    )
    statement = publish(
        AccessibilityStatementPageFactory(
            parent=home,
            title=t.text("Tilgjengelighetserklæring", "Tilgjengelegheitserklæring"),
            slug=t.text("tilgjengelighetserklaering", "tilgjengelegheitserklaering"),
            intro=t.text("Slik oppfyller portalen kravene.", "Slik oppfyller portalen krava."),
            standard=t.text("WCAG 2.1 nivå AA", "WCAG 2.1 nivå AA"),
            known_deviations=[("paragraph", rich(STATEMENT_DEVIATION))],
            feedback_email=STATEMENT_EMAIL,
            feedback_phone="12 34 56 00",
            uustatus_url="https://www.uustatus.no/",
            last_reviewed=datetime.date(2026, 1, 15),
        )
    )
    profile = SiteProfileFactory(
        locale=nb,
        municipality_name=t.text(*MUNICIPALITY),
        portal_name=t.text("BTI", "BTI"),
        address=t.text("Rådhuset, Storgata 1", "Rådhuset, Storgata 1"),
        opening_hours=t.text(*OPENING_HOURS),
        footer_links=[("link", {"title": t.text(*ABOUT_TITLE), "page": about, "url": ""})],
    )

    guide = publish(
        GuideIndexPageFactory(
            parent=home,
            title=t.text("Handlingsveileder", "Handlingsrettleiar"),
            slug=t.text("handlingsveileder", "handlingsrettleiar"),
            intro=t.text("Slik arbeider vi nivå for nivå.", "Slik arbeider vi nivå for nivå."),
            show_in_menus=True,
        )
    )
    library = publish(
        ToolLibraryPageFactory(
            parent=guide,
            title=t.text("Verktøy og skjemaer", "Verktøy og skjema"),
            slug=t.text("verktoy", "verktoy"),
            intro=t.text("Alle skjemaer i veilederen.", "Alle skjema i rettleiaren."),
        )
    )
    area = publish(
        ServiceAreaGuidePageFactory(
            parent=guide,
            title=t.text("Barnehage", "Barnehage"),
            slug=t.text("barnehage", "barnehage"),
            intro=t.text("Slik arbeider barnehagen.", "Slik arbeider barnehagen."),
        )
    )
    tool = ToolFactory(
        locale=nb,
        title=t.text(*TOOL_TITLE),
        description=t.text("Til samtalen med foreldrene.", "Til samtalen med foreldra."),
    )
    level = publish(
        GuideLevelPageFactory(
            parent=area,
            title=t.text("Nivå 2: To tjenester samarbeider", "Nivå 2: To tenester samarbeider"),
            slug=t.text("niva-2", "niva-2"),
            intro=t.text("Barnehagen og en tjeneste til.", "Barnehagen og ei teneste til."),
            level=2,
            steps=[
                (
                    "step",
                    {
                        "title": t.text(*STEP_TITLE),
                        "what": rich(("<p>Snakk med foreldrene.</p>", "<p>Snakk med foreldra.</p>")),
                        "how": rich(("<p>Bruk samtaleguiden.</p>", "<p>Bruk samtaleguiden.</p>")),
                        "who": t.text("Pedagogisk leder", "Pedagogisk leiar"),
                        "tools": [tool],
                        "time_limit": "",
                        "next_steps": [],
                    },
                )
            ],
        )
    )
    concern = publish(
        ConcernPageFactory(
            parent=home,
            title=t.text("Er du bekymret for et barn?", "Er du uroa for eit barn?"),
            slug=t.text("bekymret-for-et-barn", "uroa-for-eit-barn"),
            intro=t.text("Hva du kan gjøre.", "Kva du kan gjere."),
            child_welfare_phone=t.text("12 34 52 00", "12 34 52 00"),
            emergency_phone=t.text("12 34 59 99", "12 34 59 99"),
        )
    )
    directory = publish(
        ServiceDirectoryPageFactory(
            parent=home,
            title=t.text("Hvem kan hjelpe?", "Kven kan hjelpe?"),
            slug=t.text("hjelpetilbud", "hjelpetilbod"),
            intro=t.text("Alle hjelpetilbud for familier.", "Alle hjelpetilboda for familiar."),
            brochure_intro=t.text("Her får du hjelp.", "Her får du hjelp."),
            show_in_menus=True,
        )
    )
    services = [
        publish(
            ServicePageFactory(
                parent=directory,
                title=t.text(*data["title"]),
                slug=t.text(data["slug"], data["slug"]),
                intro=t.text(*data["intro"]),
                provider=t.text(*MUNICIPALITY),
                address=t.text("Storgata 1, 9999 Prøvestad", "Storgata 1, 9999 Prøvestad"),
                opening_hours=t.text(*OPENING_HOURS),
                topics=data["topics"],
                target_groups=data["target_groups"],
            )
        )
        for data in SERVICES
    ]
    network = publish(
        NetworkIndexPageFactory(
            parent=home,
            title=t.text("BTI-nettverket", "BTI-nettverket"),
            slug=t.text("nettverk", "nettverk"),
            intro=t.text("Hvem gjør hva i samarbeidet.", "Kven gjer kva i samarbeidet."),
        )
    )
    group = publish(
        NetworkGroupPageFactory(
            parent=network,
            title=t.text("Nettverksgruppen", "Nettverksgruppa"),
            slug=t.text("bti-nettverket", "bti-nettverket"),
            intro=t.text("Agentene møtes jevnlig.", "Agentane møtest jamleg."),
            meeting_rhythm=t.text("Hver 6.–8. uke", "Kvar 6.–8. veke"),
        )
    )
    intranet = publish(
        IntranetPageFactory(
            parent=home,
            title=t.text("Intranett for nettverket", "Intranett for nettverket"),
            slug=t.text("intranett", "intranett"),
            intro=t.text("Arbeidsrommet for agentene.", "Arbeidsrommet for agentane."),
        )
    )
    restrict_to_intranet_groups(intranet)
    meeting_plan = publish(
        MeetingPlanPageFactory(
            parent=intranet,
            title=t.text("Møteplan", "Møteplan"),
            slug=t.text("moteplan", "moteplan"),
            intro=t.text("Møtene dette året.", "Møta dette året."),
        )
    )

    built = {
        "home": home,
        "about": about,
        "statement": statement,
        "guide": guide,
        "library": library,
        "area": area,
        "level": level,
        "concern": concern,
        "directory": directory,
        "network": network,
        "group": group,
        "intranet": intranet,
        "meeting_plan": meeting_plan,
    }
    for name, page in built.items():  # parents come before their children
        getattr(portal, name).update({"nb": page, "nn": translate(page, t)})
    portal.services = {"nb": services, "nn": [translate(service, t) for service in services]}
    portal.profile = {"nb": profile, "nn": translate(profile, t)}
    portal.tool = {"nb": tool, "nn": translate(tool, t)}
    if not PageViewRestriction.objects.filter(page=portal.intranet["nn"]).exists():
        restrict_to_intranet_groups(portal.intranet["nn"])

    # The workflow on the guide and the directory, the coordinators' intranet permissions: what the
    # data migration and the page signals do on a real site.
    setup.configure(apps)
    return portal


def parse(html):
    """A response's HTML as a BeautifulSoup tree: tests find elements, not strings of markup."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def restrict_to_intranet_groups(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=INTRANET_GROUPS))
