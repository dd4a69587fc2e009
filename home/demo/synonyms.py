"""The demo's starting set of search synonyms (home.models.SynonymGroup), one set per language.

Each group holds the words of both written forms (vold / vald, veileder / rettleiar), so a query in
one form finds pages written in the other. Editors change and add groups in the admin."""

from wagtail.models import Locale

from home.models import SynonymGroup

STARTING_GROUPS = [
    "uro, uroa, urolig, uroleg, undring, undre, bekymring, bekymringer, bekymringar, bekymret, bekymra",
    "vold, vald, overgrep, mishandling",
    "mobbing, mobbe, utestenging, utestengd, utestengt, plaging",
    "helsesykepleier, helsesykepleieren, helsesjukepleiar, helsesjukepleiaren, helsesøster, helsesøsteren",
    "veileder, veilederen, rettleiar, rettleiaren, rettleder, veiledning, rettleiing",
    "handlingsveileder, handlingsveilederen, handlingsrettleiar, handlingsrettleiaren",
    "barnevern, barnevernet, barnevernstjenesten, barneverntjenesten, barnevernstjeneste, barneverntjeneste, "
    "barnevernstenesta, barnevernsteneste",
    "barnevernvakt, barnevernvakten, barnevernsvakt, barnevernsvakta",
    "fastlege, fastlegen",
    "legevakt, legevakten, legevakta",
    "helsestasjon, helsestasjonen, helsestasjonar, helsestasjoner",
    "skole, skolen, skule, skulen",
    "tjeneste, tjenesten, tjenester, teneste, tenesta, tenester",
    "foreldre, foresatte, føresette",
    "taushetsplikt, teieplikt",
    "samtale, samtalen, samtaler, samtalar",
    "stafettlogg, stafettloggen, stafettholder, stafetthaldar",
]


def load(stdout) -> None:
    """Give every language without synonym groups the starting set (editors' changes are kept)."""
    for locale in Locale.objects.filter(language_code__in=("nb", "nn")):
        if not SynonymGroup.objects.filter(locale=locale).exists():
            # One save each, not bulk_create: saving sends the signal that moves the cache generation on.
            for terms in STARTING_GROUPS:
                SynonymGroup.objects.create(locale=locale, terms=terms)
            stdout.write(f"Synonymer i søket ({locale.language_code}): {len(STARTING_GROUPS)} grupper")
