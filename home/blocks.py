"""StreamField blocks shared by every content page in the portal."""

import copy
import re

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Overskrift 2")), ("h3", _("Overskrift 3")), ("h4", _("Overskrift 4"))],
        default="h2",
        search_index=False,  # a setting, not content: "Overskrift 2" must not be found
    )

    class Meta:
        icon = "title"
        label = _("Overskrift")
        template = "components/streamfield/heading_block.html"


class NoticeBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[
            ("info", _("Informasjon")),
            ("warning", _("Advarsel")),
            ("danger", _("Viktig – alvorlig")),
            ("success", _("Tips")),
        ],
        default="info",
        search_index=False,  # the kind's label is a setting, not content
    )
    title = blocks.CharBlock(label=_("Tittel"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Merknad")
        template = "components/streamfield/notice_block.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Spørsmål"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Svar"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=200, required=False)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Spørsmål og svar"))

    class Meta:
        icon = "help"
        label = _("Spørsmål og svar (trekkspill)")
        template = "components/streamfield/faq_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document. Its text belongs to the page, so it is translated with the page: a
    document has one title in one language, a Nynorsk page must not show it in Bokmål."""

    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Lenketekst"), max_length=200, required=False, help_text=_("Tom: dokumentets tittel brukes.")
    )

    def clean(self, value):
        # An empty text is filled with the document's title when the page is saved, so that the
        # translation has a segment for it (wagtail-localize extracts no empty strings).
        value = super().clean(value)
        if not value.get("title") and value.get("document") is not None:
            value["title"] = value["document"].title
        return value


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=200, required=False)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Dokumenter"))

    class Meta:
        icon = "doc-full"
        label = _("Dokumentlenker")
        template = "components/streamfield/document_list_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bilde"))
    alt_text = blocks.CharBlock(
        label=_("Alternativ tekst"),
        max_length=250,
        help_text=_("Beskriv hva bildet viser for dem som ikke ser det. Påkrevd."),
    )
    caption = blocks.CharBlock(label=_("Bildetekst"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Bilde")
        template = "components/streamfield/image_block.html"


class TranslatableTableBlock(TableBlock):
    """A TableBlock whose cells wagtail-localize can translate (it ignores plain TableBlocks)."""

    CELL_PATH = re.compile(r"^r(\d+)c(\d+)$")

    def get_translatable_segments(self, value):
        rows = (value or {}).get("data") or []
        return [
            StringSegmentValue(f"r{row_index}c{col_index}", cell)
            for row_index, row in enumerate(rows)
            for col_index, cell in enumerate(row)
            if cell
        ]

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            match = self.CELL_PATH.match(segment.path)
            if match:
                value["data"][int(match[1])][int(match[2])] = segment.render_text()
        return value


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Tabelltittel"),
        max_length=200,
        help_text=_("Vises over tabellen og leses opp av skjermlesere."),
    )
    table = TranslatableTableBlock(
        label=_("Tabell"), table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right"]}
    )

    class Meta:
        icon = "table"
        label = _("Tabell")
        template = "components/streamfield/table_block.html"


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=120)
    text = blocks.TextBlock(label=_("Tekst"), max_length=400)
    page = blocks.PageChooserBlock(label=_("Lenke til side"), required=False)


class CardGridBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=200, required=False)
    cards = blocks.ListBlock(CardBlock(), label=_("Kort"))

    class Meta:
        icon = "grip"
        label = _("Kort i rutenett")
        template = "components/streamfield/card_grid_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    notice = NoticeBlock()
    faq = FaqBlock()
    documents = DocumentListBlock()
    image = ImageBlock()
    table = TableWithCaptionBlock()
    cards = CardGridBlock()


class FooterLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Lenketekst"), max_length=100)
    page = blocks.PageChooserBlock(label=_("Side"), required=False)
    url = blocks.URLBlock(label=_("Ekstern adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Lenke")
