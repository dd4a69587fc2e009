"""Demo content for the action guide (nb + nn): four service areas × nivå 0–3, tools with files.

The steps follow the typical BTI guides (identify within 14 days, measures in one's own service,
simple and complex cooperation with a stafettholder and a stafettlogg), written in our own words.
People and phone numbers are invented; 112, 113 and 116 111 are the real national numbers."""

from wagtail.models import Locale

from guide.demo.tool_forms import tool_form
from guide.models import (
    ConcernPage,
    GuideIndexPage,
    GuideLevelPage,
    ServiceAreaGuidePage,
    ServicePage,
    Tool,
    ToolLibraryPage,
)
from home.demo.bilingual import Glossary, add_child_once, translate
from home.models import HomePage

# --- Tools ----------------------------------------------------------------------------------------

TOOLS = {
    "mistrivsel": (
        ("Tegn på mulig mistrivsel", "Teikn på mogleg mistrivsel"),
        (
            "Sjekkliste over tegn hos barn og foreldre som kan gi grunn til undring. Hjelper deg å beskrive "
            "det du ser, uten å trekke konklusjoner.",
            "Sjekkliste over teikn hos barn og foreldre som kan gje grunn til undring. Hjelper deg å skildre "
            "det du ser, utan å trekkje konklusjonar.",
        ),
    ),
    "undringsskala": (
        ("Undringsskala", "Undringsskala"),
        (
            "Skala fra 1 til 5 for hvor stor uroen for et barn eller en ungdom er, og hvilket nivå i "
            "veilederen det svarer til.",
            "Skala frå 1 til 5 for kor stor uroa for eit barn eller ein ungdom er, og kva nivå i "
            "rettleiaren det svarar til.",
        ),
    ),
    "observasjon": (
        ("Observasjonsskjema", "Observasjonsskjema"),
        (
            "Skjema for å skrive ned hva du ser og hører, når og i hvilke situasjoner, over to til fire uker.",
            "Skjema for å skrive ned kva du ser og høyrer, når og i kva situasjonar, over to til fire veker.",
        ),
    ),
    "samtalen": (
        ("Den nødvendige samtalen", "Den nødvendige samtalen"),
        (
            "Samtaleguide for å ta opp en undring med foreldre, og for å snakke med barnet på en trygg måte.",
            "Samtalerettleiing for å ta opp ei undring med foreldre, og for å snakke med barnet på ein trygg måte.",
        ),
    ),
    "samtykke": (
        ("Samtykkeskjema", "Samtykkeskjema"),
        (
            "Foreldrenes samtykke til at tjenestene kan dele opplysninger og opprette stafettlogg. Samtykket "
            "kan trekkes tilbake når som helst.",
            "Samtykket frå foreldra til at tenestene kan dele opplysningar og opprette stafettlogg. Samtykket "
            "kan trekkjast tilbake når som helst.",
        ),
    ),
    "motemal": (
        ("BTI-møtemal", "BTI-møtemal"),
        (
            "Mal for innkalling, dagsorden og referat fra møter med foreldre og samarbeidende tjenester.",
            "Mal for innkalling, dagsorden og referat frå møte med foreldre og tenester som samarbeider.",
        ),
    ),
    "tiltaksplan": (
        ("Tiltaksplan og evaluering", "Tiltaksplan og evaluering"),
        (
            "Skjema for mål, tiltak, hvem som har ansvaret for hvert tiltak og når det skal evalueres.",
            "Skjema for mål, tiltak, kven som har ansvaret for kvart tiltak og når det skal evaluerast.",
        ),
    ),
    "stafettlogg": (
        ("Stafettloggen – informasjon til foreldre", "Stafettloggen – informasjon til foreldre"),
        (
            "Kort forklaring til foreldre om hva stafettloggen er, hvem som kan lese den, og hvordan de logger inn.",
            "Kort forklaring til foreldre om kva stafettloggen er, kven som kan lese han, og korleis dei loggar inn.",
        ),
    ),
    "fem-trinn": (
        ("Fem trinn fra bekymring til melding", "Fem steg frå uro til melding"),
        (
            "Oversikt over vurderingene fra en første bekymring til en eventuell melding til barnevernet.",
            "Oversikt over vurderingane frå ei første uro til ei eventuell melding til barnevernet.",
        ),
    ),
    "bekymringsmelding": (
        ("Bekymringsmelding til barnevernet", "Melding om uro til barnevernet"),
        (
            "Mal for skriftlig melding til barneverntjenesten. Ved mistanke om vold eller overgrep skal "
            "foreldrene ikke varsles først.",
            "Mal for skriftleg melding til barnevernstenesta. Ved mistanke om vald eller overgrep skal "
            "foreldra ikkje varslast først.",
        ),
    ),
}


def load_tools(t: Glossary, nb: Locale, nn: Locale) -> dict[str, Tool]:
    tools = {}
    for key, ((title_nb, title_nn), (description_nb, description_nn)) in TOOLS.items():
        # No uploaded file: the portal makes the Word file and the PDF from the form (guide/tool_documents.py).
        form = tool_form(key, t.text)
        tool = Tool.objects.filter(locale=nb, title=title_nb).first()
        if tool is None:
            tool = Tool.objects.create(locale=nb, title=title_nb, description=description_nb, form=form)
        t.text(title_nb, title_nn)
        t.text(description_nb, description_nn)
        if not tool.has_translation(nn):
            translate(tool, t)
        tools[key] = tool
    return tools


