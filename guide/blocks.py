"""Structured blocks for the steps of a guide level: Hva, Hvordan, Hvem, Verktøy, frist, veien videre."""

import copy

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import RICH_TEXT_FEATURES, NoticeBlock

from .vocabulary import LEVEL_BLOCK_CHOICES


class ToolChooserBlock(SnippetChooserBlock):
    """Chooses a Tool (a reference, never a copy). All tools of a page are fetched in one query."""

    def __init__(self, **kwargs):
        super().__init__("guide.Tool", **kwargs)

    def bulk_to_python(self, values):
        objects = self.model_class.objects.select_related("document").in_bulk(
            [value for value in values if value is not None]
        )
        seen, result = set(), []
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and pk in seen:
                obj = copy.copy(obj)
            result.append(obj)
            seen.add(pk)
        return result


class NextStepBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Lenketekst"),
        max_length=200,
        help_text=_("For eksempel «Saken avsluttes» eller «Gå til nivå 1»."),
    )
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=LEVEL_BLOCK_CHOICES,
        required=False,
        help_text=_("Tom: et steg på denne siden. Lenken går til nivåsiden i samme tjenesteområde og språk."),
    )
    step = blocks.IntegerBlock(
        label=_("Steg"), required=False, min_value=1, help_text=_("Tom: toppen av siden.")
    )

    class Meta:
        icon = "arrow-right"
        label = _("Neste steg")


class StepBlock(blocks.StructBlock):
    """One numbered step. The number is its position among the steps; its anchor is #steg-<number>."""

    title = blocks.CharBlock(label=_("Tittel"), max_length=200)
    what = blocks.RichTextBlock(label=_("Hva"), features=RICH_TEXT_FEATURES, help_text=_("Hva skal gjøres?"))
    how = blocks.RichTextBlock(
        label=_("Hvordan"), features=RICH_TEXT_FEATURES, help_text=_("Hvordan gjøres det?")
    )
    who = blocks.CharBlock(
        label=_("Hvem"),
        max_length=300,
        help_text=_("Hvem har ansvaret, for eksempel pedagogisk leder, kontaktlærer eller stafettholder."),
    )
    tools = blocks.ListBlock(ToolChooserBlock(label=_("Verktøy")), label=_("Verktøy"), min_num=0, default=[])
    time_limit = blocks.CharBlock(
        label=_("Frist"), max_length=200, required=False, help_text=_("For eksempel «Avklar innen 14 dager».")
    )
    next_steps = blocks.ListBlock(NextStepBlock(), label=_("Veien videre"), min_num=0, default=[])

    class Meta:
        icon = "list-ol"
        label = _("Steg")


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()
    notice = NoticeBlock()


# --- The content of a tool's form (guide.tool_documents makes Word and PDF files of it) ----------


class FillInFieldValue(blocks.StructValue):
    def writing_lines(self) -> range:
        """One item per line to write on (the PDF draws them)."""
        return range(self.get("lines") or 1)


class FillInFieldBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Ledetekst"), max_length=300)
    help = blocks.CharBlock(label=_("Hjelpetekst"), max_length=300, required=False)
    lines = blocks.IntegerBlock(
        label=_("Antall linjer"), default=1, min_value=1, max_value=30, help_text=_("Plass til å skrive.")
    )

    class Meta:
        icon = "form"
        label = _("Felt å fylle ut")
        value_class = FillInFieldValue


class CheckboxesBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Spørsmål"), max_length=300, required=False)
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("Valg"), max_length=300), label=_("Avkrysningsbokser")
    )

    class Meta:
        icon = "tasks"
        label = _("Avkrysning")


class SignatureBlock(blocks.StructBlock):
    signers = blocks.ListBlock(
        blocks.CharBlock(label=_("Hvem skriver under"), max_length=200), label=_("Underskrifter")
    )

    class Meta:
        icon = "edit"
        label = _("Underskrifter")


class ToolFormBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Overskrift"), max_length=200, icon="title")
    paragraph = blocks.TextBlock(label=_("Avsnitt"), icon="pilcrow")
    field = FillInFieldBlock()
    checkboxes = CheckboxesBlock()
    signature = SignatureBlock()
