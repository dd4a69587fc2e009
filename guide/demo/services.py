"""Demo content for the service directory (nb + nn): 28 help offers in the invented Fjordvik kommune.

Municipal and regional services have invented phone numbers (12 34 xx xx) and e-mail addresses
(@fjordvik.example). National services use their real, public numbers: 112, 113, 116 117,
Alarmtelefonen 116 111, Mental Helse 116 123, Kors på halsen, Rustelefonen and Kirkens SOS.
The barnevernvakt number is the same invented one as on the citizen page "Er du bekymret for et barn?"."""

import datetime

from wagtail.models import Locale

from guide.models import ServiceDirectoryPage, ServicePage
from home.demo.bilingual import Glossary, add_child_once, translate
from home.models import HomePage

RADHUS = ("Rådhuset, Storgata 1, 9999 Fjordvik", "Rådhuset, Storgata 1, 9999 Fjordvik")
HELSEHUS = ("Helsehuset, Fjordvegen 12, 9999 Fjordvik", "Helsehuset, Fjordvegen 12, 9999 Fjordvik")
WEEKDAYS = ("Hverdager kl. 08.00–15.30", "Kvardagar kl. 08.00–15.30")
ALWAYS = ("Hele døgnet, alle dager", "Heile døgnet, alle dagar")
REVIEWED = datetime.date(2026, 9, 1)

