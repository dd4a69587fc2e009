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
    """Give the languages the starting set unless they have groups (editors' changes are kept).

    The Nynorsk group is the Bokmål group's translation (the same translation key), kept by hand:
    it holds the same words of both forms, so there is nothing for `draft_nynorsk` to draft."""
    nb, nn = Locale.objects.get(language_code="nb"), Locale.objects.get(language_code="nn")
    if SynonymGroup.objects.filter(locale__in=(nb, nn)).exists():
        return
    # One save each, not bulk_create: saving sends the signal that moves the cache generation on.
    for terms in STARTING_GROUPS:
        group = SynonymGroup.objects.create(locale=nb, terms=terms)
        SynonymGroup.objects.create(locale=nn, terms=terms, translation_key=group.translation_key)
    stdout.write(f"Synonymer i søket: {len(STARTING_GROUPS)} grupper på bokmål og nynorsk")
