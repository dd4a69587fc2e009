"""Starter versions of the guide's tools (nb + nn), written in our own words from the BTI material:
the content of each tool's form (guide.blocks.ToolFormBlock), from which the portal makes the Word
file and the PDF. A municipality adapts them in the admin. Examples are invented; no real persons.

Each text is a (Bokmål, Nynorsk) pair."""


def heading(nb, nn):
    return ("heading", (nb, nn))


def paragraph(nb, nn):
    return ("paragraph", (nb, nn))


def field(nb, nn, lines=1, help=("", "")):
    return ("field", {"label": (nb, nn), "help": help, "lines": lines})


def checkboxes(options, question=("", "")):
    return ("checkboxes", {"question": question, "options": options})


def signature(*signers):
    return ("signature", {"signers": list(signers)})


CHILD = [
    field("Barnets navn", "Namnet til barnet"),
    field("Fødselsår (ikke fødselsnummer)", "Fødselsår (ikkje fødselsnummer)"),
    field("Barnehage, skole eller tjeneste", "Barnehage, skule eller teneste"),
]
GUARDIANS = ("Foresatt", "Føresett")

FORMS = {
    "mistrivsel": [
        paragraph(
            "Listen er en hjelp til å sette ord på det du ser. Ett tegn alene betyr sjelden noe; det er "
            "summen, varigheten og endringen over tid som gir grunn til undring. Skriv hva du ser, ikke hva "
            "du tror det betyr.",
            "Lista er ei hjelp til å setje ord på det du ser. Eitt teikn åleine tyder sjeldan noko; det er "
            "summen, kor lenge det varer og endringa over tid som gjev grunn til undring. Skriv kva du ser, "
            "ikkje kva du trur det tyder.",
        ),
        *CHILD,
        heading("Tegn hos barnet", "Teikn hos barnet"),
        checkboxes(
            [
                ("Trekker seg unna andre barn eller voksne", "Trekkjer seg unna andre barn eller vaksne"),
                (
                    "Endret humør: trist, redd, sint eller urolig",
                    "Endra humør: trist, redd, sint eller uroleg",
                ),
                ("Sover dårlig, er ofte sliten", "Søv dårleg, er ofte trøytt"),
                ("Mister ferdigheter barnet hadde før", "Mistar dugleikar barnet hadde før"),
                (
                    "Vondt i magen eller hodet uten kjent årsak",
                    "Vondt i magen eller hovudet utan kjend årsak",
                ),
                (
                    "Sulten, skitten eller ikke kledd for været",
                    "Svolten, skitten eller ikkje kledd for vêret",
                ),
                ("Skader som ikke er forklart", "Skadar som ikkje er forklarte"),
                ("Høyt fravær eller mye sen henting", "Høgt fråvær eller mykje sein henting"),
            ],
            ("Kryss av for det du har sett", "Kryss av for det du har sett"),
        ),
        heading("Tegn hos foreldrene eller i familien", "Teikn hos foreldra eller i familien"),
        checkboxes(
            [
                ("Vansker med å få til samarbeid", "Vanskar med å få til samarbeid"),
                (
                    "Store endringer i familien (flytting, samlivsbrudd, sykdom, dødsfall)",
                    "Store endringar i familien (flytting, samlivsbrot, sjukdom, dødsfall)",
                ),
                (
                    "Tegn på rus, psykisk uhelse eller vold i hjemmet",
                    "Teikn på rus, psykisk uhelse eller vald i heimen",
                ),
            ]
        ),
        field("Beskriv hva du har sett og hørt, og når", "Skildre kva du har sett og høyrt, og når", lines=6),
        field("Hvem har du drøftet undringen med?", "Kven har du drøfta undringa med?", lines=2),
        field("Neste steg og dato", "Neste steg og dato", lines=2),
        signature(("Utfylt av", "Fylt ut av")),
    ],
    "samtykke": [
        paragraph(
            "Med dette skjemaet samtykker foreldrene til at tjenestene som er krysset av, kan snakke sammen og "
            "dele de opplysningene som trengs for å hjelpe barnet. Samtykket er frivillig. Det gjelder bare det "
            "som står her, og det kan trekkes tilbake når som helst, muntlig eller skriftlig.",
            "Med dette skjemaet samtykkjer foreldra til at tenestene som er kryssa av, kan snakke saman og "
            "dele dei opplysningane som trengst for å hjelpe barnet. Samtykket er frivillig. Det gjeld berre det "
            "som står her, og det kan trekkjast tilbake når som helst, munnleg eller skriftleg.",
        ),
        *CHILD,
        heading("Hva samtykket gjelder", "Kva samtykket gjeld"),
        field("Formålet med samarbeidet", "Føremålet med samarbeidet", lines=3),
        checkboxes(
            [
                ("Barnehagen", "Barnehagen"),
                ("Skolen", "Skulen"),
                ("Helsestasjonen og skolehelsetjenesten", "Helsestasjonen og skulehelsetenesta"),
                ("PP-tjenesten", "PP-tenesta"),
                ("Familietjenesten", "Familietenesta"),
                ("Barnevernet", "Barnevernet"),
                ("Fastlegen", "Fastlegen"),
            ],
            (
                "Disse tjenestene kan samarbeide og dele opplysninger",
                "Desse tenestene kan samarbeide og dele opplysningar",
            ),
        ),
        checkboxes(
            [
                (
                    "Vi samtykker til at det opprettes en stafettlogg for barnet",
                    "Vi samtykkjer til at det blir oppretta ein stafettlogg for barnet",
                ),
                (
                    "Vi ønsker å være med på alle møter om barnet",
                    "Vi ønskjer å vere med på alle møte om barnet",
                ),
            ],
            ("Stafettlogg og møter", "Stafettlogg og møte"),
        ),
        field("Samtykket gjelder til og med (dato)", "Samtykket gjeld til og med (dato)"),
        paragraph(
            "Skjemaet oppbevares i barnets mappe i tjenesten som har fylt det ut. Foreldrene får en kopi.",
            "Skjemaet blir oppbevart i mappa til barnet i tenesta som har fylt det ut. Foreldra får ein kopi.",
        ),
        signature(GUARDIANS, GUARDIANS, ("For tjenesten", "For tenesta")),
    ],
    "undringsskala": [
        paragraph(
            "Skalaen hjelper deg og kollegene dine å si hvor stor uroen er, slik at dere velger riktig nivå i "
            "handlingsveilederen. Sett ett kryss. Er du i tvil mellom to trinn, velg det høyeste og drøft det.",
            "Skalaen hjelper deg og kollegaene dine å seie kor stor uroa er, slik at de vel rett nivå i "
            "handlingsrettleiaren. Set eitt kryss. Er du i tvil mellom to steg, vel det høgaste og drøft det.",
        ),
        *CHILD,
        checkboxes(
            [
                ("1 – Ingen uro: barnet har det bra", "1 – Inga uro: barnet har det bra"),
                (
                    "2 – Jeg undrer meg: noe er annerledes, jeg følger med (nivå 0)",
                    "2 – Eg undrar meg: noko er annleis, eg følgjer med (nivå 0)",
                ),
                (
                    "3 – Jeg er litt bekymret: vi setter inn tiltak i egen tjeneste (nivå 1)",
                    "3 – Eg er litt uroleg: vi set inn tiltak i eiga teneste (nivå 1)",
                ),
                (
                    "4 – Jeg er bekymret: vi trenger en annen tjeneste med (nivå 2)",
                    "4 – Eg er uroleg: vi treng ei anna teneste med (nivå 2)",
                ),
                (
                    "5 – Jeg er svært bekymret: flere tjenester må samarbeide, eller barnevernet må vite det (nivå 3)",
                    "5 – Eg er svært uroleg: fleire tenester må samarbeide, eller barnevernet må vite det (nivå 3)",
                ),
            ],
            ("Hvor stor er uroen?", "Kor stor er uroa?"),
        ),
        field("Hva gjør at du setter krysset der?", "Kva gjer at du set krysset der?", lines=5),
        field("Dato og hvem som har vurdert", "Dato og kven som har vurdert", lines=2),
        paragraph(
            "Ved mistanke om vold, overgrep eller alvorlig omsorgssvikt skal du ikke bruke skalaen først: "
            "kontakt barnevernet eller politiet med en gang.",
            "Ved mistanke om vald, overgrep eller alvorleg omsorgssvikt skal du ikkje bruke skalaen først: "
            "kontakt barnevernet eller politiet med ein gong.",
        ),
    ],
    "observasjon": [
        paragraph(
            "Observer i to til fire uker, gjerne flere voksne. Skriv kort og konkret hva barnet gjør og sier, "
            "i hvilken situasjon og hvem som var til stede. Ta med det som går bra.",
            "Observer i to til fire veker, gjerne fleire vaksne. Skriv kort og konkret kva barnet gjer og seier, "
            "i kva situasjon og kven som var til stades. Ta med det som går bra.",
        ),
        *CHILD,
        field("Hva vil dere se etter?", "Kva vil de sjå etter?", lines=2),
        heading("Observasjoner", "Observasjonar"),
        field("Dato, tid og situasjon", "Dato, tid og situasjon"),
        field("Hva skjedde? Hva gjorde og sa barnet?", "Kva skjedde? Kva gjorde og sa barnet?", lines=4),
        field("Dato, tid og situasjon", "Dato, tid og situasjon"),
        field("Hva skjedde? Hva gjorde og sa barnet?", "Kva skjedde? Kva gjorde og sa barnet?", lines=4),
        field("Dato, tid og situasjon", "Dato, tid og situasjon"),
        field("Hva skjedde? Hva gjorde og sa barnet?", "Kva skjedde? Kva gjorde og sa barnet?", lines=4),
        heading("Oppsummering", "Oppsummering"),
        field("Hva ser dere samlet sett?", "Kva ser de samla sett?", lines=4),
        signature(("Observert av", "Observert av")),
    ],
    "bekymringsmelding": [
        paragraph(
            "Alle som arbeider med barn, har plikt til å melde fra til barnevernet når det er grunn til å tro "
            "at et barn blir mishandlet eller utsatt for alvorlig omsorgssvikt. Foreldrene skal som regel vite "
            "om meldingen, men ikke ved mistanke om vold eller overgrep i familien. Ring barnevernet gjerne "
            "først og drøft saken anonymt.",
            "Alle som arbeider med barn, har plikt til å melde frå til barnevernet når det er grunn til å tru "
            "at eit barn blir mishandla eller utsett for alvorleg omsorgssvikt. Foreldra skal som regel vite "
            "om meldinga, men ikkje ved mistanke om vald eller overgrep i familien. Ring gjerne barnevernet "
            "først og drøft saka anonymt.",
        ),
        heading("Barnet", "Barnet"),
        field("Navn og fødselsdato", "Namn og fødselsdato"),
        field("Adresse", "Adresse"),
        field("Foreldrenes navn og telefon", "Namna og telefonnummera til foreldra", lines=2),
        heading("Melderen", "Melderen"),
        field("Navn, stilling og tjeneste", "Namn, stilling og teneste"),
        field("Telefon og e-post", "Telefon og e-post"),
        heading("Grunnen til meldingen", "Grunnen til meldinga"),
        field(
            "Hva har du sett og hørt, og når?",
            "Kva har du sett og høyrt, og når?",
            lines=8,
            help=(
                "Beskriv konkret. Skill mellom det du har sett selv og det andre har fortalt.",
                "Skildre konkret. Skil mellom det du har sett sjølv og det andre har fortalt.",
            ),
        ),
        field(
            "Hva er gjort, og hvem samarbeider dere med?",
            "Kva er gjort, og kven samarbeider de med?",
            lines=4,
        ),
        checkboxes(
            [
                ("Foreldrene vet om meldingen", "Foreldra veit om meldinga"),
                (
                    "Foreldrene vet ikke om meldingen (grunn oppgitt over)",
                    "Foreldra veit ikkje om meldinga (grunnen står over)",
                ),
                ("Barnet har fått si sin mening", "Barnet har fått seie meininga si"),
            ]
        ),
        signature(("Melder", "Melder"), ("Leder", "Leiar")),
    ],
    "motemal": [
        paragraph(
            "Bruk malen til innkalling, dagsorden og referat. Foreldrene er med i møtet, og barnets stemme skal "
            "komme fram. Referatet sendes til alle som var med, og legges i stafettloggen når det finnes en.",
            "Bruk malen til innkalling, dagsorden og referat. Foreldra er med i møtet, og stemma til barnet "
            "skal kome fram. Referatet blir sendt til alle som var med, og lagt i stafettloggen når det finst ein.",
        ),
        heading("Innkalling", "Innkalling"),
        field("Barnets navn", "Namnet til barnet"),
        field("Dato, tid og sted", "Dato, tid og stad"),
        field("Deltakere (navn og tjeneste)", "Deltakarar (namn og teneste)", lines=3),
        field("Møteleder og referent", "Møteleiar og referent"),
        heading("Dagsorden", "Dagsorden"),
        checkboxes(
            [
                ("Velkommen og hvorfor vi møtes", "Velkommen og kvifor vi møtest"),
                ("Hva går bra?", "Kva går bra?"),
                (
                    "Hva undrer vi oss over, og hva er vi bekymret for?",
                    "Kva undrar vi oss over, og kva er vi urolege for?",
                ),
                ("Barnets egne ord", "Orda til barnet sjølv"),
                ("Mål og tiltak: hvem gjør hva, og innen når", "Mål og tiltak: kven gjer kva, og innan når"),
                ("Neste møte og evaluering", "Neste møte og evaluering"),
            ]
        ),
        heading("Referat", "Referat"),
        field("Det vi ble enige om", "Det vi vart samde om", lines=6),
        field("Tiltak, ansvarlig og frist", "Tiltak, ansvarleg og frist", lines=5),
        field("Neste møte", "Neste møte"),
        signature(("Referent", "Referent")),
    ],
    "samtalen": [
        paragraph(
            "Den nødvendige samtalen er den du helst vil utsette: å fortelle foreldre at du undrer deg over "
            "hvordan barnet har det. Godt forberedt blir den sjelden så vanskelig som du frykter.",
            "Den nødvendige samtalen er den du helst vil utsetje: å fortelje foreldre at du undrar deg over "
            "korleis barnet har det. Godt førebudd blir han sjeldan så vanskeleg som du fryktar.",
        ),
        heading("Før samtalen", "Før samtalen"),
        checkboxes(
            [
                (
                    "Jeg har drøftet saken med leder eller en kollega",
                    "Eg har drøfta saka med leiar eller ein kollega",
                ),
                ("Jeg har skrevet ned konkrete eksempler", "Eg har skrive ned konkrete døme"),
                (
                    "Det er avtalt tid og et rolig rom, og tolk om det trengs",
                    "Det er avtalt tid og eit roleg rom, og tolk om det trengst",
                ),
            ]
        ),
        field("Hva vil jeg si i første setning?", "Kva vil eg seie i første setning?", lines=2),
        heading("I samtalen", "I samtalen"),
        paragraph(
            "Start med det som går bra. Beskriv det du har sett, uten å tolke. Spør hvordan foreldrene ser det, "
            "og lytt. Si hva du ønsker å gjøre videre, og spør hva de tenker. Eksempel: «Ola Nordmann (5) har "
            "de siste ukene trukket seg unna leken. Har dere sett noe av det samme hjemme?»",
            "Start med det som går bra. Skildre det du har sett, utan å tolke. Spør korleis foreldra ser det, "
            "og lytt. Sei kva du ønskjer å gjere vidare, og spør kva dei tenkjer. Døme: «Ola Nordmann (5) har "
            "dei siste vekene trekt seg unna leiken. Har de sett noko av det same heime?»",
        ),
        field("Det foreldrene fortalte", "Det foreldra fortalde", lines=4),
        field(
            "Det vi ble enige om, og når vi snakkes igjen",
            "Det vi vart samde om, og når vi snakkast igjen",
            lines=3,
        ),
        heading("Etter samtalen", "Etter samtalen"),
        field(
            "Hva gikk bra, og hva gjør jeg annerledes neste gang?",
            "Kva gjekk bra, og kva gjer eg annleis neste gong?",
            lines=3,
        ),
    ],
    "tiltaksplan": [
        *CHILD,
        field("Mål: hva skal bli bedre for barnet?", "Mål: kva skal bli betre for barnet?", lines=3),
        field("Tiltak 1, ansvarlig og oppstart", "Tiltak 1, ansvarleg og oppstart", lines=2),
        field("Tiltak 2, ansvarlig og oppstart", "Tiltak 2, ansvarleg og oppstart", lines=2),
        field("Tiltak 3, ansvarlig og oppstart", "Tiltak 3, ansvarleg og oppstart", lines=2),
        heading("Evaluering", "Evaluering"),
        field("Dato for evaluering", "Dato for evaluering"),
        checkboxes(
            [
                ("Målet er nådd: saken avsluttes", "Målet er nådd: saka blir avslutta"),
                ("Tiltakene fortsetter", "Tiltaka held fram"),
                ("Vi trenger flere tjenester med: neste nivå", "Vi treng fleire tenester med: neste nivå"),
            ]
        ),
        signature(GUARDIANS, ("Stafettholder", "Stafetthaldar")),
    ],
    "stafettlogg": [
        paragraph(
            "Stafettloggen er et digitalt verktøy der tjenestene som hjelper barnet, og dere som foreldre, "
            "skriver ned mål, tiltak og avtaler. Den opprettes bare når dere har samtykket.",
            "Stafettloggen er eit digitalt verktøy der tenestene som hjelper barnet, og de som foreldre, "
            "skriv ned mål, tiltak og avtalar. Han blir berre oppretta når de har samtykt.",
        ),
        heading("Hvem kan lese loggen?", "Kven kan lese loggen?"),
        paragraph(
            "Dere som foreldre, stafettholderen og de tjenestene dere har samtykket til. Ingen andre.",
            "De som foreldre, stafetthaldaren og dei tenestene de har samtykt til. Ingen andre.",
        ),
        heading("Slik logger dere inn", "Slik loggar de inn"),
        paragraph(
            "Dere får en lenke fra stafettholderen og logger inn med ID-porten. Spør stafettholderen om dere "
            "trenger hjelp.",
            "De får ei lenkje frå stafetthaldaren og loggar inn med ID-porten. Spør stafetthaldaren om de "
            "treng hjelp.",
        ),
        field("Stafettholder og telefon", "Stafetthaldar og telefon"),
    ],
    "fem-trinn": [
        paragraph(
            "Fem spørsmål på veien fra en første uro til en eventuell melding. Ved mistanke om vold eller "
            "overgrep går du rett til trinn 5.",
            "Fem spørsmål på vegen frå ei første uro til ei eventuell melding. Ved mistanke om vald eller "
            "overgrep går du rett til steg 5.",
        ),
        field("1. Hva har jeg sett og hørt?", "1. Kva har eg sett og høyrt?", lines=3),
        field("2. Hvem har jeg drøftet det med?", "2. Kven har eg drøfta det med?", lines=2),
        field("3. Hva sier foreldrene?", "3. Kva seier foreldra?", lines=3),
        field("4. Hva har vi prøvd, og hjalp det?", "4. Kva har vi prøvd, og hjelpte det?", lines=3),
        checkboxes(
            [
                ("Vi fortsetter i egen tjeneste", "Vi held fram i eiga teneste"),
                ("Vi trekker inn en annen tjeneste", "Vi trekkjer inn ei anna teneste"),
                ("Vi melder til barnevernet", "Vi melder til barnevernet"),
            ],
            ("5. Hva gjør vi nå?", "5. Kva gjer vi no?"),
        ),
    ],
}


def tool_form(key: str, text) -> list:
    """The form of tool `key` as StreamField data, each (nb, nn) pair given to `text` (Glossary.text)."""

    def value(item):
        if isinstance(item, tuple):
            return text(*item) if item[0] else ""
        if isinstance(item, list):
            return [value(entry) for entry in item]
        if isinstance(item, dict):
            return {name: value(entry) for name, entry in item.items()}
        return item

    return [(block_type, value(content)) for block_type, content in FORMS.get(key, [])]