# key: (title, slug, intro, provider, body) as (nb, nn) pairs + facts shared by both languages.
SERVICES = [
    {
        "title": ("Alarmtelefonen for barn og unge 116 111", "Alarmtelefonen for barn og unge 116 111"),
        "slug": ("alarmtelefonen", "alarmtelefonen"),
        "intro": (
            "Ring eller send melding hvis du blir utsatt for vold, overgrep eller omsorgssvikt, eller er redd for noen.",
            "Ring eller send melding om du blir utsett for vald, overgrep eller omsorgssvikt, eller er redd for nokon.",
        ),
        "provider": ("Nasjonalt tilbud (Bufdir)", "Nasjonalt tilbod (Bufdir)"),
        "body": (
            "<p>Alarmtelefonen er gratis og åpen hele døgnet. Du kan også sende SMS til 417 16 111 eller chatte "
            "på nettsidene. Voksne som er bekymret for et barn, kan også ringe.</p>",
            "<p>Alarmtelefonen er gratis og open heile døgnet. Du kan òg sende SMS til 417 16 111 eller chatte "
            "på nettsidene. Vaksne som er uroa for eit barn, kan òg ringje.</p>",
        ),
        "groups": ["6-12", "13-18", "foreldre"],
        "topics": ["akutt", "vold"],
        "emergency": True,
        "always_open": True,
        "anonymous": True,
        "phone": "116 111",
        "website": "https://www.116111.no/",
        "hours": ALWAYS,
    },
    {
        "title": ("Politiet – nødnummer 112", "Politiet – naudnummer 112"),
        "slug": ("politiet-112", "politiet-112"),
        "intro": (
            "Ring 112 når noen er i fare, eller når du trenger politiet med en gang.",
            "Ring 112 når nokon er i fare, eller når du treng politiet med ein gong.",
        ),
        "provider": ("Politiet", "Politiet"),
        "body": (
            "<p>Ring 02800 når det ikke haster, for eksempel for å melde fra om noe som har skjedd.</p>",
            "<p>Ring 02800 når det ikkje hastar, til dømes for å melde frå om noko som har skjedd.</p>",
        ),
        "groups": ["gravide", "0-5", "6-12", "13-18", "unge-voksne", "foreldre"],
        "topics": ["akutt", "vold"],
        "emergency": True,
        "always_open": True,
        "phone": "112",
        "website": "https://www.politiet.no/",
        "hours": ALWAYS,
    },
    {
        "title": ("Medisinsk nødtelefon 113", "Medisinsk naudtelefon 113"),
        "slug": ("medisinsk-nodtelefon-113", "medisinsk-naudtelefon-113"),
        "intro": (
            "Ring 113 ved alvorlig sykdom eller skade, når det står om livet.",
            "Ring 113 ved alvorleg sjukdom eller skade, når det står om livet.",
        ),
        "provider": ("Helseforetaket (AMK)", "Helseføretaket (AMK)"),
        "body": (
            "<p>Du kommer til en operatør som kan gi råd og sende ambulanse.</p>",
            "<p>Du kjem til ein operatør som kan gje råd og sende ambulanse.</p>",
        ),
        "groups": ["gravide", "0-5", "6-12", "13-18", "unge-voksne", "foreldre"],
        "topics": ["akutt", "helse"],
        "emergency": True,
        "always_open": True,
        "phone": "113",
        "hours": ALWAYS,
    },
    {
        "title": ("Barnevernvakten", "Barnevernsvakta"),
        "slug": ("barnevernvakten", "barnevernsvakta"),
        "intro": (
            "Akutt hjelp fra barnevernet utenom kontortid, når et barn ikke er trygt.",
            "Akutt hjelp frå barnevernet utanom kontortid, når eit barn ikkje er trygt.",
        ),
        "provider": ("Interkommunal barnevernvakt", "Interkommunal barnevernsvakt"),
        "body": (
            "<p>Barnevernvakten dekker Fjordvik og nabokommunene om kvelden, natten og i helgene. I kontortiden "
            "ringer du barneverntjenesten.</p>",
            "<p>Barnevernsvakta dekkjer Fjordvik og nabokommunane om kvelden, natta og i helgane. I kontortida "
            "ringjer du barnevernstenesta.</p>",
        ),
        "groups": ["0-5", "6-12", "13-18", "foreldre"],
        "topics": ["akutt", "vold", "familie"],
        "emergency": True,
        "always_open": True,
        "phone": "12 34 59 99",
        "email": "barnevernvakt@fjordvik.example",
        "hours": (
            "Hverdager kl. 15.30–08.00 og hele helgen",
            "Kvardagar kl. 15.30–08.00 og heile helga",
        ),
    },
    {
        "title": ("Legevakten", "Legevakta"),
        "slug": ("legevakten", "legevakta"),
        "intro": (
            "Når du trenger lege med en gang og fastlegen er stengt.",
            "Når du treng lege med ein gong og fastlegen er stengd.",
        ),
        "provider": ("Fjordvik interkommunale legevakt", "Fjordvik interkommunale legevakt"),
        "body": (
            "<p>Ring alltid før du kommer. Legevakten har også vakthavende for vold- og overgrepsmottaket.</p>",
            "<p>Ring alltid før du kjem. Legevakta har òg vakthavande for valds- og overgrepsmottaket.</p>",
        ),
        "groups": ["gravide", "0-5", "6-12", "13-18", "unge-voksne", "foreldre"],
        "topics": ["akutt", "helse"],
        "always_open": True,
        "free": False,
        "cost_note": (
            "Gratis for barn under 16 år. Ellers vanlig egenandel.",
            "Gratis for barn under 16 år. Elles vanleg eigendel.",
        ),
        "phone": "116 117",
        "address": HELSEHUS,
        "hours": ALWAYS,
    },
    {
        "title": ("Mental Helses hjelpetelefon", "Hjelpetelefonen til Mental Helse"),
        "slug": ("mental-helse-hjelpetelefon", "mental-helse-hjelpetelefon"),
        "intro": (
            "Noen å snakke med når livet er vanskelig, hele døgnet.",
            "Nokon å snakke med når livet er vanskeleg, heile døgnet.",
        ),
        "provider": ("Nasjonalt tilbud (Mental Helse)", "Nasjonalt tilbod (Mental Helse)"),
        "body": (
            "<p>Telefonen er bemannet av frivillige. Du kan være anonym, og samtalen er gratis.</p>",
            "<p>Telefonen er bemanna av frivillige. Du kan vere anonym, og samtalen er gratis.</p>",
        ),
        "groups": ["13-18", "unge-voksne", "foreldre"],
        "topics": ["akutt", "psykisk-helse"],
        "always_open": True,
        "anonymous": True,
        "phone": "116 123",
        "website": "https://www.mentalhelse.no/",
        "hours": ALWAYS,
    },
    {
        "title": ("Kirkens SOS", "Kirkens SOS"),
        "slug": ("kirkens-sos", "kirkens-sos"),
        "intro": (
            "Krisetelefon for alle som trenger noen å snakke med.",
            "Krisetelefon for alle som treng nokon å snakke med.",
        ),
        "provider": ("Nasjonalt tilbud (Kirkens SOS)", "Nasjonalt tilbod (Kirkens SOS)"),
        "body": (
            "<p>Du kan ringe, skrive eller chatte. Du trenger ikke si hvem du er.</p>",
            "<p>Du kan ringje, skrive eller chatte. Du treng ikkje seie kven du er.</p>",
        ),
        "groups": ["13-18", "unge-voksne", "foreldre"],
        "topics": ["akutt", "psykisk-helse"],
        "always_open": True,
        "anonymous": True,
        "phone": "22 40 00 40",
        "website": "https://www.kirkens-sos.no/",
        "hours": ALWAYS,
    },
    {
        "title": ("Krisesenteret", "Krisesenteret"),
        "slug": ("krisesenteret", "krisesenteret"),
        "intro": (
            "Et trygt sted å bo og noen å snakke med for deg og barna når dere blir utsatt for vold i familien.",
            "Ein trygg stad å bu og nokon å snakke med for deg og borna når de blir utsette for vald i familien.",
        ),
        "provider": ("Interkommunalt krisesenter", "Interkommunalt krisesenter"),
        "body": (
            "<p>Du kan ringe hele døgnet og komme uten avtale. Du kan også få samtaler uten å bo på senteret.</p>",
            "<p>Du kan ringje heile døgnet og kome utan avtale. Du kan òg få samtalar utan å bu på senteret.</p>",
        ),
        "groups": ["unge-voksne", "foreldre", "gravide"],
        "topics": ["akutt", "vold", "familie"],
        "emergency": True,
        "always_open": True,
        "anonymous": True,
        "phone": "12 34 58 00",
        "email": "krisesenter@fjordvik.example",
        "hours": ALWAYS,
    },
    {
        "title": ("Barneverntjenesten", "Barnevernstenesta"),
        "slug": ("barneverntjenesten", "barnevernstenesta"),
        "intro": (
            "Hjelp og støtte til barn og familier som trenger mer enn det barnehagen, skolen eller helsestasjonen kan gi.",
            "Hjelp og støtte til barn og familiar som treng meir enn det barnehagen, skulen eller helsestasjonen kan gje.",
        ),
        "provider": ("Fjordvik kommune, barneverntjenesten", "Fjordvik kommune, barnevernstenesta"),
        "body": (
            "<p>Foreldre og barn kan selv ta kontakt. Alle kan melde fra om bekymring for et barn. Mange familier "
            "får hjelp hjemme, for eksempel veiledning eller avlastning. Du kan melde fra uten å oppgi "
            "navnet ditt.</p>",
            "<p>Foreldre og barn kan sjølv ta kontakt. Alle kan melde frå om uro for eit barn. Mange familiar "
            "får hjelp heime, til dømes rettleiing eller avlasting. Du kan melde frå utan å oppgje "
            "namnet ditt.</p>",
        ),
        "groups": ["0-5", "6-12", "13-18", "foreldre"],
        "anonymous": True,  # as the FAQ and the concern page say
        "topics": ["familie", "vold"],
        "phone": "12 34 52 00",
        "email": "barnevern@fjordvik.example",
        "address": RADHUS,
        "hours": WEEKDAYS,
        "form": "https://fjordvik.example/skjema/barnevern",
    },
    {
        "title": ("Jordmortjenesten", "Jordmortenesta"),
        "slug": ("jordmortjenesten", "jordmortenesta"),
        "intro": (
            "Svangerskapskontroller og samtaler med jordmor før og etter fødselen.",
            "Svangerskapskontrollar og samtalar med jordmor før og etter fødselen.",
        ),
        "provider": ("Helsestasjon og jordmortjeneste", "Helsestasjon og jordmorteneste"),
        "body": (
            "<p>Du velger selv om du vil gå til jordmor, fastlege eller begge. Jordmor kommer på hjemmebesøk "
            "etter fødselen.</p>",
            "<p>Du vel sjølv om du vil gå til jordmor, fastlege eller begge. Jordmor kjem på heimebesøk "
            "etter fødselen.</p>",
        ),
        "groups": ["gravide", "foreldre"],
        "topics": ["graviditet", "helse"],
        "phone": "12 34 53 10",
        "email": "jordmor@fjordvik.example",
        "address": HELSEHUS,
        "hours": WEEKDAYS,
    },
    {
        "title": ("Helsestasjonen 0–5 år", "Helsestasjonen 0–5 år"),
        "slug": ("helsestasjonen", "helsestasjonen"),
        "intro": (
            "Vaksiner, vekst og utvikling, og råd om alt fra søvn og mat til samspill.",
            "Vaksinar, vekst og utvikling, og råd om alt frå søvn og mat til samspel.",
        ),
        "provider": ("Helsestasjon og jordmortjeneste", "Helsestasjon og jordmorteneste"),
        "body": (
            "<p>Alle barn får innkalling til faste konsultasjoner. Foreldre kan også be om en ekstra samtale når "
            "de lurer på noe. Du kan ringe og få råd uten å si hvem du er, også når du er bekymret for et "
            "barn.</p>",
            "<p>Alle barn får innkalling til faste konsultasjonar. Foreldre kan òg be om ein ekstra samtale når "
            "dei lurer på noko. Du kan ringje og få råd utan å seie kven du er, òg når du er uroa for eit "
            "barn.</p>",
        ),
        "groups": ["0-5", "foreldre"],
        "anonymous": True,  # as the front page's FAQ says
        "topics": ["helse", "familie"],
        "phone": "12 34 53 00",
        "email": "helsestasjon@fjordvik.example",
        "address": HELSEHUS,
        "hours": WEEKDAYS,
    },
    {
        "title": ("Skolehelsetjenesten", "Skulehelsetenesta"),
        "slug": ("skolehelsetjenesten", "skulehelsetenesta"),
        "intro": (
            "Helsesykepleier på skolen: noen å snakke med om kropp, følelser, venner og hjemme.",
            "Helsesjukepleiar på skulen: nokon å snakke med om kropp, kjensler, vener og heime.",
        ),
        "provider": ("Helsestasjon og skolehelsetjeneste", "Helsestasjon og skulehelseteneste"),
        "body": (
            "<p>Helsesykepleieren har faste dager på hver skole. Du kan stikke innom, sende melding eller be "
            "læreren om hjelp til å avtale en time.</p>",
            "<p>Helsesjukepleiaren har faste dagar på kvar skule. Du kan stikke innom, sende melding eller be "
            "læraren om hjelp til å avtale ein time.</p>",
        ),
        "groups": ["6-12", "13-18", "foreldre"],
        "topics": ["helse", "psykisk-helse", "seksualitet"],
        "drop_in": True,
        "phone": "12 34 53 20",
        "email": "skolehelse@fjordvik.example",
        "hours": (
            "Skoledager, se timeplanen på skolen",
            "Skuledagar, sjå timeplanen på skulen",
        ),
    },
    {
        "title": ("Helsestasjon for ungdom", "Helsestasjon for ungdom"),
        "slug": ("helsestasjon-for-ungdom", "helsestasjon-for-ungdom"),
        "intro": (
            "Gratis drop-in for ungdom om prevensjon, kropp, seksualitet og psykisk helse.",
            "Gratis drop-in for ungdom om prevensjon, kropp, seksualitet og psykisk helse.",
        ),
        "provider": ("Helsestasjon og skolehelsetjeneste", "Helsestasjon og skulehelseteneste"),
        "body": (
            "<p>Helsesykepleier og lege er til stede. Du trenger ikke timeavtale, og du kan være anonym.</p>",
            "<p>Helsesjukepleiar og lege er til stades. Du treng ikkje timeavtale, og du kan vere anonym.</p>",
        ),
        "groups": ["13-18", "unge-voksne"],
        "topics": ["helse", "seksualitet", "psykisk-helse"],
        "drop_in": True,
        "anonymous": True,
        "phone": "12 34 53 30",
        "email": "hfu@fjordvik.example",
        "address": HELSEHUS,
        "hours": ("Onsdager kl. 14.00–17.00", "Onsdagar kl. 14.00–17.00"),
    },
    {
        "title": ("Pedagogisk-psykologisk tjeneste (PPT)", "Pedagogisk-psykologisk teneste (PPT)"),
        "slug": ("ppt", "ppt"),
        "intro": (
            "Hjelper barnehager og skoler når et barn trenger tilrettelegging for å lære og utvikle seg.",
            "Hjelper barnehagar og skular når eit barn treng tilrettelegging for å lære og utvikle seg.",
        ),
        "provider": ("Fjordvik kommune, oppvekst", "Fjordvik kommune, oppvekst"),
        "body": (
            "<p>Foreldre kan ta kontakt for en rådgivende samtale. En sakkyndig vurdering krever henvisning fra "
            "barnehagen eller skolen, med foreldrenes samtykke.</p>",
            "<p>Foreldre kan ta kontakt for ein rådgjevande samtale. Ei sakkunnig vurdering krev tilvising frå "
            "barnehagen eller skulen, med samtykke frå foreldra.</p>",
        ),
        "groups": ["0-5", "6-12", "13-18", "foreldre"],
        "topics": ["laering"],
        "needs_referral": True,
        "referral": (
            "Barnehagen eller skolen henviser",
            "Barnehagen eller skulen tilviser",
        ),
        "phone": "12 34 54 00",
        "email": "ppt@fjordvik.example",
        "address": RADHUS,
        "hours": WEEKDAYS,
    },
    {
        "title": ("Foreldreveiledning (ICDP)", "Foreldrerettleiing (ICDP)"),
        "slug": ("foreldreveiledning", "foreldrerettleiing"),
        "intro": (
            "Gruppekurs for foreldre om samspill, grensesetting og å se barnet sitt.",
            "Gruppekurs for foreldre om samspel, grensesetjing og å sjå barnet sitt.",
        ),
        "provider": ("Familieteamet", "Familieteamet"),
        "body": (
            "<p>Kursene går over åtte kvelder, høst og vår. Det finnes egne grupper for foreldre med små barn "
            "og for foreldre med ungdom.</p>",
            "<p>Kursa går over åtte kveldar, haust og vår. Det finst eigne grupper for foreldre med små barn "
            "og for foreldre med ungdom.</p>",
        ),
        "groups": ["foreldre", "gravide"],
        "topics": ["familie"],
        "phone": "12 34 54 10",
        "email": "foreldreveiledning@fjordvik.example",
        "hours": WEEKDAYS,
        "form": "https://fjordvik.example/skjema/foreldrekurs",
    },
    {
        "title": ("Familieteamet", "Familieteamet"),
        "slug": ("familieteamet", "familieteamet"),
        "intro": (
            "Samtaler og praktisk støtte hjemme når hverdagen i familien er krevende.",
            "Samtalar og praktisk støtte heime når kvardagen i familien er krevjande.",
        ),
        "provider": ("Fjordvik kommune, oppvekst", "Fjordvik kommune, oppvekst"),
        "body": (
            "<p>Familieteamet er et lavterskeltilbud: dere kan ringe selv, og det blir ingen sak i barnevernet.</p>",
            "<p>Familieteamet er eit lågterskeltilbod: de kan ringje sjølv, og det blir inga sak i barnevernet.</p>",
        ),
        "groups": ["0-5", "6-12", "13-18", "foreldre"],
        "topics": ["familie", "psykisk-helse"],
        "phone": "12 34 54 20",
        "email": "familieteamet@fjordvik.example",
        "address": RADHUS,
        "hours": WEEKDAYS,
    },
    {
        "title": ("Psykisk helsetjeneste for barn og unge", "Psykisk helseteneste for barn og unge"),
        "slug": ("psykisk-helse-barn-og-unge", "psykisk-helse-barn-og-unge"),
        "intro": (
            "Samtaler for barn og unge som strever med tanker og følelser, og råd til foreldrene.",
            "Samtalar for barn og unge som slit med tankar og kjensler, og råd til foreldra.",
        ),
        "provider": ("Fjordvik kommune, helse", "Fjordvik kommune, helse"),
        "body": (
            "<p>Du trenger ikke henvisning. Psykologen og psykiatrisk sykepleier samarbeider med skolen og "
            "fastlegen når du ønsker det.</p>",
            "<p>Du treng ikkje tilvising. Psykologen og psykiatrisk sjukepleiar samarbeider med skulen og "
            "fastlegen når du ønskjer det.</p>",
        ),
        "groups": ["6-12", "13-18", "foreldre"],
        "topics": ["psykisk-helse"],
        "phone": "12 34 54 30",
        "email": "psykiskhelse@fjordvik.example",
        "address": HELSEHUS,
        "hours": WEEKDAYS,
    },
    {
        "title": (
            "Barne- og ungdomspsykiatrisk poliklinikk (BUP)",
            "Barne- og ungdomspsykiatrisk poliklinikk (BUP)",
        ),
        "slug": ("bup", "bup"),
        "intro": (
            "Utredning og behandling for barn og unge med psykiske vansker.",
            "Utgreiing og behandling for barn og unge med psykiske vanskar.",
        ),
        "provider": ("Helseforetaket (spesialisthelsetjenesten)", "Helseføretaket (spesialisthelsetenesta)"),
        "body": (
            "<p>Fastlegen eller barneverntjenesten henviser. Mens dere venter, kan den kommunale psykiske "
            "helsetjenesten gi samtaler.</p>",
            "<p>Fastlegen eller barnevernstenesta tilviser. Medan de ventar, kan den kommunale psykiske "
            "helsetenesta gje samtalar.</p>",
        ),
        "groups": ["0-5", "6-12", "13-18"],
        "topics": ["psykisk-helse"],
        "self_referral": False,
        "needs_referral": True,
        "referral": ("Fastlegen eller barnevernet henviser", "Fastlegen eller barnevernet tilviser"),
        "cost_note": ("Gratis for barn og unge under 18 år.", "Gratis for barn og unge under 18 år."),
        "phone": "12 34 57 00",
        "email": "bup@fjordvik.example",
        "address": ("Sjukehusvegen 4, 9999 Fjordvik", "Sjukehusvegen 4, 9999 Fjordvik"),
        "hours": WEEKDAYS,
    },
    {
        "title": ("Fastlegen", "Fastlegen"),
        "slug": ("fastlegen", "fastlegen"),
        "intro": (
            "Din faste lege for sykdom, helseplager og henvisning videre.",
            "Den faste legen din for sjukdom, helseplager og tilvising vidare.",
        ),
        "provider": ("Legekontorene i Fjordvik", "Legekontora i Fjordvik"),
        "body": (
            "<p>Ring legekontoret ditt for time. Ungdom kan snakke med legen alene fra de er 16 år, og ofte "
            "tidligere.</p>",
            "<p>Ring legekontoret ditt for time. Ungdom kan snakke med legen åleine frå dei er 16 år, og ofte "
            "tidlegare.</p>",
        ),
        "groups": ["gravide", "0-5", "6-12", "13-18", "unge-voksne", "foreldre"],
        "topics": ["helse", "psykisk-helse"],
        "free": False,
        "cost_note": (
            "Gratis for barn under 16 år. Ellers vanlig egenandel.",
            "Gratis for barn under 16 år. Elles vanleg eigendel.",
        ),
        "phone": "12 34 56 00",
        "address": (
            "Fjordvik legesenter, Torget 3, 9999 Fjordvik",
            "Fjordvik legesenter, Torget 3, 9999 Fjordvik",
        ),
        "hours": WEEKDAYS,
        "website": "https://www.helsenorge.no/",
    },
    {
        "title": ("Familievernkontoret", "Familievernkontoret"),
        "slug": ("familievernkontoret", "familievernkontoret"),
        "intro": (
            "Samtaler for par og familier om samliv, konflikter og samarbeid etter samlivsbrudd.",
            "Samtalar for par og familiar om samliv, konfliktar og samarbeid etter samlivsbrot.",
        ),
        "provider": ("Familievernet (Bufetat)", "Familievernet (Bufetat)"),
        "body": (
            "<p>Foreldre som flytter fra hverandre, får mekling her. Barn kan også få komme og snakke.</p>",
            "<p>Foreldre som flyttar frå kvarandre, får mekling her. Barn kan òg få kome og snakke.</p>",
        ),
        "groups": ["foreldre", "6-12", "13-18"],
        "topics": ["familie"],
        "phone": "12 34 58 50",
        "email": "familievern@fjordvik.example",
        "address": ("Kaigata 8, 9999 Fjordvik", "Kaigata 8, 9999 Fjordvik"),
        "hours": WEEKDAYS,
    },
    {
        "title": ("NAV – veileder for unge", "NAV – rettleiar for unge"),
        "slug": ("nav-ungdom", "nav-ungdom"),
        "intro": (
            "Hjelp til skole, jobb, bolig og økonomi for unge mellom 16 og 29 år.",
            "Hjelp til skule, jobb, bustad og økonomi for unge mellom 16 og 29 år.",
        ),
        "provider": ("NAV Fjordvik", "NAV Fjordvik"),
        "body": (
            "<p>Ungdomsveilederen kan møte deg på skolen, på fritidsklubben eller på NAV-kontoret.</p>",
            "<p>Ungdomsrettleiaren kan møte deg på skulen, på fritidsklubben eller på NAV-kontoret.</p>",
        ),
        "groups": ["13-18", "unge-voksne"],
        "topics": ["arbeid"],
        "drop_in": True,
        "phone": "12 34 55 00",
        "email": "nav.ungdom@fjordvik.example",
        "address": RADHUS,
        "hours": WEEKDAYS,
    },
    {
        "title": ("Oppsøkende ungdomsteam", "Oppsøkjande ungdomsteam"),
        "slug": ("oppsokende-ungdomsteam", "oppsokjande-ungdomsteam"),
        "intro": (
            "Voksne som er der ungdom er, om kvelden og i helgene, og som kan hjelpe videre.",
            "Vaksne som er der ungdom er, om kvelden og i helgane, og som kan hjelpe vidare.",
        ),
        "provider": ("Fjordvik kommune, ungdomstjenesten", "Fjordvik kommune, ungdomstenesta"),
        "body": (
            "<p>Du kan ta kontakt på gata, på fritidsklubben eller på telefon. Teamet har taushetsplikt.</p>",
            "<p>Du kan ta kontakt på gata, på fritidsklubben eller på telefon. Teamet har teieplikt.</p>",
        ),
        "groups": ["13-18", "unge-voksne"],
        "topics": ["rus", "fritid", "psykisk-helse"],
        "drop_in": True,
        "anonymous": True,
        "phone": "12 34 55 10",
        "email": "ungdomsteam@fjordvik.example",
        "hours": (
            "Tirsdag–fredag kl. 12.00–22.00, lørdag kl. 18.00–01.00",
            "Tysdag–fredag kl. 12.00–22.00, laurdag kl. 18.00–01.00",
        ),
    },
    {
        "title": ("SLT-koordinator", "SLT-koordinator"),
        "slug": ("slt", "slt"),
        "intro": (
            "Samordner kommunens og politiets arbeid mot rus og kriminalitet blant barn og unge.",
            "Samordnar arbeidet til kommunen og politiet mot rus og kriminalitet blant barn og unge.",
        ),
        "provider": ("Fjordvik kommune og politiet", "Fjordvik kommune og politiet"),
        "body": (
            "<p>Foreldre som er bekymret for at barnet har kommet i dårlig miljø, kan ringe for råd.</p>",
            "<p>Foreldre som er uroa for at barnet har hamna i eit dårleg miljø, kan ringje for råd.</p>",
        ),
        "groups": ["6-12", "13-18", "foreldre"],
        "topics": ["rus", "vold"],
        "phone": "12 34 55 20",
        "email": "slt@fjordvik.example",
        "address": RADHUS,
        "hours": WEEKDAYS,
    },
    {
        "title": ("Fjordvik fritidsklubb", "Fjordvik fritidsklubb"),
        "slug": ("fritidsklubb", "fritidsklubb"),
        "intro": (
            "Et gratis sted å være med venner, spill, musikk og trygge voksne.",
            "Ein gratis stad å vere med vener, spel, musikk og trygge vaksne.",
        ),
        "provider": ("Fjordvik kommune, kultur", "Fjordvik kommune, kultur"),
        "body": (
            "<p>Klubben er for alle fra 5. trinn. Det er egne kvelder for 5.–7. trinn.</p>",
            "<p>Klubben er for alle frå 5. trinn. Det er eigne kveldar for 5.–7. trinn.</p>",
        ),
        "groups": ["6-12", "13-18"],
        "topics": ["fritid"],
        "drop_in": True,
        "phone": "12 34 55 30",
        "email": "fritidsklubb@fjordvik.example",
        "address": ("Kulturhuset, Skolegata 5, 9999 Fjordvik", "Kulturhuset, Skolegata 5, 9999 Fjordvik"),
        "hours": ("Mandag–torsdag kl. 15.00–21.00", "Måndag–torsdag kl. 15.00–21.00"),
    },
    {
        "title": ("Åpen barnehage", "Open barnehage"),
        "slug": ("apen-barnehage", "open-barnehage"),
        "intro": (
            "Lek og sang for de minste sammen med en voksen, og et sted å bli kjent med andre foreldre.",
            "Leik og song for dei minste saman med ein vaksen, og ein stad å bli kjend med andre foreldre.",
        ),
        "provider": ("Fjordvik kommune, barnehage", "Fjordvik kommune, barnehage"),
        "body": (
            "<p>Ingen påmelding. En barnehagelærer leder samlingene.</p>",
            "<p>Inga påmelding. Ein barnehagelærar leier samlingane.</p>",
        ),
        "groups": ["0-5", "foreldre"],
        "topics": ["fritid", "familie"],
        "drop_in": True,
        "phone": "12 34 55 40",
        "email": "apenbarnehage@fjordvik.example",
        "address": (
            "Familiens hus, Fjordvegen 14, 9999 Fjordvik",
            "Familiens hus, Fjordvegen 14, 9999 Fjordvik",
        ),
        "hours": ("Tirsdager og torsdager kl. 09.30–13.00", "Tysdagar og torsdagar kl. 09.30–13.00"),
    },
    {
        "title": ("Kors på halsen", "Kors på halsen"),
        "slug": ("kors-pa-halsen", "kors-pa-halsen"),
        "intro": (
            "Snakk med en voksen om hva som helst. For alle under 18 år.",
            "Snakk med ein vaksen om kva som helst. For alle under 18 år.",
        ),
        "provider": ("Nasjonalt tilbud (Røde Kors)", "Nasjonalt tilbod (Raudekrossen)"),
        "body": (
            "<p>Du kan ringe, chatte eller sende melding. Du er anonym.</p>",
            "<p>Du kan ringje, chatte eller sende melding. Du er anonym.</p>",
        ),
        "groups": ["6-12", "13-18"],
        "topics": ["psykisk-helse", "familie"],
        "anonymous": True,
        "phone": "800 33 321",
        "website": "https://www.korspahalsen.no/",
        "hours": ("Hverdager kl. 14.00–22.00", "Kvardagar kl. 14.00–22.00"),
    },
    {
        "title": ("Rustelefonen", "Rustelefonen"),
        "slug": ("rustelefonen", "rustelefonen"),
        "intro": (
            "Råd om rus for ungdom, foreldre og andre som er bekymret.",
            "Råd om rus for ungdom, foreldre og andre som er uroa.",
        ),
        "provider": ("Nasjonalt tilbud (Helsedirektoratet)", "Nasjonalt tilbod (Helsedirektoratet)"),
        "body": (
            "<p>Du kan være anonym. Du kan også stille spørsmål skriftlig på nettsidene.</p>",
            "<p>Du kan vere anonym. Du kan òg stille spørsmål skriftleg på nettsidene.</p>",
        ),
        "groups": ["13-18", "unge-voksne", "foreldre"],
        "topics": ["rus"],
        "anonymous": True,
        "phone": "915 08 588",
        "website": "https://rustelefonen.no/",
        "hours": ("Hverdager kl. 11.00–19.00", "Kvardagar kl. 11.00–19.00"),
        "reviewed": datetime.date(2025, 6, 2),
    },
    {
        "title": ("Tannhelsetjenesten", "Tannhelsetenesta"),
        "slug": ("tannhelsetjenesten", "tannhelsetenesta"),
        "intro": (
            "Gratis tannlege for barn og ungdom, med innkalling til faste kontroller.",
            "Gratis tannlege for barn og ungdom, med innkalling til faste kontrollar.",
        ),
        "provider": (
            "Fylkeskommunen, den offentlige tannhelsetjenesten",
            "Fylkeskommunen, den offentlege tannhelsetenesta",
        ),
        "body": (
            "<p>Tannhelsetjenesten kan være de første som ser tegn på omsorgssvikt, og samarbeider med barnevernet.</p>",
            "<p>Tannhelsetenesta kan vere dei første som ser teikn på omsorgssvikt, og samarbeider med barnevernet.</p>",
        ),
        "groups": ["0-5", "6-12", "13-18", "unge-voksne"],
        "topics": ["helse"],
        "cost_note": (
            "Gratis til og med 18 år, redusert pris for 19–28 år.",
            "Gratis til og med 18 år, redusert pris for 19–28 år.",
        ),
        "phone": "12 34 58 70",
        "email": "tannhelse@fjordvik.example",
        "address": HELSEHUS,
        "hours": WEEKDAYS,
        "reviewed": datetime.date(2025, 3, 10),
    },
    {
        "title": ("Ruskonsulent for ungdom", "Ruskonsulent for ungdom"),
        "slug": ("ruskonsulent", "ruskonsulent"),
        "intro": (
            "Samtaler for ungdom som bruker eller har prøvd rusmidler, og for foreldrene deres.",
            "Samtalar for ungdom som brukar eller har prøvd rusmiddel, og for foreldra deira.",
        ),
        "provider": ("Fjordvik kommune, rus og psykisk helse", "Fjordvik kommune, rus og psykisk helse"),
        "body": (
            "<p>Samtalene er frivillige. Du bestemmer selv om foreldrene eller skolen skal være med.</p>",
            "<p>Samtalane er friviljuge. Du bestemmer sjølv om foreldra eller skulen skal vere med.</p>",
        ),
        "groups": ["13-18", "unge-voksne", "foreldre"],
        "topics": ["rus", "psykisk-helse"],
        "phone": "12 34 54 40",
        "email": "rus.ungdom@fjordvik.example",
        "address": HELSEHUS,
        "hours": WEEKDAYS,
    },
]


