"""Structured blocks for the steps of a guide level: Hva, Hvordan, Hvem, Verktøy, frist, veien videre."""

import copy

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import RICH_TEXT_FEATURES, BodyBlock, NoticeBlock

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
        search_index=False,  # a link target, not content (and empty it would index "- Select an option -")
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


class ServiceContactsBlock(blocks.StructBlock):
    """Services from the directory, shown as its cards (name linked to the service page, phone as a
    tel: link): the contacts stay the directory's, so a changed number changes everywhere."""

    services = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="guide.ServicePage", label=_("Hjelpetilbud")),
        label=_("Hjelpetilbud"),
        help_text=_("Velg fra oversikten over hjelpetilbud. Lenke og telefonnummer hentes derfra."),
    )

    class Meta:
        icon = "group"
        label = _("Kontakter fra hjelpetilbudene")
        template = "components/guide/service_contacts_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["services"] = localized_services([page for page in value["services"] if page])
        return context


def localized_services(chosen) -> list:
    """The chosen services in the active language, in the editor's order: the translations keep
    the source page's choice (wagtail-localize links pages by id), so the Nynorsk page would
    otherwise link the Bokmål services. One query; a service not translated or not live is left out."""
    from guide.models import ServicePage

    if not chosen:
        return []
    by_key = {
        page.translation_key: page
        for page in ServicePage.objects.live().filter(
            locale=Locale.get_active(), translation_key__in=[page.translation_key for page in chosen]
        )
    }
    return [by_key[page.translation_key] for page in chosen if page.translation_key in by_key]


class ConcernBodyBlock(BodyBlock):
    """The citizen page's content: the shared blocks and contacts from the service directory."""

    contacts = ServiceContactsBlock()


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