# --- Service areas and their roles -----------------------------------------------------------------

AREAS = [
    {
        "slug": ("barnehage", "barnehage"),
        "title": ("Barnehage", "Barnehage"),
        "intro": (
            "Handlingsveilederen for ansatte i barnehagene i Fjordvik.",
            "Handlingsrettleiaren for tilsette i barnehagane i Fjordvik.",
        ),
        "responsible": ("Marte Solberg", ("Styrer, Fjellsiden barnehage", "Styrar, Fjellsiden barnehage")),
        "nb": {
            "holder": "pedagogisk leder",
            "leader": "styrer",
            "service": "barnehagen",
            "partner": "helsestasjonen eller PP-tjenesten",
            "others": "barnehagen, helsestasjonen, PP-tjenesten og barnevernet",
        },
        "nn": {
            "holder": "pedagogisk leiar",
            "leader": "styrar",
            "service": "barnehagen",
            "partner": "helsestasjonen eller PP-tenesta",
            "others": "barnehagen, helsestasjonen, PP-tenesta og barnevernet",
        },
    },
    {
        "slug": ("skole", "skule"),
        "title": ("Skole", "Skule"),
        "intro": (
            "Handlingsveilederen for lærere og andre ansatte i grunnskolen.",
            "Handlingsrettleiaren for lærarar og andre tilsette i grunnskulen.",
        ),
        "responsible": ("Jonas Vik", ("Rektor, Fjordvik skole", "Rektor, Fjordvik skule")),
        "nb": {
            "holder": "kontaktlærer",
            "leader": "rektor",
            "service": "skolen",
            "partner": "skolehelsetjenesten eller PP-tjenesten",
            "others": "skolen, skolehelsetjenesten, PP-tjenesten og barnevernet",
        },
        "nn": {
            "holder": "kontaktlærar",
            "leader": "rektor",
            "service": "skulen",
            "partner": "skulehelsetenesta eller PP-tenesta",
            "others": "skulen, skulehelsetenesta, PP-tenesta og barnevernet",
        },
    },
    {
        "slug": ("helsestasjon-og-jordmor", "helsestasjon-og-jordmor"),
        "title": ("Helsestasjon og jordmor", "Helsestasjon og jordmor"),
        "intro": (
            "Handlingsveilederen for jordmødre og helsesykepleiere, fra svangerskapet til skolestart.",
            "Handlingsrettleiaren for jordmødrer og helsesjukepleiarar, frå svangerskapet til skulestart.",
        ),
        "responsible": (
            "Hilde Berg",
            ("Leder for helsestasjon og jordmortjeneste", "Leiar for helsestasjon og jordmorteneste"),
        ),
        "nb": {
            "holder": "helsesykepleier eller jordmor",
            "leader": "leder for helsestasjonen",
            "service": "helsestasjonen",
            "partner": "fastlegen eller barnehagen",
            "others": "helsestasjonen, fastlegen, barnehagen og barnevernet",
        },
        "nn": {
            "holder": "helsesjukepleiar eller jordmor",
            "leader": "leiar for helsestasjonen",
            "service": "helsestasjonen",
            "partner": "fastlegen eller barnehagen",
            "others": "helsestasjonen, fastlegen, barnehagen og barnevernet",
        },
    },
    {
        "slug": ("hjelpetjenester", "hjelpetenester"),
        "title": ("Hjelpetjenester", "Hjelpetenester"),
        "intro": (
            "Handlingsveilederen for PP-tjenesten, barnevernet, familietjenesten og psykisk helse for barn og unge.",
            "Handlingsrettleiaren for PP-tenesta, barnevernet, familietenesta og psykisk helse for barn og unge.",
        ),
        "responsible": ("Omar Haugen", ("Leder for familietjenesten", "Leiar for familietenesta")),
        "nb": {
            "holder": "kontaktpersonen i tjenesten",
            "leader": "leder for tjenesten",
            "service": "tjenesten",
            "partner": "barnehagen eller skolen",
            "others": "barnehagen eller skolen, helsestasjonen, PP-tjenesten og barnevernet",
        },
        "nn": {
            "holder": "kontaktpersonen i tenesta",
            "leader": "leiar for tenesta",
            "service": "tenesta",
            "partner": "barnehagen eller skulen",
            "others": "barnehagen eller skulen, helsestasjonen, PP-tenesta og barnevernet",
        },
    },
]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def roles(area, language):
    values = dict(area[language])
    values.update({f"{key}_cap": capitalised(value) for key, value in list(values.items())})
    return values


