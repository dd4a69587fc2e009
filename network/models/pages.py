"""The public network pages: the collaboration structure, its groups and forums, the roles and
the list of service units with the «Who is our BTI-agent?» lookup (see network/models/people.py
for why people and units are snippets and these are pages)."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models import BasePage, ReviewedPage

from ..blocks import CompositionBlock, MemberBlock, PersonBlock
from .people import Person, ServiceUnit


class NetworkIndexPage(ReviewedPage):
    """/nettverk/: the collaboration structure on three levels, with every group linked."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body"), ReviewedPage.responsible_panel]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.NetworkGroupPage", "network.RolePage", "network.ServiceUnitListPage"]
    template = "pages/network/network_index_page.html"

    class Meta:
        verbose_name = _("nettverksside")
        verbose_name_plural = _("nettverkssider")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: not evaluated when the content comes from the fragment cache ({% page_content_cache %}).
        children = SimpleLazyObject(
            lambda: list(self.get_children().live().public().specific().order_by("path"))
        )
        context["levels"] = SimpleLazyObject(lambda: self.groups_by_level(children))
        context["roles"] = SimpleLazyObject(
            lambda: [child for child in children if isinstance(child, RolePage)]
        )
        context["unit_lists"] = SimpleLazyObject(
            lambda: [child for child in children if isinstance(child, ServiceUnitListPage)]
        )
        return context

    @staticmethod
    def groups_by_level(children) -> list[dict]:
        groups = [child for child in children if isinstance(child, NetworkGroupPage)]
        return [
            {
                "code": code,
                "label": label,
                "description": NetworkGroupPage.LEVEL_DESCRIPTIONS[code],
                "groups": [group for group in groups if group.level == code],
            }
            for code, label in NetworkGroupPage.LEVEL_CHOICES
        ]


class NetworkGroupPage(ReviewedPage):
    """One group or meeting forum: mandate, who takes part, who chairs, how often it meets."""

    MUNICIPAL = "kommune"
    COORDINATING = "koordinerende"
    SERVICE = "tjeneste"
    LEVEL_CHOICES = [
        (MUNICIPAL, _("Kommunenivå")),
        (COORDINATING, _("Koordinerende nivå")),
        (SERVICE, _("Tjenestenivå")),
    ]
    LEVEL_DESCRIPTIONS = {
        MUNICIPAL: _("Setter mål og prioriteringer for det tverrfaglige, forebyggende arbeidet."),
        COORDINATING: _("Tar imot behov fra kommunenivået og tjenestene, og følger opp arbeidet."),
        SERVICE: _("Møteplasser der tjenestene samarbeider og deler informasjon på lavest mulig nivå."),
    }

    level = models.CharField(_("nivå"), max_length=20, choices=LEVEL_CHOICES, default=SERVICE)
    purpose = RichTextField(_("formål og mandat"), features=RICH_TEXT_FEATURES, blank=True)
    composition = StreamField(
        [("role", CompositionBlock())],
        blank=True,
        verbose_name=_("sammensetning"),
        help_text=_("Hvilke roller og tjenester som er med."),
    )
    members = StreamField(
        [("member", MemberBlock())],
        blank=True,
        verbose_name=_("navngitte medlemmer"),
        help_text=_("Bare der kommunen publiserer navnene."),
    )
    chair = models.ForeignKey(
        Person,
        verbose_name=_("leder av gruppen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chair_note = models.CharField(
        _("hvem leder (tekst)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Når det er en rolle og ikke en bestemt person, f.eks. «Teamleder eller tverrfaglig rådgiver»."
        ),
    )
    minute_taker = models.ForeignKey(
        Person, verbose_name=_("referent"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minute_taker_note = models.CharField(_("hvem skriver referat (tekst)"), max_length=200, blank=True)
    meeting_rhythm = models.CharField(
        _("møtehyppighet"),
        max_length=200,
        blank=True,
        help_text=_("F.eks. «Hver 6.–8. uke»."),
    )
    agenda_and_consent = RichTextField(_("saksliste og samtykke"), features=RICH_TEXT_FEATURES, blank=True)
    contact_person = models.ForeignKey(
        Person,
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("mer innhold"))

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("purpose"),
        index.SearchField("agenda_and_consent"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("level"),
        FieldPanel("purpose"),
        FieldPanel("composition"),
        FieldPanel("members"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("chair"), FieldPanel("chair_note")]),
                FieldRowPanel([FieldPanel("minute_taker"), FieldPanel("minute_taker_note")]),
                FieldPanel("meeting_rhythm"),
                FieldPanel("contact_person"),
            ],
            _("Møter og kontakt"),
        ),
        FieldPanel("agenda_and_consent"),
        FieldPanel("body"),
        ReviewedPage.responsible_panel,
    ]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []
    template = "pages/network/network_group_page.html"

    class Meta:
        verbose_name = _("gruppe eller møte")
        verbose_name_plural = _("grupper og møter")


class RolePage(ReviewedPage):
    """A role in the BTI work (BTI-agent, pilot, SLT-koordinator …) with its mandate."""

    mandate = RichTextField(_("mandat"), features=RICH_TEXT_FEATURES, blank=True)
    expectations = RichTextField(_("forventninger"), features=RICH_TEXT_FEATURES, blank=True)
    holders = StreamField(
        [("person", PersonBlock())],
        blank=True,
        verbose_name=_("hvem har rollen"),
        help_text=_("Tom for roller mange har, som BTI-agent: da viser siden lenken til tjenestestedene."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("mer innhold"))

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mandate"),
        index.SearchField("expectations"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("mandate"),
        FieldPanel("expectations"),
        FieldPanel("holders"),
        FieldPanel("body"),
        ReviewedPage.responsible_panel,
    ]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []
    template = "pages/network/role_page.html"

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unit_list"] = SimpleLazyObject(  # lazy: see NetworkIndexPage
            lambda: ServiceUnitListPage.objects.sibling_of(self).live().public().first()
        )
        return context


class ServiceUnitListPage(ReviewedPage):
    """All service units grouped by type, pilots marked, with the «Who is our BTI-agent?» lookup.

    The lookup is a plain GET form (name search and type filter), so it works without JavaScript
    and a result can be bookmarked or shared."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold"))

    content_panels = [*BasePage.content_panels, FieldPanel("body"), ReviewedPage.responsible_panel]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []
    template = "pages/network/service_unit_list_page.html"

    class Meta:
        verbose_name = _("liste over tjenestesteder")
        verbose_name_plural = _("lister over tjenestesteder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = (request.GET.get("q") or "").strip()[:100]
        unit_type = request.GET.get("type") or ""
        valid_types = dict(ServiceUnit.TYPE_CHOICES)
        if unit_type not in valid_types:
            unit_type = ""
        units = ServiceUnit.for_listing(self.locale_id)
        if unit_type:
            units = units.filter(unit_type=unit_type)
        # Matched in Python: SQLite's LIKE ignores case for ASCII only («åsen» must find «Åsen»),
        # and the page loads every unit of the language anyway.
        needle = query.casefold()
        units = [unit for unit in units if needle in unit.name.casefold()]
        context.update(
            query=query,
            unit_type=unit_type,
            type_choices=ServiceUnit.TYPE_CHOICES,
            searched=bool(query or unit_type),
            result_count=len(units),
            groups=[
                {"code": code, "label": label, "units": [unit for unit in units if unit.unit_type == code]}
                for code, label in ServiceUnit.TYPE_CHOICES
            ],
        )
        return context
