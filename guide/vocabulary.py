"""The guide's level vocabulary (nivå 0–3), in one place: the level field's choices, the
"veien videre" block's choices, the tool library's filter and the level page's description all
read it from here."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# number: (name, description)
LEVELS = {
    0: (_("Nivå 0"), _("Undring og identifisering")),
    1: (_("Nivå 1"), _("Tiltak i egen tjeneste")),
    2: (_("Nivå 2"), _("Enkelt samarbeid – to tjenester")),
    3: (_("Nivå 3"), _("Komplekst samarbeid – flere tjenester")),
}

LEVEL_NUMBERS = list(LEVELS)
LEVEL_DESCRIPTIONS = {number: description for number, (_name, description) in LEVELS.items()}
# GuideLevelPage.level: "Nivå 0: Undring og identifisering" …
LEVEL_CHOICES = [
    (number, format_lazy("{}: {}", name, description)) for number, (name, description) in LEVELS.items()
]
# NextStepBlock.level (a ChoiceBlock stores strings): "Nivå 0" …
LEVEL_BLOCK_CHOICES = [(str(number), name) for number, (name, _description) in LEVELS.items()]

# --- The service directory's vocabularies -----------------------------------------------------
# Target groups and topics are stored on a service as lists of these slugs, the same in both
# languages (a filtered URL can be shared; the Nynorsk page shares them with the Bokmål page).

TARGET_GROUPS = [
    ("gravide", _("Gravide")),
    ("0-5", _("Barn 0–5 år")),
    ("6-12", _("Barn 6–12 år")),
    ("13-18", _("Ungdom 13–18 år")),
    ("unge-voksne", _("Unge voksne")),
    ("foreldre", _("Foreldre og foresatte")),
]
TOPICS = [
    ("akutt", _("Akutt hjelp og krise")),
    ("graviditet", _("Graviditet og fødsel")),
    ("helse", _("Helse og utvikling")),
    ("psykisk-helse", _("Psykisk helse")),
    ("vold", _("Vold og overgrep")),
    ("rus", _("Rus")),
    ("familie", _("Familie og foreldrerolle")),
    ("laering", _("Barnehage, skole og læring")),
    ("fritid", _("Fritid og fellesskap")),
    ("arbeid", _("Arbeid og økonomi")),
    ("seksualitet", _("Kropp og seksualitet")),
]
TARGET_GROUP_LABELS = dict(TARGET_GROUPS)
TOPIC_LABELS = dict(TOPICS)

# How to get help: the service's field and its badge, which the text filter also finds ("anonym", "drop-in").
ACCESS_LABELS = [
    ("self_referral", _("Du kan ta kontakt selv")),
    ("needs_referral", _("Krever henvisning")),
    ("drop_in", _("Drop-in")),
    ("anonymous", _("Du kan være anonym")),
]
ACCESS_FIELDS = tuple(name for name, _label in ACCESS_LABELS)