def service_page(t: Glossary, data: dict) -> ServicePage:
    optional = {
        "cost_note": "cost_note",
        "referral": "referral_note",
        "address": "address",
        "hours": "opening_hours",
    }
    fields = {target: t.text(*data[key]) for key, target in optional.items() if key in data}
    return ServicePage(
        title=t.text(*data["title"]),
        slug=t.text(*data["slug"]),
        intro=t.text(*data["intro"]),
        provider=t.text(*data["provider"]),
        body=[("paragraph", t.html(*data["body"]))],
        target_groups=data["groups"],
        topics=data["topics"],
        is_emergency=data.get("emergency", False),
        always_open=data.get("always_open", False),
        is_free=data.get("free", True),
        self_referral=data.get("self_referral", True),
        needs_referral=data.get("needs_referral", False),
        drop_in=data.get("drop_in", False),
        anonymous=data.get("anonymous", False),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        website=data.get("website", ""),
        contact_form_url=data.get("form", ""),
        last_reviewed=data.get("reviewed", REVIEWED),
        **fields,
    )


def load(stdout) -> ServiceDirectoryPage:
    t = Glossary()
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    home = HomePage.objects.get(locale=nb)

    directory, created = add_child_once(
        home,
        ServiceDirectoryPage(
            title=t.text("Hvem kan hjelpe?", "Kven kan hjelpe?"),
            slug=t.text("hjelpetilbud", "hjelpetilbod"),
            intro=t.text(
                "Alle hjelpetilbud for gravide, barn, unge og familier i Fjordvik – fra helsestasjonen til "
                "akutt hjelp hele døgnet. Filtrer på hvem det gjelder og hva du trenger hjelp med.",
                "Alle hjelpetilboda for gravide, barn, unge og familiar i Fjordvik – frå helsestasjonen til "
                "akutt hjelp heile døgnet. Filtrer på kven det gjeld og kva du treng hjelp med.",
            ),
            brochure_intro=t.text(
                "Denne brosjyren viser hvor gravide, barn, unge og foreldre i Fjordvik kan få hjelp. De fleste "
                "tilbudene er gratis, og du kan ta kontakt selv. Trenger du hjelp med en gang, ring 112, 113 "
                "eller Alarmtelefonen for barn og unge på 116 111.",
                "Denne brosjyren viser kvar gravide, barn, unge og foreldre i Fjordvik kan få hjelp. Dei fleste "
                "tilboda er gratis, og du kan ta kontakt sjølv. Treng du hjelp med ein gong, ring 112, 113 "
                "eller Alarmtelefonen for barn og unge på 116 111.",
            ),
            show_in_menus=True,
        ),
    )
    if created:
        stdout.write("  hjelpetilbud (nb) opprettet")
    pages = [directory]
    for data in SERVICES:
        page, _ = add_child_once(directory, service_page(t, data))
        pages.append(page)
    for page in pages:  # the directory comes before its services
        if not page.has_translation(nn):
            translate(page, t)
    return directory
