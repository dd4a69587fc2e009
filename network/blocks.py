"""StreamField blocks for the network pages. People are chosen from the Person snippet, never typed."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


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