# Each step: title, what, how (rich text), who, tools, time limit, next steps (text, level, step).
# Texts are (nb, nn) pairs with placeholders for the area's roles.
LEVELS = {
    0: {
        "title": ("Nivå 0: Undring og identifisering", "Nivå 0: Undring og identifisering"),
        "intro": (
            "Noen har sett eller hørt noe som gir grunn til å undre seg. Her gjør vi undringen konkret og "
            "avklarer innen 14 dager hva som skal skje.",
            "Nokon har sett eller høyrt noko som gjev grunn til å undre seg. Her gjer vi undringa konkret og "
            "avklarer innan 14 dagar kva som skal skje.",
        ),
        "steps": [
            {
                "title": ("Noe vekker undring", "Noko vekkjer undring"),
                "what": (
                    "<p>Du har sett eller hørt noe som gjør at du lurer på hvordan barnet har det.</p>",
                    "<p>Du har sett eller høyrt noko som gjer at du lurer på korleis barnet har det.</p>",
                ),
                "how": (
                    "<p>Skriv ned så konkret som mulig hva du har sett og hørt, når og i hvilke situasjoner. "
                    "Bruk sjekklisten over tegn på mulig mistrivsel. Trekk ingen konklusjoner ennå.</p>",
                    "<p>Skriv ned så konkret som mogleg kva du har sett og høyrt, når og i kva situasjonar. "
                    "Bruk sjekklista over teikn på mogleg mistrivsel. Trekk ingen konklusjonar enno.</p>",
                ),
                "who": ("Den som undrer seg, sammen med {holder}", "Den som undrar seg, saman med {holder}"),
                "tools": ["mistrivsel", "observasjon"],
                "next": [(("Gå videre til steg 2", "Gå vidare til steg 2"), None, 2)],
            },
            {
                "title": ("Gjør undringen konkret", "Gjer undringa konkret"),
                "what": (
                    "<p>Finn ut om undringen holder seg over tid, og hva den handler om.</p>",
                    "<p>Finn ut om undringa held seg over tid, og kva ho handlar om.</p>",
                ),
                "how": (
                    "<p>Observer barnet i to til fire uker med observasjonsskjemaet. Snakk med barnet på en trygg "
                    "måte. Spør deg selv: Hva har jeg sett eller hørt? Hvor lenge har det vart? Har noen vært "
                    "bekymret før?</p>",
                    "<p>Observer barnet i to til fire veker med observasjonsskjemaet. Snakk med barnet på ein trygg "
                    "måte. Spør deg sjølv: Kva har eg sett eller høyrt? Kor lenge har det vart? Har nokon vore "
                    "uroa før?</p>",
                ),
                "who": ("{holder_cap}", "{holder_cap}"),
                "tools": ["observasjon", "samtalen"],
                "next": [(("Gå videre til steg 3", "Gå vidare til steg 3"), None, 3)],
            },
            {
                "title": ("Del undringen", "Del undringa"),
                "what": (
                    "<p>Del undringen med nærmeste leder først, og deretter med foreldrene og barnet.</p>",
                    "<p>Del undringa med næraste leiar først, og deretter med foreldra og barnet.</p>",
                ),
                "how": (
                    "<p>Drøft saken med {leader}, gjerne anonymt i et tverrfaglig team. Avtal en samtale med "
                    "foreldrene og bruk samtaleguiden. Ved mistanke om vold, overgrep eller alvorlig "
                    "omsorgssvikt skal du ikke snakke med foreldrene først, men kontakte barnevernet eller "
                    "politiet direkte.</p>",
                    "<p>Drøft saka med {leader}, gjerne anonymt i eit tverrfagleg team. Avtal ein samtale med "
                    "foreldra og bruk samtalerettleiinga. Ved mistanke om vald, overgrep eller alvorleg "
                    "omsorgssvikt skal du ikkje snakke med foreldra først, men kontakte barnevernet eller "
                    "politiet direkte.</p>",
                ),
                "who": ("{holder_cap} og {leader}", "{holder_cap} og {leader}"),
                "tools": ["samtalen", "fem-trinn"],
                "next": [(("Gå videre til steg 4", "Gå vidare til steg 4"), None, 4)],
            },
            {
                "title": ("Avklar veien videre", "Avklar vegen vidare"),
                "what": (
                    "<p>Bestem hva som skal skje: avslutte saken, sette i gang tiltak i {service}, samarbeide "
                    "med en annen tjeneste eller melde til barnevernet.</p>",
                    "<p>Avgjer kva som skal skje: avslutte saka, setje i gang tiltak i {service}, samarbeide "
                    "med ei anna teneste eller melde til barnevernet.</p>",
                ),
                "how": (
                    "<p>Gå gjennom det dere vet sammen med {leader}. Skriv ned hva dere har bestemt og hvorfor. "
                    "Bruk de fem trinnene fra bekymring til melding når dere vurderer barnevernet.</p>",
                    "<p>Gå gjennom det de veit saman med {leader}. Skriv ned kva de har avgjort og kvifor. "
                    "Bruk dei fem stega frå uro til melding når de vurderer barnevernet.</p>",
                ),
                "who": ("{leader_cap}, sammen med {holder}", "{leader_cap}, saman med {holder}"),
                "tools": ["fem-trinn", "bekymringsmelding"],
                "time_limit": ("Avklar innen 14 dager", "Avklar innan 14 dagar"),
                "next": [
                    (("Tiltak i egen tjeneste: nivå 1", "Tiltak i eiga teneste: nivå 1"), 1, None),
                    (
                        ("Samarbeid med én annen tjeneste: nivå 2", "Samarbeid med éi anna teneste: nivå 2"),
                        2,
                        None,
                    ),
                    (
                        ("Samarbeid med flere tjenester: nivå 3", "Samarbeid med fleire tenester: nivå 3"),
                        3,
                        None,
                    ),
                ],
            },
        ],
    },
    1: {
        "title": ("Nivå 1: Tiltak i egen tjeneste", "Nivå 1: Tiltak i eiga teneste"),
        "intro": (
            "{service_cap} prøver ut tiltak sammen med foreldrene og barnet. Her kommer stafettholderen inn.",
            "{service_cap} prøver ut tiltak saman med foreldra og barnet. Her kjem stafetthaldaren inn.",
        ),
        "notice": (
            ("Stafettholderen", "Stafetthaldaren"),
            (
                "<p>Fra nå av er {holder} stafettholder for barnet. Stafettholderen kaller inn til møter, leder "
                "dem og skriver i stafettloggen. Stafettloggen opprettes bare når foreldrene har samtykket.</p>",
                "<p>Frå no av er {holder} stafetthaldar for barnet. Stafetthaldaren kallar inn til møte, leiar "
                "dei og skriv i stafettloggen. Stafettloggen blir oppretta berre når foreldra har samtykt.</p>",
            ),
        ),
        "steps": [
            {
                "title": ("Møt foreldrene og barnet", "Møt foreldra og barnet"),
                "what": (
                    "<p>Fortell foreldrene hva dere har sett, og lytt til hvordan de ser det. Få fram barnets "
                    "egen stemme.</p>",
                    "<p>Fortel foreldra kva de har sett, og lytt til korleis dei ser det. Få fram barnet si "
                    "eiga stemme.</p>",
                ),
                "how": (
                    "<p>Bruk samtaleguiden. Forklar hva en stafettlogg er, og spør om samtykke til å opprette "
                    "den.</p>",
                    "<p>Bruk samtalerettleiinga. Forklar kva ein stafettlogg er, og spør om samtykke til å "
                    "opprette han.</p>",
                ),
                "who": ("{holder_cap}", "{holder_cap}"),
                "tools": ["samtalen", "samtykke", "stafettlogg"],
                "next": [(("Gå videre til steg 2", "Gå vidare til steg 2"), None, 2)],
            },
            {
                "title": ("Lag en plan med mål og tiltak", "Lag ein plan med mål og tiltak"),
                "what": (
                    "<p>Sett mål og velg tiltak sammen med foreldrene.</p>",
                    "<p>Set mål og vel tiltak saman med foreldra.</p>",
                ),
                "how": (
                    "<p>Bruk møtemalen og skriv planen i stafettloggen. Hvert tiltak får en ansvarlig og en "
                    "dato for evaluering.</p>",
                    "<p>Bruk møtemalen og skriv planen i stafettloggen. Kvart tiltak får ein ansvarleg og ein "
                    "dato for evaluering.</p>",
                ),
                "who": ("{holder_cap} som stafettholder", "{holder_cap} som stafetthaldar"),
                "tools": ["motemal", "tiltaksplan"],
                "next": [(("Gå videre til steg 3", "Gå vidare til steg 3"), None, 3)],
            },
            {
                "title": ("Gjennomfør tiltakene", "Gjennomfør tiltaka"),
                "what": (
                    "<p>Sett tiltakene i gang slik dere har avtalt.</p>",
                    "<p>Set tiltaka i gang slik de har avtalt.</p>",
                ),
                "how": (
                    "<p>Hold foreldrene orientert. Skriv korte notater i stafettloggen om hva som virker og hva "
                    "som ikke virker.</p>",
                    "<p>Hald foreldra orienterte. Skriv korte notat i stafettloggen om kva som verkar og kva som "
                    "ikkje verkar.</p>",
                ),
                "who": ("{holder_cap} og kollegene i {service}", "{holder_cap} og kollegaene i {service}"),
                "tools": ["tiltaksplan"],
                "next": [(("Gå videre til steg 4", "Gå vidare til steg 4"), None, 4)],
            },
            {
                "title": ("Evaluer og avgjør veien videre", "Evaluer og avgjer vegen vidare"),
                "what": (
                    "<p>Se sammen med foreldrene og barnet på om tiltakene har hjulpet.</p>",
                    "<p>Sjå saman med foreldra og barnet på om tiltaka har hjelpt.</p>",
                ),
                "how": (
                    "<p>Bruk møtemalen. Avslutt saken hvis målene er nådd, fortsett med justerte tiltak, eller "
                    "gå til nivå 2 med samtykke fra foreldrene.</p>",
                    "<p>Bruk møtemalen. Avslutt saka dersom måla er nådde, hald fram med justerte tiltak, eller "
                    "gå til nivå 2 med samtykke frå foreldra.</p>",
                ),
                "who": ("{holder_cap}, med støtte fra {leader}", "{holder_cap}, med støtte frå {leader}"),
                "tools": ["motemal", "tiltaksplan"],
                "time_limit": ("Evaluer senest etter 8 uker", "Evaluer seinast etter 8 veker"),
                "next": [
                    (
                        ("Samarbeid med én annen tjeneste: nivå 2", "Samarbeid med éi anna teneste: nivå 2"),
                        2,
                        None,
                    ),
                    (("Tilbake til avklaringen på nivå 0", "Tilbake til avklaringa på nivå 0"), 0, 4),
                ],
            },
        ],
    },
    2: {
        "title": ("Nivå 2: Enkelt samarbeid", "Nivå 2: Enkelt samarbeid"),
        "intro": (
            "To tjenester samarbeider om tiltakene, for eksempel {service} og {partner}.",
            "To tenester samarbeider om tiltaka, til dømes {service} og {partner}.",
        ),
        "steps": [
            {
                "title": ("Innhent samtykke og kontakt tjenesten", "Hent inn samtykke og kontakt tenesta"),
                "what": (
                    "<p>Få samtykke fra foreldrene til å samarbeide med {partner}.</p>",
                    "<p>Få samtykke frå foreldra til å samarbeide med {partner}.</p>",
                ),
                "how": (
                    "<p>Bruk samtykkeskjemaet. Ta kontakt med den andre tjenesten og avtal et oppstartsmøte.</p>",
                    "<p>Bruk samtykkeskjemaet. Ta kontakt med den andre tenesta og avtal eit oppstartsmøte.</p>",
                ),
                "who": ("{holder_cap} som stafettholder", "{holder_cap} som stafetthaldar"),
                "tools": ["samtykke"],
                "next": [(("Gå videre til steg 2", "Gå vidare til steg 2"), None, 2)],
            },
            {
                "title": ("Hold oppstartsmøte", "Hald oppstartsmøte"),
                "what": (
                    "<p>Møt foreldrene, barnet og den andre tjenesten. Bli enige om hvem som er stafettholder.</p>",
                    "<p>Møt foreldra, barnet og den andre tenesta. Bli samde om kven som er stafetthaldar.</p>",
                ),
                "how": (
                    "<p>Bruk møtemalen. Stafettholderen leder møtet, skriver referat og fører stafettloggen.</p>",
                    "<p>Bruk møtemalen. Stafetthaldaren leiar møtet, skriv referat og fører stafettloggen.</p>",
                ),
                "who": ("Stafettholderen", "Stafetthaldaren"),
                "tools": ["motemal", "stafettlogg"],
                "next": [(("Gå videre til steg 3", "Gå vidare til steg 3"), None, 3)],
            },
            {
                "title": ("Planlegg og gjennomfør tiltak", "Planlegg og gjennomfør tiltak"),
                "what": (
                    "<p>Lag en felles plan der hvert tiltak har en ansvarlig tjeneste.</p>",
                    "<p>Lag ein felles plan der kvart tiltak har ei ansvarleg teneste.</p>",
                ),
                "how": (
                    "<p>Bruk tiltaksplanen. Sett en dato for evalueringsmøtet allerede nå.</p>",
                    "<p>Bruk tiltaksplanen. Set ein dato for evalueringsmøtet alt no.</p>",
                ),
                "who": ("Stafettholderen og den andre tjenesten", "Stafetthaldaren og den andre tenesta"),
                "tools": ["tiltaksplan"],
                "next": [(("Gå videre til steg 4", "Gå vidare til steg 4"), None, 4)],
            },
            {
                "title": ("Evalueringsmøte", "Evalueringsmøte"),
                "what": (
                    "<p>Vurder sammen om tiltakene virker, og bestem veien videre.</p>",
                    "<p>Vurder saman om tiltaka verkar, og avgjer vegen vidare.</p>",
                ),
                "how": (
                    "<p>Hent inn barnets syn før møtet. Avslutt saken, fortsett, gå tilbake til nivå 1 eller "
                    "gå videre til nivå 3. Skriv beslutningen i stafettloggen.</p>",
                    "<p>Hent inn synet til barnet før møtet. Avslutt saka, hald fram, gå tilbake til nivå 1 "
                    "eller gå vidare til nivå 3. Skriv avgjerda i stafettloggen.</p>",
                ),
                "who": ("Stafettholderen", "Stafetthaldaren"),
                "tools": ["motemal", "tiltaksplan"],
                "time_limit": ("Evaluer senest etter 3 måneder", "Evaluer seinast etter 3 månader"),
                "next": [
                    (("Tilbake til nivå 1", "Tilbake til nivå 1"), 1, None),
                    (
                        ("Samarbeid med flere tjenester: nivå 3", "Samarbeid med fleire tenester: nivå 3"),
                        3,
                        None,
                    ),
                ],
            },
        ],
    },
    3: {
        "title": ("Nivå 3: Komplekst samarbeid", "Nivå 3: Komplekst samarbeid"),
        "intro": (
            "Flere tjenester samarbeider, ofte over lengre tid, for eksempel {others}.",
            "Fleire tenester samarbeider, ofte over lengre tid, til dømes {others}.",
        ),
        "steps": [
            {
                "title": ("Kall inn de aktuelle tjenestene", "Kall inn dei aktuelle tenestene"),
                "what": (
                    "<p>Samle tjenestene barnet og familien trenger, slik det er avtalt med familien.</p>",
                    "<p>Samle tenestene barnet og familien treng, slik det er avtalt med familien.</p>",
                ),
                "how": (
                    "<p>Oppdater samtykket slik at det gjelder alle tjenestene. Send innkalling med møtemalen.</p>",
                    "<p>Oppdater samtykket slik at det gjeld alle tenestene. Send innkalling med møtemalen.</p>",
                ),
                "who": ("Stafettholderen", "Stafetthaldaren"),
                "tools": ["samtykke", "motemal"],
                "next": [(("Gå videre til steg 2", "Gå vidare til steg 2"), None, 2)],
            },
            {
                "title": ("Tverrfaglig samarbeidsmøte", "Tverrfagleg samarbeidsmøte"),
                "what": (
                    "<p>Lag en felles forståelse av situasjonen og vurder om barnet trenger individuell plan og "
                    "barnekoordinator.</p>",
                    "<p>Lag ei felles forståing av situasjonen og vurder om barnet treng individuell plan og "
                    "barnekoordinator.</p>",
                ),
                "how": (
                    "<p>Vurder også om det skal sendes melding til barnevernet. Avklar hvem som er stafettholder "
                    "når flere tjenester er med.</p>",
                    "<p>Vurder òg om det skal sendast melding til barnevernet. Avklar kven som er stafetthaldar "
                    "når fleire tenester er med.</p>",
                ),
                "who": (
                    "Stafettholderen, foreldrene og tjenestene",
                    "Stafetthaldaren, foreldra og tenestene",
                ),
                "tools": ["motemal", "bekymringsmelding"],
                "next": [(("Gå videre til steg 3", "Gå vidare til steg 3"), None, 3)],
            },
            {
                "title": ("Koordiner og gjennomfør tiltak", "Koordiner og gjennomfør tiltak"),
                "what": (
                    "<p>Sett i gang tiltakene slik at de henger sammen for barnet og familien.</p>",
                    "<p>Set i gang tiltaka slik at dei heng saman for barnet og familien.</p>",
                ),
                "how": (
                    "<p>Alle tjenestene skriver sine tiltak og avtaler i stafettloggen.</p>",
                    "<p>Alle tenestene skriv tiltaka og avtalane sine i stafettloggen.</p>",
                ),
                "who": ("Hver tjeneste for sine tiltak", "Kvar teneste for sine tiltak"),
                "tools": ["tiltaksplan", "stafettlogg"],
                "next": [(("Gå videre til steg 4", "Gå vidare til steg 4"), None, 4)],
            },
            {
                "title": ("Evaluer og avgjør veien videre", "Evaluer og avgjer vegen vidare"),
                "what": (
                    "<p>Fortsett, bytt nivå eller avslutt, og skriv ned hvorfor.</p>",
                    "<p>Hald fram, byt nivå eller avslutt, og skriv ned kvifor.</p>",
                ),
                "how": (
                    "<p>Saker som står fast, meldes til koordinerende enhet. Når en annen tjeneste tar over, går "
                    "stafetten videre til en ny stafettholder.</p>",
                    "<p>Saker som står fast, blir melde til koordinerande eining. Når ei anna teneste tek over, "
                    "går stafetten vidare til ein ny stafetthaldar.</p>",
                ),
                "who": ("Stafettholderen, med {leader}", "Stafetthaldaren, med {leader}"),
                "tools": ["motemal", "tiltaksplan"],
                "time_limit": ("Evaluer minst hver tredje måned", "Evaluer minst kvar tredje månad"),
                "next": [(("Tilbake til nivå 2", "Tilbake til nivå 2"), 2, None)],
            },
        ],
    },
}


