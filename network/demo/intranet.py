"""Demo intranet (nb + nn): training packages with private files, the meeting plan for a school
year, the progress plan and three report/evaluation forms with some submissions."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from home.demo.bilingual import Glossary, add_child_once, translate
from home.demo.files import demo_pdf
from home.models import HomePage
from network.access import INTRANET_COLLECTION, INTRANET_GROUPS
from network.models import (
    IntranetPage,
    Meeting,
    MeetingPlanPage,
    NetworkGroupPage,
    ProgressPlanPage,
    ReportFormField,
    ReportFormPage,
    ReportSubmission,
    ServiceUnit,
    TrainingIndexPage,
    TrainingPackagePage,
)


def aware(year, month, day, hour=9, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def intranet_collection() -> Collection:
    collection = Collection.objects.filter(name=INTRANET_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=INTRANET_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=INTRANET_GROUPS))
    return collection


def document(collection, title: str, filename: str, lines: list[str]):
    Document = get_document_model()
    existing = Document.objects.filter(collection=collection, title=title).first()
    if existing is not None:
        return existing
    return Document.objects.create(
        title=title, collection=collection, file=ContentFile(demo_pdf([title, *lines]), name=filename)
    )


def restrict(page):
    """GROUPS restriction on `page` unless it already has one (translations copy it; check anyway)."""
    if PageViewRestriction.objects.filter(page=page).exists():
        return
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=INTRANET_GROUPS))


def training_packages(t: Glossary, docs):
    def doclist(*items):
        return {
            "title": t.text("Filer", "Filer"),
            # The link text is the page's, translated with it (home.blocks.DocumentLinkBlock).
            "documents": [{"document": d, "title": t.text(d.title, NYNORSK_TITLES[d.title])} for d in items],
        }

    return [
        TrainingPackagePage(
            title=t.text("Introduksjon til BTI for nyansatte", "Introduksjon til BTI for nytilsette"),
            slug=t.text("introduksjon-nyansatte", "introduksjon-nytilsette"),
            theme="modellen",
            audience="nyansatte",
            intro=t.text(
                "En times introduksjon til BTI-modellen, nivåene og hvem du kan spørre.",
                "Ein times introduksjon til BTI-modellen, nivåa og kven du kan spørje.",
            ),
            body=[
                (
                    "paragraph",
                    t.html(
                        "<p>Pakken brukes når nye ansatte starter. BTI-agenten går gjennom presentasjonen og "
                        "deler ut arket om nivåene.</p>",
                        "<p>Pakken blir brukt når nye tilsette byrjar. BTI-agenten går gjennom presentasjonen og "
                        "deler ut arket om nivåa.</p>",
                    ),
                ),
                ("documents", doclist(docs["intro-slides"], docs["levels-handout"])),
                (
                    "elearning",
                    {
                        "title": t.text("Tidlig innsats – nettkurs", "Tidleg innsats – nettkurs"),
                        "url": "https://www.helsedirektoratet.no/",
                        "description": t.text(
                            "Helsedirektoratets kurs om å oppdage utsatte barn tidlig.",
                            "Kurset til Helsedirektoratet om å oppdage utsette barn tidleg.",
                        ),
                    },
                ),
            ],
        ),
        TrainingPackagePage(
            title=t.text(
                "Handlingsveilederen i praksis: casearbeid", "Handlingsrettleiaren i praksis: casearbeid"
            ),
            slug=t.text("handlingsveilederen-casearbeid", "handlingsrettleiaren-casearbeid"),
            theme="handlingsveileder",
            audience="agenter",
            intro=t.text(
                "Opplegg for avdelings- og teammøter: klikk deg gjennom veilederen med et oppdiktet case.",
                "Opplegg for avdelings- og teammøte: klikk deg gjennom rettleiaren med eit oppdikta case.",
            ),
            body=[
                (
                    "paragraph",
                    t.html(
                        "<p>Bruk et oppdiktet case, gå gjennom rutinene på nivå 0 og 1, og lag en fiktiv "
                        "stafettlogg sammen. Bruk aldri ekte saker i opplæringen.</p>",
                        "<p>Bruk eit oppdikta case, gå gjennom rutinane på nivå 0 og 1, og lag ein fiktiv "
                        "stafettlogg saman. Bruk aldri verkelege saker i opplæringa.</p>",
                    ),
                ),
                ("documents", doclist(docs["case-slides"], docs["case-handout"])),
            ],
        ),
        TrainingPackagePage(
            title=t.text(
                "Stafettloggen: opprette og føre en logg", "Stafettloggen: opprette og føre ein logg"
            ),
            slug=t.text("stafettloggen", "stafettloggen"),
            theme="stafettlogg",
            audience="agenter",
            intro=t.text(
                "For superbrukere: samtykke, opprettelse, tiltak og evaluering i stafettloggen.",
                "For superbrukarar: samtykke, oppretting, tiltak og evaluering i stafettloggen.",
            ),
            body=[
                (
                    "paragraph",
                    t.html(
                        "<p>Loggen opprettes bare med samtykke fra foreldrene. Pakken viser hvordan du "
                        "oppretter loggen, fører tiltak og avtaler og gir stafetten videre.</p>",
                        "<p>Loggen blir oppretta berre med samtykke frå foreldra. Pakken viser korleis du "
                        "opprettar loggen, fører tiltak og avtalar og gjev stafetten vidare.</p>",
                    ),
                ),
                ("documents", doclist(docs["log-guide"])),
            ],
        ),
        TrainingPackagePage(
            title=t.text("Den gode samtalen med foreldre", "Den gode samtalen med foreldre"),
            slug=t.text("samtalen-med-foreldre", "samtalen-med-foreldre"),
            theme="samtaler",
            audience="ledere",
            intro=t.text(
                "Kompetansetema for ledere: hvordan ta opp undring og bekymring med foreldre.",
                "Kompetansetema for leiarar: korleis ta opp undring og uro med foreldre.",
            ),
            body=[("documents", doclist(docs["conversation-slides"]))],
        ),
    ]


# The training documents' titles on the Nynorsk pages (their link texts).
NYNORSK_TITLES = {
    "Presentasjon: BTI for nyansatte": "Presentasjon: BTI for nytilsette",
    "Utdelingsark: nivåene i BTI": "Utdelingsark: nivåa i BTI",
    "Presentasjon: casearbeid med handlingsveilederen": "Presentasjon: casearbeid med handlingsrettleiaren",
    "Utdelingsark: spørsmål til casearbeidet": "Utdelingsark: spørsmål til casearbeidet",
    "Brukerveiledning: stafettloggen": "Brukarrettleiing: stafettloggen",
    "Presentasjon: den gode samtalen": "Presentasjon: den gode samtalen",
}


def training_documents(collection):
    return {
        "intro-slides": document(
            collection,
            "Presentasjon: BTI for nyansatte",
            "bti-nyansatte.pdf",
            ["Hva er BTI?", "Nivå 0-3", "Stafettholder og stafettlogg", "Hvem er BTI-agent hos oss?"],
        ),
        "levels-handout": document(
            collection,
            "Utdelingsark: nivåene i BTI",
            "bti-nivaene.pdf",
            [
                "Nivå 0: undring",
                "Nivå 1: tiltak i egen tjeneste",
                "Nivå 2: to tjenester",
                "Nivå 3: flere tjenester",
            ],
        ),
        "case-slides": document(
            collection,
            "Presentasjon: casearbeid med handlingsveilederen",
            "casearbeid.pdf",
            [
                "Oppdiktet case: «Mia, 6 år»",
                "Hva ser vi?",
                "Hvem tar vi kontakt med?",
                "Hva skriver vi i loggen?",
            ],
        ),
        "case-handout": document(
            collection,
            "Utdelingsark: spørsmål til casearbeidet",
            "casearbeid-sporsmal.pdf",
            ["1. Hva gjør deg bekymret?", "2. Hva sier rutinen på nivå 0?", "3. Når involveres foreldrene?"],
        ),
        "log-guide": document(
            collection,
            "Brukerveiledning: stafettloggen",
            "stafettloggen.pdf",
            ["Samtykke først", "Opprett logg", "Før tiltak og avtaler", "Evaluer og gi stafetten videre"],
        ),
        "conversation-slides": document(
            collection,
            "Presentasjon: den gode samtalen",
            "den-gode-samtalen.pdf",
            ["Forbered samtalen", "Beskriv det du har sett", "Lytt", "Avtal neste steg"],
        ),
    }


def meetings(t: Glossary, collection, groups):
    """The meeting plan for school year 2026/2027."""
    network, slt, steering = groups["bti-nettverket"], groups["slt-motet"], groups["styringsgruppen"]
    plan = []
    network_agenda = [
        (
            t.text("Siden sist: erfaringer fra tjenestestedene", "Sidan sist: erfaringar frå tenestestadene"),
            "open",
        ),
        (t.text("Opplæring: tema for måneden", "Opplæring: tema for månaden"), "open"),
        (t.text("Rapportering og framdrift", "Rapportering og framdrift"), "open"),
    ]
    for month, day in [
        (8, 27),
        (9, 24),
        (10, 22),
        (11, 19),
        (12, 10),
        (1, 21),
        (2, 18),
        (3, 18),
        (4, 22),
        (5, 27),
    ]:
        year = 2026 if month >= 8 else 2027
        plan.append(
            (
                network,
                aware(year, month, day, 9),
                aware(year, month, day, 12),
                network_agenda,
                "Rådhuset, kommunestyresalen",
                "Rådhuset, kommunestyresalen",
            )
        )
    slt_agenda = [
        (t.text("Situasjonen i ungdomsmiljøet", "Situasjonen i ungdomsmiljøet"), "open"),
        (t.text("Samordning av tiltak til sommeren", "Samordning av tiltak til sommaren"), "open"),
        (
            t.text(
                "Drøfting av enkeltungdom (bare berørte, skriftlig samtykke)",
                "Drøfting av einskilde ungdommar (berre dei det gjeld, skriftleg samtykke)",
            ),
            "consent",
        ),
    ]
    for year, month, day in [
        (2026, 9, 3),
        (2026, 10, 22),
        (2026, 12, 3),
        (2027, 1, 28),
        (2027, 3, 18),
        (2027, 5, 6),
    ]:
        plan.append(
            (
                slt,
                aware(year, month, day, 13),
                aware(year, month, day, 15, 30),
                slt_agenda,
                "Kulturhuset, møterom 2",
                "Kulturhuset, møterom 2",
            )
        )
    steering_agenda = [
        (t.text("Status i BTI-prosjektet", "Status i BTI-prosjektet"), "open"),
        (t.text("Økonomi og tilskudd", "Økonomi og tilskot"), "open"),
    ]
    for year, month, day in [(2026, 9, 17), (2026, 11, 12), (2027, 2, 11), (2027, 6, 10)]:
        plan.append(
            (
                steering,
                aware(year, month, day, 12),
                aware(year, month, day, 14),
                steering_agenda,
                "Rådhuset, formannskapssalen",
                "Rådhuset, formannskapssalen",
            )
        )

    nb = Locale.objects.get(language_code="nb")
    created = []
    minutes_until = aware(2026, 11, 20, 0)
    for group, starts_at, ends_at, agenda, place_nb, place_nn in plan:
        place = t.text(place_nb, place_nn)
        existing = Meeting.objects.filter(locale=nb, group=group, starts_at=starts_at).first()
        if existing is not None:
            created.append(existing)
            continue
        minutes = None
        if ends_at < minutes_until:
            local = timezone.localtime(starts_at)
            minutes = document(
                collection,
                f"Referat {group.title} {local:%d.%m.%Y}",
                f"referat-{group.slug}-{local:%Y-%m-%d}.pdf",
                [
                    f"Møte i {group.title}",
                    f"Dato: {local:%d.%m.%Y}",
                    "Ingen opplysninger om enkeltbarn i referatet.",
                ],
            )
        created.append(
            Meeting.objects.create(
                locale=nb,
                group=group,
                starts_at=starts_at,
                ends_at=ends_at,
                place=place,
                video_url="https://meet.fjordvik.example/bti" if group is network else "",
                agenda=[("item", {"title": title, "part": part, "note": ""}) for title, part in agenda],
                minutes=minutes,
            )
        )
    return created


def progress_plan(t: Glossary):
    rows = [
        (
            "Aug.",
            "Aug.",
            "Oppstart: BTI-agentene får opplæringspakkene",
            "Oppstart: BTI-agentane får opplæringspakkane",
            "BTI-nettverket",
            "BTI-nettverket",
            datetime.date(2026, 8, 27),
            "Prosjektleder",
            "Prosjektleiar",
            "done",
        ),
        (
            "Sept.–okt.",
            "Sept.–okt.",
            "BTI som tema på avdelings- og teammøter, med oppdiktede case",
            "BTI som tema på avdelings- og teammøte, med oppdikta case",
            "Alle ansatte i pilotene",
            "Alle tilsette i pilotane",
            datetime.date(2026, 10, 31),
            "BTI-agentene",
            "BTI-agentane",
            "done",
        ),
        (
            "Nov.",
            "Nov.",
            "Foreldremøter med informasjon om BTI",
            "Foreldremøte med informasjon om BTI",
            "Barnehagene og skolene",
            "Barnehagane og skulane",
            datetime.date(2026, 11, 30),
            "Styrere og rektorer",
            "Styrarar og rektorar",
            "ongoing",
        ),
        (
            "Jan.–feb.",
            "Jan.–feb.",
            "Opplæring i stafettloggen for stafettholdere",
            "Opplæring i stafettloggen for stafetthaldarar",
            "Stafettholdere i pilotene",
            "Stafetthaldarar i pilotane",
            datetime.date(2027, 2, 15),
            "Superbrukerne",
            "Superbrukarane",
            "planned",
        ),
        (
            "Mars",
            "Mars",
            "Rapportskjema nr. 1 fra superbrukerne",
            "Rapportskjema nr. 1 frå superbrukarane",
            "BTI-agentene i pilotene",
            "BTI-agentane i pilotane",
            datetime.date(2027, 3, 1),
            "BTI-agentene",
            "BTI-agentane",
            "planned",
        ),
        (
            "April",
            "April",
            "Rapportskjema nr. 2 fra stafettholderne",
            "Rapportskjema nr. 2 frå stafetthaldarane",
            "Stafettholdere i pilotene",
            "Stafetthaldarar i pilotane",
            datetime.date(2027, 4, 15),
            "BTI-agentene",
            "BTI-agentane",
            "planned",
        ),
        (
            "Juni",
            "Juni",
            "Evaluering av pilotperioden og rapport til styringsgruppen",
            "Evaluering av pilotperioden og rapport til styringsgruppa",
            "Prosjektgruppen",
            "Prosjektgruppa",
            datetime.date(2027, 6, 15),
            "Prosjektleder",
            "Prosjektleiar",
            "planned",
        ),
    ]
    return [
        (
            "item",
            {
                "when": t.text(when_nb, when_nn),
                "activity": t.text(act_nb, act_nn),
                "who": t.text(who_nb, who_nn),
                "deadline": deadline,
                "responsible": t.text(resp_nb, resp_nn),
                "status": status,
            },
        )
        for when_nb, when_nn, act_nb, act_nn, who_nb, who_nn, deadline, resp_nb, resp_nn, status in rows
    ]


def report_forms(t: Glossary):
    """(page, fields) for the three forms; fields are (label nb, label nn, type, choices nb, choices nn)."""
    yes_no = ("Ja\nDelvis\nNei", "Ja\nDelvis\nNei")
    return [
        (
            ReportFormPage(
                title=t.text("Rapportskjema nr. 1 – superbrukere", "Rapportskjema nr. 1 – superbrukarar"),
                slug=t.text("rapportskjema-1", "rapportskjema-1"),
                intro=t.text(
                    "Superbrukerne rapporterer om opplæringen på eget tjenestested.",
                    "Superbrukarane rapporterer om opplæringa på eigen tenestestad.",
                ),
                deadline=aware(2027, 3, 1, 12),
                audience=ReportFormPage.PILOTS,
            ),
            [
                (
                    "Har alle ansatte fått opplæring i handlingsveilederen?",
                    "Har alle tilsette fått opplæring i handlingsrettleiaren?",
                    "radio",
                    *yes_no,
                ),
                (
                    "Hvor mange møter har BTI vært tema på?",
                    "Kor mange møte har BTI vore tema på?",
                    "number",
                    "",
                    "",
                ),
                ("Hva har fungert godt?", "Kva har fungert godt?", "multiline", "", ""),
                ("Hva trenger dere mer hjelp til?", "Kva treng de meir hjelp til?", "multiline", "", ""),
            ],
        ),
        (
            ReportFormPage(
                title=t.text("Rapportskjema nr. 2 – stafettholdere", "Rapportskjema nr. 2 – stafetthaldarar"),
                slug=t.text("rapportskjema-2", "rapportskjema-2"),
                intro=t.text(
                    "Erfaringer med å være stafettholder og å bruke stafettloggen.",
                    "Erfaringar med å vere stafetthaldar og å bruke stafettloggen.",
                ),
                deadline=aware(2027, 4, 15, 12),
                audience=ReportFormPage.PILOTS,
            ),
            [
                (
                    "Hvor mange stafettlogger er opprettet?",
                    "Kor mange stafettloggar er oppretta?",
                    "number",
                    "",
                    "",
                ),
                (
                    "Var det lett å få samtykke fra foreldrene?",
                    "Var det lett å få samtykke frå foreldra?",
                    "radio",
                    *yes_no,
                ),
                ("Erfaringer og forslag", "Erfaringar og forslag", "multiline", "", ""),
            ],
        ),
        (
            ReportFormPage(
                title=t.text("Evaluering av pilotperioden", "Evaluering av pilotperioden"),
                slug=t.text("evaluering-pilotperioden", "evaluering-pilotperioden"),
                intro=t.text(
                    "Pilotenes samlede vurdering av modellen, handlingsveilederen og opplæringen.",
                    "Den samla vurderinga til pilotane av modellen, handlingsrettleiaren og opplæringa.",
                ),
                deadline=aware(2027, 6, 15, 12),
                audience=ReportFormPage.PILOTS,
            ),
            [
                (
                    "Hvor nyttig har handlingsveilederen vært?",
                    "Kor nyttig har handlingsrettleiaren vore?",
                    "dropdown",
                    "Svært nyttig\nNokså nyttig\nLite nyttig",
                    "Svært nyttig\nNokså nyttig\nLite nyttig",
                ),
                (
                    "Hva bør endres før BTI innføres i hele kommunen?",
                    "Kva bør endrast før BTI blir innført i heile kommunen?",
                    "multiline",
                    "",
                    "",
                ),
            ],
        ),
    ]


DEMO_ANSWERS = [
    (
        "Bjørkelia barnehage",
        {
            "Ja": True,
            "count": "6",
            "good": "Casearbeidet på personalmøtene.",
            "help": "Samtaler med foreldre.",
        },
    ),
    (
        "Fjordvik skole",
        {
            "Ja": True,
            "count": "4",
            "good": "Fast punkt på teammøtene.",
            "help": "Tid til opplæring av vikarer.",
        },
    ),
    (
        "Jordmortjenesten",
        {
            "Ja": False,
            "count": "2",
            "good": "Kort introduksjon for alle.",
            "help": "Felles rutine med helsestasjonen.",
        },
    ),
]


def load_intranet(t: Glossary):
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    home = HomePage.objects.get(locale=nb)
    collection = intranet_collection()

    intranet, created = add_child_once(
        home,
        IntranetPage(
            title=t.text("Intranett for BTI-nettverket", "Intranett for BTI-nettverket"),
            slug=t.text("intranett", "intranett"),
            intro=t.text(
                "Arbeidsrommet for BTI-agenter, koordinatorer og redaktører: opplæring, møter og rapporter.",
                "Arbeidsrommet for BTI-agentar, koordinatorar og redaktørar: opplæring, møte og rapportar.",
            ),
        ),
    )
    restrict(intranet)
    pages = [intranet]

    training, _ = add_child_once(
        intranet,
        TrainingIndexPage(
            title=t.text("Opplæringsmateriell", "Opplæringsmateriell"),
            slug=t.text("opplaering", "opplaering"),
            intro=t.text(
                "Presentasjoner, utdelingsark og nettkurs til opplæringen på tjenestestedene.",
                "Presentasjonar, utdelingsark og nettkurs til opplæringa på tenestestadene.",
            ),
        ),
    )
    pages.append(training)
    docs = training_documents(collection)
    for package in training_packages(t, docs):
        pages.append(add_child_once(training, package)[0])

    plan, _ = add_child_once(
        intranet,
        MeetingPlanPage(
            title=t.text("Møteplan 2026/2027", "Møteplan 2026/2027"),
            slug=t.text("moteplan", "moteplan"),
            intro=t.text(
                "Møtene i BTI-nettverket, SLT-møtet og styringsgruppen dette skoleåret.",
                "Møta i BTI-nettverket, SLT-møtet og styringsgruppa dette skuleåret.",
            ),
        ),
    )
    pages.append(plan)
    pages.append(
        add_child_once(
            intranet,
            ProgressPlanPage(
                title=t.text("Framdriftsplan 2026/2027", "Framdriftsplan 2026/2027"),
                slug=t.text("framdriftsplan", "framdriftsplan"),
                intro=t.text(
                    "Hva skal gjøres, av hvem og innen når i pilotåret.",
                    "Kva skal gjerast, av kven og innan når i pilotåret.",
                ),
                year=t.text("2026/2027", "2026/2027"),
                items=progress_plan(t),
            ),
        )[0]
    )

    for form_page, fields in report_forms(t):
        existing = intranet.get_children().filter(slug=form_page.slug).first()
        for label_nb, label_nn, _type, choices_nb, choices_nn in fields:
            t.text(label_nb, label_nn)
            if choices_nb:
                t.text(choices_nb, choices_nn)
        if existing is None:
            form_page.form_fields = [
                ReportFormField(
                    label=label_nb,
                    field_type=field_type,
                    required=field_type != "multiline",
                    choices=choices_nb,
                    locale=nb,
                    sort_order=number,
                )
                for number, (label_nb, _nn, field_type, choices_nb, _cnn) in enumerate(fields)
            ]
        pages.append(add_child_once(intranet, form_page)[0])

    groups = {
        slug: NetworkGroupPage.objects.get(locale=nb, slug=slug)
        for slug in ("bti-nettverket", "slt-motet", "styringsgruppen")
    }
    demo_meetings = meetings(t, collection, groups)
    demo_submissions(pages)

    for page in pages:
        if not page.has_translation(nn):
            translate(page, t)
    restrict(intranet.get_translation(nn))
    for meeting in demo_meetings:
        if not meeting.has_translation(nn):
            translate(meeting, t)
    link_demo_agent()
    return intranet


def demo_submissions(pages):
    form_page = next(p for p in pages if isinstance(p, ReportFormPage) and p.slug == "rapportskjema-1")
    fields = list(form_page.form_fields.all())
    if ReportSubmission.objects.filter(page=form_page).exists():
        return
    for unit_name, answers in DEMO_ANSWERS:
        unit = ServiceUnit.objects.get(locale=form_page.locale, name=unit_name)
        data = {
            fields[0].clean_name: "Ja" if answers["Ja"] else "Delvis",
            fields[1].clean_name: answers["count"],
            fields[2].clean_name: answers["good"],
            fields[3].clean_name: answers["help"],
        }
        ReportSubmission.objects.create(page=form_page, unit=unit, form_data=data)


def link_demo_agent():
    """The demo user «agent» (made by load_demo_content before the loaders) is BTI-agent at a pilot
    kindergarten, so the forms work in the demo. Without demo users (--no-users) nothing is linked."""
    user = get_user_model().objects.filter(username="agent").first()
    if user is None:
        return
    unit = ServiceUnit.objects.get(locale=Locale.get_default(), name="Solsiden barnehage")
    for person in unit.agents:
        if person.user_id is None:
            person.user = user
            person.save()
