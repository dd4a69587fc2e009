"""Demo pages for the network: the three levels, every group, every role and the unit list (nb + nn).

Written in our own words from the facts in the seed documents (mandates for the network, agents
and pilots; the governance model with steering group, coordinating level and service level;
the driftsstyre/reference group and progress plan of a smaller municipality)."""

from wagtail.models import Locale

from home.demo.bilingual import Glossary, add_child_once, translate
from home.models import HomePage
from network.models import NetworkGroupPage, NetworkIndexPage, RolePage, ServiceUnitListPage


def composition(t: Glossary, *roles):
    blocks = []
    for role in roles:
        role_nb, role_nn, *note = role
        value = {"role": t.text(role_nb, role_nn), "note": t.text(*note) if note else ""}
        blocks.append(("role", value))
    return blocks


def members(t: Glossary, people, *entries):
    return [
        ("member", {"person": people[key], "role": t.text(role_nb, role_nn) if role_nb else ""})
        for key, role_nb, role_nn in entries
    ]


def groups(t: Glossary, people):
    return [
        NetworkGroupPage(
            title=t.text("Styringsgruppen", "Styringsgruppa"),
            slug=t.text("styringsgruppen", "styringsgruppa"),
            level=NetworkGroupPage.MUNICIPAL,
            intro=t.text(
                "Styringsgruppen setter mål og prioriteringer for det tverrfaglige og forebyggende arbeidet, "
                "og er styringsgruppe for BTI.",
                "Styringsgruppa set mål og prioriteringar for det tverrfaglege og førebyggjande arbeidet, "
                "og er styringsgruppe for BTI.",
            ),
            purpose=t.html(
                "<p>Gruppen har ansvaret for mål og prioriteringer i det tverrfaglige, forebyggende arbeidet i "
                "kommunen, også det som skal forebygge rus og kriminalitet. Strategiske planer og tiltaksplaner "
                "forankres her og i kommunens øvrige plan- og budsjettarbeid.</p>"
                "<p>Styringsgruppen eier BTI-prosjektet: den godkjenner mandatene for nettverket, agentene og "
                "pilotene, og den tar imot evalueringen av pilotperioden.</p>",
                "<p>Gruppa har ansvaret for mål og prioriteringar i det tverrfaglege, førebyggjande arbeidet i "
                "kommunen, også det som skal førebyggje rus og kriminalitet. Strategiske planar og tiltaksplanar "
                "blir forankra her og i det andre plan- og budsjettarbeidet i kommunen.</p>"
                "<p>Styringsgruppa eig BTI-prosjektet: ho godkjenner mandata for nettverket, agentane og "
                "pilotane, og ho tek imot evalueringa av pilotperioden.</p>",
            ),
            composition=composition(
                t,
                (
                    "Direktørene for oppvekst og for helse og mestring",
                    "Direktørane for oppvekst og for helse og meistring",
                ),
                ("Kommuneoverlegen", "Kommuneoverlegen"),
                (
                    "Kommunalsjefene for barnehage, skole, helsetjenester for barn og unge, barnevern og NAV",
                    "Kommunalsjefane for barnehage, skule, helsetenester for barn og unge, barnevern og NAV",
                ),
                (
                    "Avdelingssjefene for fagstab oppvekst og PPT",
                    "Avdelingssjefane for fagstab oppvekst og PPT",
                ),
                ("Teamleder for tverrfaglig samarbeid", "Teamleiar for tverrfagleg samarbeid"),
                ("SLT-koordinator", "SLT-koordinator"),
                ("Politiet", "Politiet", "kalles inn ved behov", "blir kalla inn ved behov"),
            ),
            members=members(
                t,
                people,
                ("dir-oppvekst", "leder", "leiar"),
                ("dir-helse", "", ""),
                ("overlege", "", ""),
                ("ks-bhg", "", ""),
                ("ks-skole", "", ""),
                ("ks-helse", "", ""),
                ("ks-bv", "", ""),
                ("ks-nav", "", ""),
                ("as-ppt", "", ""),
                ("as-fagstab", "", ""),
                ("teamleder", "", ""),
                ("slt", "", ""),
            ),
            chair=people["dir-oppvekst"],
            minute_taker=people["teamleder"],
            meeting_rhythm=t.text(
                "Tre til fire ganger i året, ellers ved behov", "Tre til fire gonger i året, elles ved behov"
            ),
            agenda_and_consent=t.html(
                "<p>Teamlederen forbereder sakene sammen med lederen av gruppen. Styringsgruppen drøfter ikke "
                "enkeltsaker om barn eller familier.</p>",
                "<p>Teamleiaren førebur sakene saman med leiaren av gruppa. Styringsgruppa drøftar ikkje "
                "einskildsaker om barn eller familiar.</p>",
            ),
            contact_person=people["teamleder"],
        ),
        NetworkGroupPage(
            title=t.text("Koordineringsgruppen", "Koordineringsgruppa"),
            slug=t.text("koordineringsgruppen", "koordineringsgruppa"),
            level=NetworkGroupPage.COORDINATING,
            intro=t.text(
                "Rådgivere og ledere som tar imot behov fra styringsgruppen og tjenestene, og fordeler oppgavene.",
                "Rådgjevarar og leiarar som tek imot behov frå styringsgruppa og tenestene, og fordeler oppgåvene.",
            ),
            purpose=t.html(
                "<p>Både styringsgruppen og tjenestenivået melder inn behov til det koordinerende nivået. "
                "Koordineringsgruppen ser behovene i sammenheng, bestemmer hvem som følger dem opp, og passer på "
                "at nivåene henger sammen.</p>",
                "<p>Både styringsgruppa og tenestenivået melder inn behov til det koordinerande nivået. "
                "Koordineringsgruppa ser behova i samanheng, avgjer kven som følgjer dei opp, og passar på at "
                "nivåa heng saman.</p>",
            ),
            composition=composition(
                t,
                ("Tverrfaglige rådgivere og koordinatorer", "Tverrfaglege rådgjevarar og koordinatorar"),
                (
                    "Avdelingsledere fra oppvekst, PPT, helse og kultur",
                    "Avdelingsleiarar frå oppvekst, PPT, helse og kultur",
                ),
                ("Andre ledere", "Andre leiarar", "kalles inn ved behov", "blir kalla inn ved behov"),
            ),
            members=members(
                t,
                people,
                ("teamleder", "leder", "leiar"),
                ("slt", "", ""),
                ("radgiver-ppt", "", ""),
                ("radgiver-fagstab", "", ""),
                ("folkehelse", "", ""),
                ("as-fagstab", "", ""),
                ("as-ppt", "", ""),
                ("leder-kultur", "", ""),
            ),
            chair=people["teamleder"],
            minute_taker_note=t.text("Tverrfaglig rådgiver, på omgang", "Tverrfagleg rådgjevar, på omgang"),
            meeting_rhythm=t.text("Omtrent én gang i måneden", "Om lag éin gong i månaden"),
            agenda_and_consent=t.html(
                "<p>Sakslisten sendes ut en uke før møtet. Gruppen arbeider på systemnivå og drøfter ikke "
                "enkeltbarn.</p>",
                "<p>Saklista blir send ut ei veke før møtet. Gruppa arbeider på systemnivå og drøftar ikkje "
                "einskilde barn.</p>",
            ),
            contact_person=people["teamleder"],
        ),
        NetworkGroupPage(
            title=t.text("Teamet av tverrfaglige rådgivere", "Teamet av tverrfaglege rådgjevarar"),
            slug=t.text("tverrfaglige-radgivere", "tverrfaglege-radgjevarar"),
            level=NetworkGroupPage.COORDINATING,
            intro=t.text(
                "Rådgiverne som gjør det daglige tverrfaglige arbeidet: planer, prosjekter, Ungdata og felles "
                "faglig plattform.",
                "Rådgjevarane som gjer det daglege tverrfaglege arbeidet: planar, prosjekt, Ungdata og felles "
                "fagleg plattform.",
            ),
            purpose=t.html(
                "<p>Teamet ledes av teamlederen for tverrfaglig samarbeid. Noen tverrfaglige oppgaver er lagt "
                "til ansatte andre steder i organisasjonen, som samarbeider med teamet uten å høre til det.</p>"
                "<ul><li>Utvikle planer, for eksempel kompetanseplan og handlingsplan mot vold i nære relasjoner.</li>"
                "<li>Lede prosjekter og innføre satsinger og tiltak.</li>"
                "<li>Gjennomføre Ungdata-undersøkelsen og hente inn annen kunnskap om barn og unge i kommunen.</li>"
                "<li>Utvikle en felles faglig plattform.</li>"
                "<li>Koordinere nærmiljø- og områdegrupper.</li></ul>",
                "<p>Teamet blir leidd av teamleiaren for tverrfagleg samarbeid. Nokre tverrfaglege oppgåver er "
                "lagde til tilsette andre stader i organisasjonen, som samarbeider med teamet utan å høyre til "
                "det.</p>"
                "<ul><li>Utvikle planar, til dømes kompetanseplan og handlingsplan mot vald i nære relasjonar.</li>"
                "<li>Leie prosjekt og innføre satsingar og tiltak.</li>"
                "<li>Gjennomføre Ungdata-undersøkinga og hente inn anna kunnskap om barn og unge i kommunen.</li>"
                "<li>Utvikle ein felles fagleg plattform.</li>"
                "<li>Koordinere nærmiljø- og områdegrupper.</li></ul>",
            ),
            composition=composition(
                t,
                ("Teamleder for tverrfaglig samarbeid", "Teamleiar for tverrfagleg samarbeid"),
                ("SLT-koordinator", "SLT-koordinator"),
                (
                    "Tverrfaglige rådgivere i fagstab oppvekst og PPT",
                    "Tverrfaglege rådgjevarar i fagstab oppvekst og PPT",
                ),
                ("Folkehelsekoordinator", "Folkehelsekoordinator"),
            ),
            members=members(
                t,
                people,
                ("teamleder", "leder", "leiar"),
                ("slt", "", ""),
                ("radgiver-ppt", "", ""),
                ("radgiver-fagstab", "", ""),
                ("folkehelse", "", ""),
            ),
            chair=people["teamleder"],
            minute_taker_note=t.text("Den som har ansvar for saken", "Den som har ansvar for saka"),
            meeting_rhythm=t.text("Hver uke", "Kvar veke"),
            contact_person=people["teamleder"],
        ),
        NetworkGroupPage(
            title=t.text("Prosjektgruppen BTI", "Prosjektgruppa BTI"),
            slug=t.text("prosjektgruppen-bti", "prosjektgruppa-bti"),
            level=NetworkGroupPage.COORDINATING,
            intro=t.text(
                "Gruppen som utvikler BTI-modellen og handlingsveilederen og leder innføringen i tjenestene.",
                "Gruppa som utviklar BTI-modellen og handlingsrettleiaren og leier innføringa i tenestene.",
            ),
            purpose=t.html(
                "<p>Prosjektgruppen tilpasser BTI-modellen til kommunens organisasjon, lager prosjektplaner og er "
                "et sted å drøfte og ta praktiske beslutninger. Den følger pilotene tett og samler erfaringene "
                "deres.</p>"
                "<p>Styrerne i barnehagene, rektorene, seksjonslederne på helsestasjonene, ledergruppen i NAV, "
                "folkehelseteamet og avdeling for barn og unge i kultur er referansegrupper for prosjektet.</p>",
                "<p>Prosjektgruppa tilpassar BTI-modellen til organisasjonen i kommunen, lagar prosjektplanar og "
                "er ein stad å drøfte og ta praktiske avgjerder. Ho følgjer pilotane tett og samlar "
                "erfaringane deira.</p>"
                "<p>Styrarane i barnehagane, rektorane, seksjonsleiarane på helsestasjonane, leiargruppa i NAV, "
                "folkehelseteamet og avdeling for barn og unge i kultur er referansegrupper for prosjektet.</p>",
            ),
            composition=composition(
                t,
                (
                    "Én representant hver fra barnehage, skole og helsetjenester for barn og unge",
                    "Éin representant kvar frå barnehage, skule og helsetenester for barn og unge",
                ),
                (
                    "Barnevern, psykisk helse og familiestøtte, psykisk helse og avhengighet",
                    "Barnevern, psykisk helse og familiestøtte, psykisk helse og avhengnad",
                ),
                ("SLT-koordinator og tverrfaglige rådgivere", "SLT-koordinator og tverrfaglege rådgjevarar"),
                ("Prosjektleder for BTI", "Prosjektleiar for BTI", "leder gruppen", "leier gruppa"),
            ),
            members=members(
                t,
                people,
                ("teamleder", "prosjektleder", "prosjektleiar"),
                ("slt", "", ""),
                ("radgiver-ppt", "", ""),
                ("radgiver-fagstab", "", ""),
                ("pg-bv", "", ""),
                ("pg-psyk", "", ""),
            ),
            chair=people["teamleder"],
            minute_taker=people["radgiver-fagstab"],
            meeting_rhythm=t.text("Annenhver uke i pilotperioden", "Annakvar veke i pilotperioden"),
            contact_person=people["teamleder"],
        ),
        NetworkGroupPage(
            title=t.text("Linjeledermøtet", "Linjeleiarmøtet"),
            slug=t.text("linjeledermotet", "linjeleiarmotet"),
            level=NetworkGroupPage.SERVICE,
            intro=t.text(
                "Lederne i alle tjenester for barn og unge møtes for å dele informasjon og drøfte felles saker.",
                "Leiarane i alle tenester for barn og unge møtest for å dele informasjon og drøfte felles saker.",
            ),
            purpose=t.html(
                "<ul><li>Dele informasjon på tvers av tjenestene.</li>"
                "<li>Arbeide med konkrete saker som verksted eller drøfting.</li>"
                "<li>Gi linjelederne innflytelse i tverrfaglige saker.</li></ul>",
                "<ul><li>Dele informasjon på tvers av tenestene.</li>"
                "<li>Arbeide med konkrete saker som verkstad eller drøfting.</li>"
                "<li>Gje linjeleiarane innverknad i tverrfaglege saker.</li></ul>",
            ),
            composition=composition(
                t,
                (
                    "Alle rektorer i kommunale og private skoler",
                    "Alle rektorar i kommunale og private skular",
                ),
                (
                    "Alle styrere i kommunale og private barnehager",
                    "Alle styrarar i kommunale og private barnehagar",
                ),
                ("Videregående skoler", "Vidaregåande skular"),
                (
                    "Avdelingsledere i helsetjenester for barn og unge og i barnevernet",
                    "Avdelingsleiarar i helsetenester for barn og unge og i barnevernet",
                ),
                (
                    "Seksjonsledere i PPT og i barn og unge kultur",
                    "Seksjonsleiarar i PPT og i barn og unge kultur",
                ),
                (
                    "NAV, boligavdelingen og psykisk helse og avhengighet",
                    "NAV, bustadavdelinga og psykisk helse og avhengnad",
                ),
                (
                    "Tverrfaglige rådgivere, SLT-koordinator og folkehelsekoordinator",
                    "Tverrfaglege rådgjevarar, SLT-koordinator og folkehelsekoordinator",
                ),
                (
                    "Direktører og kommunalsjefer",
                    "Direktørar og kommunalsjefar",
                    "når saken krever det",
                    "når saka krev det",
                ),
            ),
            chair_note=t.text(
                "Teamleder eller en tverrfaglig rådgiver", "Teamleiar eller ein tverrfagleg rådgjevar"
            ),
            minute_taker_note=t.text("En tverrfaglig rådgiver", "Ein tverrfagleg rådgjevar"),
            meeting_rhythm=t.text(
                "Minst to ganger i året, ellers ved behov", "Minst to gonger i året, elles ved behov"
            ),
            agenda_and_consent=t.html(
                "<p>Innkalling og saksliste sendes ut i god tid, slik at lederne kan drøfte sakene i egen "
                "organisasjon før møtet. Enkeltbarn drøftes ikke.</p>",
                "<p>Innkalling og saksliste blir sende ut i god tid, slik at leiarane kan drøfte sakene i eigen "
                "organisasjon før møtet. Einskilde barn blir ikkje drøfta.</p>",
            ),
            contact_person=people["teamleder"],
        ),
        NetworkGroupPage(
            title=t.text("SLT-møtet", "SLT-møtet"),
            slug=t.text("slt-motet", "slt-motet"),
            level=NetworkGroupPage.SERVICE,
            intro=t.text(
                "Tjenestene som arbeider tett med ungdom, møtes for å komme i forkant og sette inn tiltak tidlig.",
                "Tenestene som arbeider tett med ungdom, møtest for å kome i forkant og setje inn tiltak tidleg.",
            ),
            purpose=t.html(
                "<p>SLT står for samordning av lokale rus- og kriminalitetsforebyggende tiltak. Møtet skal fange "
                "opp negative tendenser i ungdomsmiljøet tidlig, sikre at informasjon flyter mellom tjenestene "
                "og sørge for at samordnede tiltak settes inn tidlig for ungdom i faresonen.</p>",
                "<p>SLT står for samordning av lokale rus- og kriminalitetsførebyggjande tiltak. Møtet skal fange "
                "opp negative tendensar i ungdomsmiljøet tidleg, sikre at informasjon flyt mellom tenestene og "
                "sørgje for at samordna tiltak blir sette inn tidleg for ungdom i faresona.</p>",
            ),
            composition=composition(
                t,
                ("SLT-koordinator", "SLT-koordinator", "leder møtet", "leier møtet"),
                (
                    "Barn og unge kultur og oppsøkende ungdomsteam",
                    "Barn og unge kultur og oppsøkjande ungdomsteam",
                ),
                (
                    "Helsestasjon for ungdom og skolehelsetjenesten",
                    "Helsestasjon for ungdom og skulehelsetenesta",
                ),
                (
                    "Psykisk helse og familiestøtte, rus og avhengighet",
                    "Psykisk helse og familiestøtte, rus og avhengnad",
                ),
                ("Alle ungdomsskoler og videregående skoler", "Alle ungdomsskular og vidaregåande skular"),
                ("Barneverntjenesten og NAV", "Barnevernstenesta og NAV"),
                ("Politikontakten", "Politikontakten"),
            ),
            members=members(t, people, ("slt", "leder og referent", "leiar og referent")),
            chair=people["slt"],
            minute_taker=people["slt"],
            meeting_rhythm=t.text("Hver 6.–8. uke", "Kvar 6.–8. veke"),
            agenda_and_consent=t.html(
                "<p>Møtet har to deler, og sakslisten viser tydelig hva som hører til hvilken del.</p>"
                "<ol><li><b>Del 1:</b> informasjon og samordning av tiltak. Alle deltakerne er med.</li>"
                "<li><b>Del 2:</b> drøfting av enkeltungdom eller grupper. Det skjer bare når det foreligger "
                "skriftlig samtykke, og bare de deltakerne som samtykket gjelder, er med.</li></ol>"
                "<p>Hver tjeneste sender en representant som kjenner hele tjenesten og kan forplikte den.</p>",
                "<p>Møtet har to delar, og saklista viser tydeleg kva som høyrer til kva del.</p>"
                "<ol><li><b>Del 1:</b> informasjon og samordning av tiltak. Alle deltakarane er med.</li>"
                "<li><b>Del 2:</b> drøfting av einskilde ungdommar eller grupper. Det skjer berre når det ligg "
                "føre skriftleg samtykke, og berre dei deltakarane som samtykket gjeld, er med.</li></ol>"
                "<p>Kvar teneste sender ein representant som kjenner heile tenesta og kan forplikte henne.</p>",
            ),
            contact_person=people["slt"],
        ),
        NetworkGroupPage(
            title=t.text("BTI-nettverket", "BTI-nettverket"),
            slug=t.text("bti-nettverket", "bti-nettverket"),
            level=NetworkGroupPage.SERVICE,
            intro=t.text(
                "Leder og BTI-agent fra hvert tjenestested møtes for å innføre BTI-modellen og "
                "handlingsveilederen.",
                "Leiar og BTI-agent frå kvar tenestestad møtest for å innføre BTI-modellen og "
                "handlingsrettleiaren.",
            ),
            purpose=t.html(
                "<p>Nettverket skal sikre at samhandlingsmodellen og handlingsveilederen blir tatt i bruk, slik "
                "at barn, unge og foreldre som trenger det, får rask og riktig hjelp uten brudd i "
                "oppfølgingen, og er med på å bestemme i sin egen sak.</p>"
                "<p>Nettverket ledes av et koordineringsteam: teamleder for tverrfaglig samarbeid, "
                "SLT-koordinator, tverrfaglig rådgiver i PPT og prosjektleder for BTI. Representantene fra "
                "pilotene er referansegruppe for koordineringen.</p>",
                "<p>Nettverket skal sikre at samhandlingsmodellen og handlingsrettleiaren blir tekne i bruk, slik "
                "at barn, unge og foreldre som treng det, får rask og rett hjelp utan brot i oppfølginga, og "
                "er med på å avgjere i si eiga sak.</p>"
                "<p>Nettverket blir leidd av eit koordineringsteam: teamleiar for tverrfagleg samarbeid, "
                "SLT-koordinator, tverrfagleg rådgjevar i PPT og prosjektleiar for BTI. Representantane frå "
                "pilotane er referansegruppe for koordineringa.</p>",
            ),
            composition=composition(
                t,
                (
                    "Leder og BTI-agent fra hvert tjenestested",
                    "Leiar og BTI-agent frå kvar tenestestad",
                    "se listen over tjenestesteder",
                    "sjå lista over tenestestader",
                ),
                ("Teamleder for tverrfaglig samarbeid", "Teamleiar for tverrfagleg samarbeid"),
                ("SLT-koordinator og folkehelsekoordinator", "SLT-koordinator og folkehelsekoordinator"),
                ("Tverrfaglig rådgiver i PPT", "Tverrfagleg rådgjevar i PPT"),
                ("Prosjektleder for BTI", "Prosjektleiar for BTI"),
            ),
            members=members(
                t,
                people,
                ("teamleder", "koordinering", "koordinering"),
                ("slt", "koordinering", "koordinering"),
                ("radgiver-ppt", "koordinering", "koordinering"),
                ("folkehelse", "", ""),
            ),
            chair=people["teamleder"],
            minute_taker=people["radgiver-ppt"],
            meeting_rhythm=t.text(
                "Omtrent én gang i måneden, som halvdagsmøter", "Om lag éin gong i månaden, som halvdagsmøte"
            ),
            agenda_and_consent=t.html(
                "<p>Nettverket arbeider fra et felles Teams-område der saksliste, opplæringsmateriell og "
                "referater ligger. Nettverket drøfter ikke enkeltbarn.</p>",
                "<p>Nettverket arbeider frå eit felles Teams-område der saksliste, opplæringsmateriell og "
                "referat ligg. Nettverket drøftar ikkje einskilde barn.</p>",
            ),
            contact_person=people["teamleder"],
        ),
    ]