def pair(t: Glossary, texts, nb_roles, nn_roles, html=False):
    nb_text, nn_text = texts[0].format(**nb_roles), texts[1].format(**nn_roles)
    return t.html(nb_text, nn_text) if html else t.text(nb_text, nn_text)


def level_steps(t: Glossary, level: dict, nb_roles, nn_roles, tools: dict[str, Tool]):
    blocks = []
    if "notice" in level:
        title, text = level["notice"]
        blocks.append(
            (
                "notice",
                {
                    "kind": "info",
                    "title": pair(t, title, nb_roles, nn_roles),
                    "text": pair(t, text, nb_roles, nn_roles, html=True),
                },
            )
        )
    for step in level["steps"]:
        blocks.append(
            (
                "step",
                {
                    "title": pair(t, step["title"], nb_roles, nn_roles),
                    "what": pair(t, step["what"], nb_roles, nn_roles, html=True),
                    "how": pair(t, step["how"], nb_roles, nn_roles, html=True),
                    "who": pair(t, step["who"], nb_roles, nn_roles),
                    "tools": [tools[key] for key in step["tools"]],
                    "time_limit": pair(t, step["time_limit"], nb_roles, nn_roles)
                    if "time_limit" in step
                    else "",
                    "next_steps": [
                        {
                            "text": pair(t, text, nb_roles, nn_roles),
                            "level": "" if target is None else str(target),
                            "step": number,
                        }
                        for text, target, number in step["next"]
                    ],
                },
            )
        )
    return blocks


