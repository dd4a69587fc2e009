"""StreamField blocks of the network app: the public network pages (people are chosen from the
Person snippet, never typed), the intranet's training material, meeting agendas and progress plan."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import RICH_TEXT_FEATURES, DocumentListBlock


class PersonBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("network.Person", label=_("Person"), **kwargs)

    class Meta:
        icon = "user"


class MemberBlock(blocks.StructBlock):
    person = SnippetChooserBlock("network.Person", label=_("Person"))
    role = blocks.CharBlock(
        label=_("Rolle i gruppen"),
        max_length=150,
        required=False,
        help_text=_("F.eks. «leder» eller «SLT-koordinator»."),
    )

    class Meta:
        icon = "user"
        label = _("Medlem")


class CompositionBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Rolle eller tjeneste"), max_length=200)
    note = blocks.CharBlock(label=_("Merknad"), max_length=300, required=False)

    class Meta:
        icon = "group"
        label = _("Rolle")


class ELearningBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=200)
    url = blocks.URLBlock(label=_("Adresse"))
    description = blocks.CharBlock(label=_("Beskrivelse"), max_length=300, required=False)

    class Meta:
        icon = "link"
        label = _("E-læring")
        template = "components/network/elearning_block.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=200)
    video = EmbedBlock(label=_("Video (adresse)"))
    transcript = blocks.RichTextBlock(
        label=_("Tekstversjon"),
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Teksting eller referat."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/network/video_block.html"


class TrainingBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    documents = DocumentListBlock(
        help_text=_("Presentasjoner og utdelingsark. Legg dem i samlingen «Intranett», så er de lukket.")
    )
    video = VideoBlock()
    elearning = ELearningBlock()


class AgendaItemBlock(blocks.StructBlock):
    OPEN = "open"
    CONSENT = "consent"
    PART_CHOICES = [
        (OPEN, _("Del 1: informasjon og samordning (alle deltakere)")),
        (CONSENT, _("Del 2: drøfting av enkeltsaker med skriftlig samtykke (bare berørte)")),
    ]
    title = blocks.CharBlock(label=_("Sak"), max_length=250)
    part = blocks.ChoiceBlock(label=_("Del av møtet"), choices=PART_CHOICES, default=OPEN, search_index=False)
    note = blocks.CharBlock(label=_("Merknad"), max_length=300, required=False)

    class Meta:
        icon = "list-ul"
        label = _("Sak på sakslisten")


class ProgressItemBlock(blocks.StructBlock):
    STATUS_CHOICES = [
        ("planned", _("Planlagt")),
        ("ongoing", _("Pågår")),
        ("done", _("Ferdig")),
        ("postponed", _("Utsatt")),
    ]
    when = blocks.CharBlock(label=_("Når"), max_length=60)
    activity = blocks.CharBlock(label=_("Aktivitet"), max_length=300)
    who = blocks.CharBlock(label=_("Hvem"), max_length=200)
    deadline = blocks.DateBlock(label=_("Frist"), required=False)
    responsible = blocks.CharBlock(label=_("Ansvar"), max_length=200)
    status = blocks.ChoiceBlock(
        label=_("Status"), choices=STATUS_CHOICES, default="planned", search_index=False
    )

    class Meta:
        icon = "date"
        label = _("Aktivitet")