def roles(t: Glossary, people):
    return [
        RolePage(
            title=t.text("BTI-agent", "BTI-agent"),
            slug=t.text("bti-agent", "bti-agent"),
            intro=t.text(
                "Superbrukeren og ressurspersonen for BTI på sitt tjenestested.",
                "Superbrukaren og ressurspersonen for BTI på tenestestaden sin.",
            ),
            mandate=t.html(
                "<p>BTI-agenten sikrer sammen med lederen at BTI blir innført, evaluert og holdt ved like på eget "
                "tjenestested, og at de ansatte får kompetanse. I små tjenester kan lederen selv være "
                "BTI-agent.</p>",
                "<p>BTI-agenten sikrar saman med leiaren at BTI blir innført, evaluert og halden ved like på "
                "eigen tenestestad, og at dei tilsette får kompetanse. I små tenester kan leiaren sjølv vere "
                "BTI-agent.</p>",
            ),
            expectations=t.html(
                "<ul><li>Har fullmakt til å oppfylle mandatet sitt.</li>"
                "<li>Får fri til å delta i BTI-nettverket og annen kompetanseheving.</li>"
                "<li>Får tid til å lære opp og følge opp de ansatte i egen tjeneste.</li>"
                "<li>Har, med støtte fra ledelsen, ansvar for innføringen i sin tjeneste.</li>"
                "<li>Setter BTI på dagsordenen i møtene i egen tjeneste.</li>"
                "<li>Motiverer kollegene og snakker godt om BTI.</li></ul>",
                "<ul><li>Har fullmakt til å oppfylle mandatet sitt.</li>"
                "<li>Får fri til å delta i BTI-nettverket og anna kompetanseheving.</li>"
                "<li>Får tid til å lære opp og følgje opp dei tilsette i eiga teneste.</li>"
                "<li>Har, med støtte frå leiinga, ansvar for innføringa i si teneste.</li>"
                "<li>Set BTI på dagsordenen i møta i eiga teneste.</li>"
                "<li>Motiverer kollegaene og snakkar godt om BTI.</li></ul>",
            ),
        ),
        RolePage(
            title=t.text("Pilot", "Pilot"),
            slug=t.text("pilot", "pilot"),
            intro=t.text(
                "Tjenestesteder som prøver ut BTI først og følges tett av prosjektgruppen.",
                "Tenestestader som prøver ut BTI først og blir følgde tett av prosjektgruppa.",
            ),
            mandate=t.html(
                "<p>For at innføringen og evalueringen skal bli god, er noen tjenestesteder piloter. De er "
                "knyttet tettere til prosjektgruppen og gir erfaringer som resten av kommunen kan bygge på.</p>",
                "<p>For at innføringa og evalueringa skal bli god, er nokre tenestestader pilotar. Dei er knytte "
                "tettare til prosjektgruppa og gjev erfaringar som resten av kommunen kan byggje på.</p>",
            ),
            expectations=t.html(
                "<ul><li>Gjennomfører opplæring etter opplæringsplanen.</li>"
                "<li>Gjennomfører kompetansehevende tiltak etter kompetanseplanen.</li>"
                "<li>Deltar aktivt i BTI-nettverket.</li>"
                "<li>Bruker BTI-modellen når noen er bekymret for et barn.</li>"
                "<li>Forteller foreldre om BTI og hjelper til med å finne foreldrerepresentanter.</li>"
                "<li>Deltar på evalueringsmøter med prosjektledelsen.</li></ul>",
                "<ul><li>Gjennomfører opplæring etter opplæringsplanen.</li>"
                "<li>Gjennomfører kompetansehevande tiltak etter kompetanseplanen.</li>"
                "<li>Deltek aktivt i BTI-nettverket.</li>"
                "<li>Brukar BTI-modellen når nokon er uroa for eit barn.</li>"
                "<li>Fortel foreldre om BTI og hjelper til med å finne foreldrerepresentantar.</li>"
                "<li>Deltek på evalueringsmøte med prosjektleiinga.</li></ul>",
            ),
        ),
        RolePage(
            title=t.text("Teamleder for tverrfaglig samarbeid", "Teamleiar for tverrfagleg samarbeid"),
            slug=t.text("teamleder", "teamleiar"),
            intro=t.text(
                "Hovedkontakten for tverrfaglig samarbeid i kommunen.",
                "Hovudkontakten for tverrfagleg samarbeid i kommunen.",
            ),
            mandate=t.html(
                "<ul><li>Leder arbeidet på det koordinerende nivået.</li>"
                "<li>Er hovedkontaktperson for tverrfaglig samarbeid.</li>"
                "<li>Følger opp og utvikler det strategiske arbeidet styringsgruppen har vedtatt.</li>"
                "<li>Har budsjettansvar, også for tilskudd: søker og rapporterer.</li>"
                "<li>Følger opp og evaluerer modellen og sammenhengen mellom nivåene.</li>"
                "<li>Rapporterer om det tverrfaglige arbeidet.</li></ul>",
                "<ul><li>Leier arbeidet på det koordinerande nivået.</li>"
                "<li>Er hovudkontaktperson for tverrfagleg samarbeid.</li>"
                "<li>Følgjer opp og utviklar det strategiske arbeidet styringsgruppa har vedteke.</li>"
                "<li>Har budsjettansvar, også for tilskot: søkjer og rapporterer.</li>"
                "<li>Følgjer opp og evaluerer modellen og samanhengen mellom nivåa.</li>"
                "<li>Rapporterer om det tverrfaglege arbeidet.</li></ul>",
            ),
            holders=[("person", people["teamleder"])],
        ),
        RolePage(
            title=t.text("SLT-koordinator", "SLT-koordinator"),
            slug=t.text("slt-koordinator", "slt-koordinator"),
            intro=t.text(
                "Pådriver for det rus- og kriminalitetsforebyggende arbeidet, i tett samarbeid med politiet.",
                "Pådrivar for det rus- og kriminalitetsførebyggjande arbeidet, i tett samarbeid med politiet.",
            ),
            mandate=t.html(
                "<p>SLT-koordinatoren inspirerer og driver arbeidet fremover, koordinerer tiltak og bringer kunnskap "
                "mellom deltakerne i modellen. Koordinatoren har kontakt med andre kommuner, myndigheter og "
                "media.</p>"
                "<ul><li>Er sekretær for politirådet.</li>"
                "<li>Koordinerer det kriminalitetsforebyggende arbeidet i praksis og følger opp vedtatte mål og tiltak.</li>"
                "<li>Har oversikt over situasjonen i kommunen og foreslår nye tiltak.</li>"
                "<li>Er kontaktperson for innbyggere, lag, foreninger og ansatte i SLT-arbeidet.</li>"
                "<li>Har hovedansvaret for Ungdata-undersøkelsen.</li></ul>",
                "<p>SLT-koordinatoren inspirerer og driv arbeidet framover, koordinerer tiltak og ber kunnskap "
                "mellom deltakarane i modellen. Koordinatoren har kontakt med andre kommunar, styresmakter og "
                "media.</p>"
                "<ul><li>Er sekretær for politirådet.</li>"
                "<li>Koordinerer det kriminalitetsførebyggjande arbeidet i praksis og følgjer opp vedtekne mål og tiltak.</li>"
                "<li>Har oversikt over situasjonen i kommunen og føreslår nye tiltak.</li>"
                "<li>Er kontaktperson for innbyggjarar, lag, foreiningar og tilsette i SLT-arbeidet.</li>"
                "<li>Har hovudansvaret for Ungdata-undersøkinga.</li></ul>",
            ),
            holders=[("person", people["slt"])],
        ),
        RolePage(
            title=t.text("Stafettholder", "Stafetthaldar"),
            slug=t.text("stafettholder", "stafetthaldar"),
            intro=t.text(
                "Den voksne i tjenestene som har ansvaret for å holde samarbeidet rundt ett barn samlet.",
                "Den vaksne i tenestene som har ansvaret for å halde samarbeidet rundt eitt barn samla.",
            ),
            mandate=t.html(
                "<p>Stafettholderen er den som står barnet nærmest i tjenestene, for eksempel pedagogisk leder, "
                "kontaktlærer eller helsesykepleier. Stafettholderen kaller inn til møter, leder dem og sørger "
                "for at tiltak og avtaler blir skrevet i stafettloggen.</p>",
                "<p>Stafetthaldaren er den som står barnet nærast i tenestene, til dømes pedagogisk leiar, "
                "kontaktlærar eller helsesjukepleiar. Stafetthaldaren kallar inn til møte, leier dei og sørgjer "
                "for at tiltak og avtalar blir skrivne i stafettloggen.</p>",
            ),
            expectations=t.html(
                "<ul><li>Henter inn samtykke fra foreldrene før stafettloggen opprettes.</li>"
                "<li>Tar barnet og foreldrene med i planleggingen.</li>"
                "<li>Gir stafetten videre når en annen tjeneste tar over ansvaret.</li></ul>",
                "<ul><li>Hentar inn samtykke frå foreldra før stafettloggen blir oppretta.</li>"
                "<li>Tek barnet og foreldra med i planlegginga.</li>"
                "<li>Gjev stafetten vidare når ei anna teneste tek over ansvaret.</li></ul>",
            ),
        ),
        RolePage(
            title=t.text("Prosjektleder for BTI", "Prosjektleiar for BTI"),
            slug=t.text("prosjektleder", "prosjektleiar"),
            intro=t.text(
                "Leder prosjektgruppen og innføringen av BTI i kommunen.",
                "Leier prosjektgruppa og innføringa av BTI i kommunen.",
            ),
            mandate=t.html(
                "<p>Prosjektlederen lager og følger opp framdriftsplanen, leder prosjektgruppen, koordinerer "
                "BTI-nettverket sammen med koordineringsteamet og rapporterer til styringsgruppen.</p>",
                "<p>Prosjektleiaren lagar og følgjer opp framdriftsplanen, leier prosjektgruppa, koordinerer "
                "BTI-nettverket saman med koordineringsteamet og rapporterer til styringsgruppa.</p>",
            ),
            holders=[("person", people["teamleder"])],
        ),
    ]