# --- Pages ----------------------------------------------------------------------------------------


def index_body(t: Glossary):
    return [
        (
            "heading",
            {"text": t.text("Slik bruker du veilederen", "Slik brukar du rettleiaren"), "level": "h2"},
        ),
        (
            "paragraph",
            t.html(
                "<p>Velg tjenesteområdet ditt og nivået saken er på. Hvert nivå har nummererte steg som sier hva "
                "du skal gjøre, hvordan, hvem som har ansvaret, og hvilke verktøy du kan bruke. Alle steg har "
                "sin egen lenke og kan skrives ut.</p>"
                "<p>De fleste saker starter på nivå 0 og avsluttes der eller på nivå 1. Saken kan gå opp og ned "
                "mellom nivåene etter hva barnet trenger.</p>",
                "<p>Vel tenesteområdet ditt og nivået saka er på. Kvart nivå har nummererte steg som seier kva "
                "du skal gjere, korleis, kven som har ansvaret, og kva verktøy du kan bruke. Alle steg har si "
                "eiga lenkje og kan skrivast ut.</p>"
                "<p>Dei fleste saker startar på nivå 0 og blir avslutta der eller på nivå 1. Saka kan gå opp og "
                "ned mellom nivåa etter kva barnet treng.</p>",
            ),
        ),
        (
            "notice",
            {
                "kind": "info",
                "title": t.text("Stafettholder og stafettlogg", "Stafetthaldar og stafettlogg"),
                "text": t.html(
                    "<p>Fra nivå 1 får barnet en stafettholder: den voksne i tjenestene som står barnet nærmest. "
                    "Stafettholderen leder møtene og fører stafettloggen, der tiltak og avtaler samles. Loggen "
                    "opprettes bare med samtykke fra foreldrene, og den følger barnet når ansvaret går videre.</p>",
                    "<p>Frå nivå 1 får barnet ein stafetthaldar: den vaksne i tenestene som står barnet nærast. "
                    "Stafetthaldaren leiar møta og fører stafettloggen, der tiltak og avtalar blir samla. Loggen "
                    "blir oppretta berre med samtykke frå foreldra, og han følgjer barnet når ansvaret går "
                    "vidare.</p>",
                ),
            },
        ),
        (
            "notice",
            {
                "kind": "danger",
                "title": t.text("Mistanke om vold eller overgrep", "Mistanke om vald eller overgrep"),
                "text": t.html(
                    "<p>Da skal du ikke følge nivåene eller snakke med foreldrene først. Kontakt barnevernet eller "
                    "politiet direkte. Ved akutt fare: ring 112.</p>",
                    "<p>Då skal du ikkje følgje nivåa eller snakke med foreldra først. Kontakt barnevernet eller "
                    "politiet direkte. Ved akutt fare: ring 112.</p>",
                ),
            },
        ),
    ]


