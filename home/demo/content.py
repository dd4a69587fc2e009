"""Demo content for the front page, a general page and the site profile (nb + nn).

The municipality, people and contact details are invented. The text is written from the
facts in the project's seed documents (BTI's aims, levels, stafettholder and stafettlogg)."""

import datetime

from wagtail.models import Locale, Page, Site

from home.models import AccessibilityStatementPage, ContentPage, HomePage, SiteProfile

from .bilingual import Glossary, add_child_once, translate

HOME_SLUG = "bti"


def home_body(t: Glossary):
    return [
        ("heading", {"text": t.text("Hva er BTI?", "Kva er BTI?"), "level": "h2"}),
        (
            "paragraph",
            t.html(
                "<p>Bedre tverrfaglig innsats (BTI) er en samhandlingsmodell. Den beskriver hvordan barnehage, "
                "skole, helsestasjon og hjelpetjenestene samarbeider når vi undrer oss over eller er bekymret "
                "for et barn eller en ungdom. Modellen bygger på Helsedirektoratets nasjonale arbeid med BTI "
                "og på barnekonvensjonen: barnets beste skal komme først, og barn har rett til å si sin mening "
                "og bli hørt.</p>"
                "<p>BTI gjelder både ansatte og innbyggere. Som forelder kan du selv ta kontakt når du er "
                "bekymret for ditt eget barn.</p>",
                "<p>Betre tverrfagleg innsats (BTI) er ein samhandlingsmodell. Han skildrar korleis barnehage, "
                "skule, helsestasjon og hjelpetenestene samarbeider når vi undrar oss over eller er uroa for "
                "eit barn eller ein ungdom. Modellen byggjer på det nasjonale arbeidet Helsedirektoratet har "
                "gjort med BTI, og på barnekonvensjonen: det beste for barnet skal kome først, og barn har rett "
                "til å seie meininga si og bli høyrde.</p>"
                "<p>BTI gjeld både tilsette og innbyggjarar. Som forelder kan du sjølv ta kontakt når du er "
                "uroa for barnet ditt.</p>",
            ),
        ),
        (
            "cards",
            {
                "title": t.text("Tre mål for arbeidet", "Tre mål for arbeidet"),
                "cards": [
                    {
                        "title": t.text("Tidlig innsats", "Tidleg innsats"),
                        "text": t.text(
                            "Vi skal oppdage bekymring tidlig og handle før problemene vokser seg store.",
                            "Vi skal oppdage uro tidleg og handle før problema veks seg store.",
                        ),
                        "page": None,
                    },
                    {
                        "title": t.text("Samordnede tjenester", "Samordna tenester"),
                        "text": t.text(
                            "Hjelpen skal henge sammen, uten brudd når barnet møter flere tjenester.",
                            "Hjelpa skal henge saman, utan brot når barnet møter fleire tenester.",
                        ),
                        "page": None,
                    },
                    {
                        "title": t.text("Foreldre og barn med fra start", "Foreldre og barn med frå start"),
                        "text": t.text(
                            "Foreldre og barn tas med tidlig og er med på å bestemme hva som skal skje.",
                            "Foreldre og barn blir tekne med tidleg og er med på å avgjere kva som skal skje.",
                        ),
                        "page": None,
                    },
                ],
            },
        ),
        ("heading", {"text": t.text("Fire nivåer", "Fire nivå"), "level": "h2"}),
        (
            "table",
            {
                "caption": t.text("Nivåene i BTI-modellen", "Nivåa i BTI-modellen"),
                "table": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        [
                            t.text("Nivå", "Nivå"),
                            t.text("Hva skjer", "Kva skjer"),
                            t.text("Hvem er med", "Kven er med"),
                        ],
                        [
                            t.text("Nivå 0", "Nivå 0"),
                            t.text(
                                "Undring og identifisering: noen har sett eller hørt noe som gir grunn til å undre seg.",
                                "Undring og identifisering: nokon har sett eller høyrt noko som gjev grunn til å undre seg.",
                            ),
                            t.text(
                                "Den som er bekymret, sammen med nærmeste leder",
                                "Den som er uroa, saman med næraste leiar",
                            ),
                        ],
                        [
                            t.text("Nivå 1", "Nivå 1"),
                            t.text(
                                "Tiltak i egen tjeneste: barnehagen, skolen eller helsestasjonen prøver ut tiltak "
                                "sammen med foreldrene.",
                                "Tiltak i eiga teneste: barnehagen, skulen eller helsestasjonen prøver ut tiltak "
                                "saman med foreldra.",
                            ),
                            t.text("Én tjeneste og foreldrene", "Éi teneste og foreldra"),
                        ],
                        [
                            t.text("Nivå 2", "Nivå 2"),
                            t.text(
                                "Enkelt samarbeid: to tjenester samarbeider om tiltakene.",
                                "Enkelt samarbeid: to tenester samarbeider om tiltaka.",
                            ),
                            t.text("To tjenester, foreldrene og barnet", "To tenester, foreldra og barnet"),
                        ],
                        [
                            t.text("Nivå 3", "Nivå 3"),
                            t.text(
                                "Komplekst samarbeid: flere tjenester samarbeider, ofte over lengre tid.",
                                "Komplekst samarbeid: fleire tenester samarbeider, ofte over lengre tid.",
                            ),
                            t.text(
                                "Flere tjenester, foreldrene og barnet", "Fleire tenester, foreldra og barnet"
                            ),
                        ],
                    ],
                },
            },
        ),
        (
            "heading",
            {"text": t.text("Stafettholder og stafettlogg", "Stafetthaldar og stafettlogg"), "level": "h2"},
        ),
        (
            "paragraph",
            t.html(
                "<p>Når et barn trenger oppfølging over tid, får barnet en <b>stafettholder</b>. Det er den "
                "voksne som står barnet nærmest i tjenestene, for eksempel pedagogisk leder eller kontaktlærer. "
                "Stafettholderen kaller inn til møter, leder dem og passer på at det som avtales blir skrevet "
                "ned. Rollen går videre til en ny stafettholder når en annen tjeneste tar over ansvaret.</p>"
                "<p><b>Stafettloggen</b> er et digitalt verktøy der tiltak, avtaler og evalueringer samles, slik "
                "at alle som hjelper barnet ser det samme. Loggen opprettes bare når foreldrene har gitt "
                "samtykke. Den hører til barnet og følger barnet når ansvaret går over til en ny tjeneste.</p>",
                "<p>Når eit barn treng oppfølging over tid, får barnet ein <b>stafetthaldar</b>. Det er den "
                "vaksne som står barnet nærast i tenestene, til dømes pedagogisk leiar eller kontaktlærar. "
                "Stafetthaldaren kallar inn til møte, leiar dei og passar på at det som blir avtalt, blir skrive "
                "ned. Rolla går vidare til ein ny stafetthaldar når ei anna teneste tek over ansvaret.</p>"
                "<p><b>Stafettloggen</b> er eit digitalt verktøy der tiltak, avtalar og evalueringar blir samla, "
                "slik at alle som hjelper barnet, ser det same. Loggen blir oppretta berre når foreldra har "
                "gjeve samtykke. Han høyrer til barnet og følgjer barnet når ansvaret går over til ei ny "
                "teneste.</p>",
            ),
        ),
        (
            "notice",
            {
                "kind": "danger",
                "title": t.text("Er et barn i fare?", "Er eit barn i fare?"),
                "text": t.html(
                    "<p>Ved mistanke om vold, overgrep eller alvorlig omsorgssvikt skal du kontakte barnevernet "
                    "eller politiet direkte – ikke foreldrene først. Ring 112 (politi) eller 113 (ambulanse) ved "
                    "akutt fare. Barn og unge kan ringe Alarmtelefonen for barn og unge på 116 111.</p>",
                    "<p>Ved mistanke om vald, overgrep eller alvorleg omsorgssvikt skal du kontakte barnevernet "
                    "eller politiet direkte – ikkje foreldra først. Ring 112 (politi) eller 113 (ambulanse) ved "
                    "akutt fare. Barn og unge kan ringje Alarmtelefonen for barn og unge på 116 111.</p>",
                ),
            },
        ),
        (
            "faq",
            {
                "title": t.text("Spørsmål og svar", "Spørsmål og svar"),
                "items": [
                    {
                        "question": t.text(
                            "Må jeg si hvem jeg er når jeg tar kontakt?",
                            "Må eg seie kven eg er når eg tek kontakt?",
                        ),
                        "answer": t.html(
                            "<p>Nei. Du kan være anonym når du deler en bekymring for et barn med helsestasjonen "
                            "eller barnevernet. Det kan likevel være lettere å hjelpe hvis tjenesten kan kontakte "
                            "deg igjen.</p>",
                            "<p>Nei. Du kan vere anonym når du deler ei uro for eit barn med helsestasjonen eller "
                            "barnevernet. Det kan likevel vere lettare å hjelpe dersom tenesta kan kontakte deg "
                            "att.</p>",
                        ),
                    },
                    {
                        "question": t.text(
                            "Lagrer portalen opplysninger om barn?", "Lagrar portalen opplysningar om barn?"
                        ),
                        "answer": t.html(
                            "<p>Nei. Portalen inneholder informasjon, veiledere og skjemaer. Opplysninger om "
                            "enkeltbarn dokumenteres i stafettloggen og i tjenestenes egne fagsystemer.</p>",
                            "<p>Nei. Portalen inneheld informasjon, rettleiarar og skjema. Opplysningar om "
                            "einskilde barn blir dokumenterte i stafettloggen og i fagsystema til tenestene.</p>",
                        ),
                    },
                ],
            },
        ),
    ]