def load_pages(t: Glossary, people) -> NetworkIndexPage:
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    home = HomePage.objects.get(locale=nb)
    index, _ = add_child_once(
        home,
        NetworkIndexPage(
            title=t.text("Nettverket", "Nettverket"),
            slug=t.text("nettverk", "nettverk"),
            intro=t.text(
                "Slik er BTI-arbeidet organisert i Fjordvik kommune: grupper, roller og tjenestesteder.",
                "Slik er BTI-arbeidet organisert i Fjordvik kommune: grupper, roller og tenestestader.",
            ),
            body=[
                (
                    "paragraph",
                    t.html(
                        "<p>Det tverrfaglige samarbeidet på systemnivå er delt i tre nivåer. Formålet er å gi "
                        "kommunens tverrfaglige arbeid en felles retning, slik at planer og tiltak trekker samme "
                        "vei.</p>",
                        "<p>Det tverrfaglege samarbeidet på systemnivå er delt i tre nivå. Føremålet er å gje det "
                        "tverrfaglege arbeidet i kommunen ei felles retning, slik at planar og tiltak dreg same "
                        "veg.</p>",
                    ),
                )
            ],
            show_in_menus=True,
        ),
    )
    created = [index]
    for page in groups(t, people):
        created.append(add_child_once(index, page)[0])
    for page in roles(t, people):
        created.append(add_child_once(index, page)[0])
    units_page, _ = add_child_once(
        index,
        ServiceUnitListPage(
            title=t.text("Tjenestesteder og BTI-agenter", "Tenestestader og BTI-agentar"),
            slug=t.text("tjenestesteder", "tenestestader"),
            intro=t.text(
                "Alle barnehager, skoler, helsestasjoner og hjelpetjenester i BTI-nettverket, med BTI-agent og "
                "leder. Pilotene er merket.",
                "Alle barnehagar, skular, helsestasjonar og hjelpetenester i BTI-nettverket, med BTI-agent og "
                "leiar. Pilotane er merkte.",
            ),
        ),
    )
    created.append(units_page)
    for page in created:
        if not page.has_translation(nn):
            translate(page, t)
    return index