# Where a parent worried about their own child can turn, in this order (slugs of the directory).
OWN_CHILD_CONTACTS = ["helsestasjonen", "foreldreveiledning", "familieteamet", "familievernkontoret"]


def concern_body(t: Glossary, nb: Locale):
    return [
        (
            "heading",
            {"text": t.text("Tegn du kan legge merke til", "Teikn du kan leggje merke til"), "level": "h2"},
        ),
        (
            "paragraph",
            t.html(
                "<ul><li>Barnet endrer atferd, blir stille og tilbaketrukket eller urolig og sint.</li>"
                "<li>Barnet kommer ofte sultent, skittent eller for tynt kledd.</li>"
                "<li>Barnet har skader som ikke blir forklart, eller er redd for å gå hjem.</li>"
                "<li>En forelder virker ruset, svært sliten eller har vanskelig for å ta vare på barnet.</li></ul>",
                "<ul><li>Barnet endrar åtferd, blir stille og tilbaketrekt eller uroleg og sint.</li>"
                "<li>Barnet kjem ofte svolte, skitent eller for tynt kledd.</li>"
                "<li>Barnet har skadar som ikkje blir forklarte, eller er redd for å gå heim.</li>"
                "<li>Ein forelder verkar rusa, svært sliten eller har vanskeleg for å ta vare på barnet.</li></ul>",
            ),
        ),
        (
            "paragraph",
            t.html(
                "<p>Det er vanlig å lure på om man har sett riktig. Du trenger ikke være sikker for å si fra. "
                "Det er fagfolkene som skal undersøke saken.</p>",
                "<p>Det er vanleg å lure på om ein har sett rett. Du treng ikkje vere sikker for å seie frå. "
                "Det er fagfolka som skal undersøkje saka.</p>",
            ),
        ),
        (
            "heading",
            {"text": t.text("Hva skjer når du sier fra?", "Kva skjer når du seier frå?"), "level": "h2"},
        ),
        (
            "paragraph",
            t.html(
                "<p>Helsestasjonen, barnehagen eller skolen kan hjelpe deg å vurdere det du har sett. Når du "
                "sender en bekymringsmelding, vurderer barnevernet den innen en uke. Barnevernet kan ikke "
                "fortelle deg hva som skjer videre, fordi de har taushetsplikt.</p>",
                "<p>Helsestasjonen, barnehagen eller skulen kan hjelpe deg å vurdere det du har sett. Når du "
                "sender ei melding om uro, vurderer barnevernet henne innan ei veke. Barnevernet kan ikkje "
                "fortelje deg kva som skjer vidare, fordi dei har teieplikt.</p>",
            ),
        ),
        ("heading", {"text": t.text("Du kan være anonym", "Du kan vere anonym"), "level": "h2"}),
        (
            "paragraph",
            t.html(
                "<p>Som privatperson kan du melde fra uten å oppgi navnet ditt. Det kan likevel være lettere å "
                "hjelpe barnet hvis barnevernet kan kontakte deg.</p>",
                "<p>Som privatperson kan du melde frå utan å oppgje namnet ditt. Det kan likevel vere lettare å "
                "hjelpe barnet dersom barnevernet kan kontakte deg.</p>",
            ),
        ),
        (
            "heading",
            {
                "text": t.text("Er du bekymret for ditt eget barn?", "Er du uroa for ditt eige barn?"),
                "level": "h2",
            },
        ),
        (
            "paragraph",
            t.html(
                "<p>Snakk med helsestasjonen, barnehagen eller skolen. Sammen kan dere finne ut hva som kan "
                "hjelpe, og du kan be om at tjenestene samarbeider.</p>",
                "<p>Snakk med helsestasjonen, barnehagen eller skulen. Saman kan de finne ut kva som kan hjelpe, "
                "og du kan be om at tenestene samarbeider.</p>",
            ),
        ),
        # The contacts come from the service directory (guide/demo/services.py, loaded before).
        (
            "contacts",
            {
                "services": sorted(
                    ServicePage.objects.filter(locale=nb, slug__in=OWN_CHILD_CONTACTS),
                    key=lambda service: OWN_CHILD_CONTACTS.index(service.slug),
                )
            },
        ),
    ]