def about_body(t: Glossary):
    return [
        (
            "paragraph",
            t.html(
                "<p>Kommunen startet arbeidet med BTI for å gjøre samarbeidet rundt utsatte barn tydeligere for "
                "både ansatte og innbyggere. Arbeidet går i faser, og modellen og handlingsveilederen blir "
                "justert etter hvert som vi høster erfaringer.</p>",
                "<p>Kommunen starta arbeidet med BTI for å gjere samarbeidet rundt utsette barn tydelegare for "
                "både tilsette og innbyggjarar. Arbeidet går i fasar, og modellen og handlingsrettleiaren blir "
                "justerte etter kvart som vi haustar erfaringar.</p>",
            ),
        ),
        ("heading", {"text": t.text("Fasene i arbeidet", "Fasane i arbeidet"), "level": "h2"}),
        (
            "paragraph",
            t.html(
                "<ol><li>Lage handlingsveiledere for barnehage, skole og helsestasjon.</li>"
                "<li>Ta handlingsveilederne i bruk i hver enhet.</li>"
                "<li>Ta i bruk stafettloggen.</li>"
                "<li>Forbedre felles rutiner for samarbeid mellom kommunens tjenester.</li>"
                "<li>Forbedre samarbeidet med aktører utenfor kommunen.</li></ol>",
                "<ol><li>Lage handlingsrettleiarar for barnehage, skule og helsestasjon.</li>"
                "<li>Ta handlingsrettleiarane i bruk i kvar eining.</li>"
                "<li>Ta i bruk stafettloggen.</li>"
                "<li>Betre felles rutinar for samarbeid mellom tenestene i kommunen.</li>"
                "<li>Betre samarbeidet med aktørar utanfor kommunen.</li></ol>",
            ),
        ),
        (
            "notice",
            {
                "kind": "info",
                "title": t.text("Hvem eier BTI-arbeidet?", "Kven eig BTI-arbeidet?"),
                "text": t.html(
                    "<p>Styringsgruppen har det overordnede ansvaret. Prosjektlederen for BTI koordinerer "
                    "arbeidet i det daglige sammen med teamet av tverrfaglige rådgivere.</p>",
                    "<p>Styringsgruppa har det overordna ansvaret. Prosjektleiaren for BTI koordinerer arbeidet "
                    "til dagleg saman med teamet av tverrfaglege rådgjevarar.</p>",
                ),
            },
        ),
    ]


def load(stdout) -> HomePage:
    t = Glossary()
    nb = Locale.objects.get(language_code="nb")
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=nb).first()
    if home is None:
        home = HomePage(
            title=t.text("Bedre tverrfaglig innsats", "Betre tverrfagleg innsats"),
            slug=t.text(HOME_SLUG, HOME_SLUG),
            locale=nb,
            intro=t.text(
                "BTI er kommunens modell for tidlig og samordnet hjelp til gravide, barn, unge og foreldre når "
                "noen er bekymret.",
                "BTI er modellen kommunen nyttar for tidleg og samordna hjelp til gravide, barn, unge og "
                "foreldre når nokon er uroa.",
            ),
            body=home_body(t),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
        previous_root_id = site.root_page_id if site.pk else None
        site.root_page = home
        site.site_name = "BTI-portalen"
        site.is_default_site = True
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page is of no use to anyone.
        if previous_root_id and previous_root_id != home.pk:
            Page.objects.filter(pk=previous_root_id, depth=2).delete()
        stdout.write("  forside (nb) opprettet")
    else:
        home_body(t)  # fills the glossary so an nn translation can still be (re)made

    about, _ = add_child_once(
        home,
        ContentPage(
            title=t.text("Om BTI-arbeidet i kommunen", "Om BTI-arbeidet i kommunen"),
            slug=t.text("om-bti", "om-bti"),
            intro=t.text(
                "Hvorfor kommunen bruker BTI, og hvor langt arbeidet har kommet.",
                "Kvifor kommunen nyttar BTI, og kor langt arbeidet har kome.",
            ),
            body=about_body(t),
            show_in_menus=True,
        ),
    )

    statement, _ = add_child_once(
        home,
        AccessibilityStatementPage(
            title=t.text("Tilgjengelighetserklæring", "Tilgjengelegheitserklæring"),
            slug=t.text("tilgjengelighetserklaering", "tilgjengelegheitserklaering"),
            intro=t.text(
                "Slik oppfyller BTI-portalen kravene til universell utforming, og slik sier du fra om noe ikke virker.",
                "Slik oppfyller BTI-portalen krava til universell utforming, og slik seier du frå om noko ikkje verkar.",
            ),
            conformance=AccessibilityStatementPage.Conformance.PARTIAL,
            standard=t.text("WCAG 2.1 nivå AA", "WCAG 2.1 nivå AA"),
            known_deviations=[
                (
                    "paragraph",
                    t.html(
                        "<ul><li>Noen av skjemaene i verktøykassen er PDF-filer som ikke er merket for skjermlesere. "
                        "Du kan be om skjemaet i et annet format.</li>"
                        "<li>Eldre videoer i opplæringsmateriellet mangler teksting. De får teksting når de "
                        "blir oppdatert.</li></ul>",
                        "<ul><li>Nokre av skjemaa i verktøykassa er PDF-filer som ikkje er merkte for skjermlesarar. "
                        "Du kan be om skjemaet i eit anna format.</li>"
                        "<li>Eldre videoar i opplæringsmateriellet manglar teksting. Dei får teksting når dei "
                        "blir oppdaterte.</li></ul>",
                    ),
                )
            ],
            feedback_email="uu@fjordvik.example",
            feedback_phone="12 34 50 00",
            uustatus_url="https://www.uustatus.no/",
            last_reviewed=datetime.date(2026, 10, 1),
        ),
    )

    profile = SiteProfile.objects.filter(locale=nb).first()
    if profile is None:
        profile = SiteProfile.objects.create(
            locale=nb,
            municipality_name=t.text("Fjordvik kommune", "Fjordvik kommune"),
            portal_name=t.text("BTI", "BTI"),
            phone="12 34 50 00",
            email="post@fjordvik.example",
            address=t.text("Rådhuset, Storgata 1, 9999 Fjordvik", "Rådhuset, Storgata 1, 9999 Fjordvik"),
            opening_hours=t.text("Hverdager kl. 08.00–15.30", "Kvardagar kl. 08.00–15.30"),
            footer_links=[
                ("link", {"title": t.text("Om BTI-arbeidet", "Om BTI-arbeidet"), "page": about, "url": ""})
            ],
        )

    nn = Locale.objects.get(language_code="nn")
    for instance in (home, about, statement):
        if not instance.has_translation(nn):
            translate(instance, t)
    if not profile.has_translation(nn):
        translate(profile, t)
    return home