def load(stdout) -> GuideIndexPage:
    t = Glossary()
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    home = HomePage.objects.get(locale=nb)

    tools = load_tools(t, nb, nn)
    coordinator = ("Ingrid Fjell", t.text("BTI-koordinator", "BTI-koordinator"))
    t.text(coordinator[0], coordinator[0])

    index, created = add_child_once(
        home,
        GuideIndexPage(
            title=t.text("Handlingsveileder", "Handlingsrettleiar"),
            slug=t.text("handlingsveileder", "handlingsrettleiar"),
            intro=t.text(
                "Hva ansatte i barnehage, skole, helsestasjon og hjelpetjenestene gjør når de undrer seg over "
                "eller er bekymret for et barn – nivå for nivå.",
                "Kva tilsette i barnehage, skule, helsestasjon og hjelpetenestene gjer når dei undrar seg over "
                "eller er uroa for eit barn – nivå for nivå.",
            ),
            body=index_body(t),
            responsible_name=coordinator[0],
            responsible_role=coordinator[1],
            show_in_menus=True,
        ),
    )
    if created:
        stdout.write("  handlingsveileder (nb) opprettet")
    library, _ = add_child_once(
        index,
        ToolLibraryPage(
            title=t.text("Verktøy og skjemaer", "Verktøy og skjema"),
            slug=t.text("verktoy", "verktoy"),
            intro=t.text(
                "Alle skjemaer, maler og sjekklister i handlingsveilederen. Filtrer på nivå og tjenesteområde.",
                "Alle skjema, malar og sjekklister i handlingsrettleiaren. Filtrer på nivå og tenesteområde.",
            ),
            responsible_name=coordinator[0],
            responsible_role=coordinator[1],
        ),
    )
    concern, _ = add_child_once(
        home,
        ConcernPage(
            title=t.text("Er du bekymret for et barn?", "Er du uroa for eit barn?"),
            slug=t.text("bekymret-for-et-barn", "uroa-for-eit-barn"),
            intro=t.text(
                "Hva du kan se etter, hva som skjer når du sier fra, og hvor du får hjelp.",
                "Kva du kan sjå etter, kva som skjer når du seier frå, og kvar du får hjelp.",
            ),
            body=concern_body(t, nb),
            child_welfare_phone=t.text("12 34 52 00", "12 34 52 00"),
            emergency_phone=t.text("12 34 59 99", "12 34 59 99"),
            responsible_name=t.text("Siv Nordli", "Siv Nordli"),
            responsible_role=t.text("Leder for barneverntjenesten", "Leiar for barnevernstenesta"),
            show_in_menus=True,
        ),
    )

    pages = [index, library, concern]
    for area in AREAS:
        nb_roles, nn_roles = roles(area, "nb"), roles(area, "nn")
        name, role = area["responsible"]
        t.text(name, name)
        area_page, _ = add_child_once(
            index,
            ServiceAreaGuidePage(
                title=t.text(*area["title"]),
                slug=t.text(*area["slug"]),
                intro=t.text(*area["intro"]),
                responsible_name=name,
                responsible_role=t.text(*role),
            ),
        )
        pages.append(area_page)
        for number, level in LEVELS.items():
            level_page, _ = add_child_once(
                area_page,
                GuideLevelPage(
                    title=pair(t, level["title"], nb_roles, nn_roles),
                    slug=t.text(f"niva-{number}", f"niva-{number}"),
                    intro=pair(t, level["intro"], nb_roles, nn_roles),
                    level=number,
                    steps=level_steps(t, level, nb_roles, nn_roles, tools),
                ),
            )
            pages.append(level_page)

    for page in pages:  # parents come before their children in `pages`
        if not page.has_translation(nn):
            translate(page, t)
    return index
