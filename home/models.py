"""home's models: the page types every portal has (front page, content page, accessibility
statement), the abstract `BasePage` every portal page builds on and `ReviewedPage`, which adds a
responsible person and review date (guide and network pages), and the site profile (name, logo,
contacts, footer links) and the search synonyms per language, the visitors' page feedback («Fant du
det du lette etter?») and the link checker's results."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyBlock, FooterLinkBlock
from .routing import PortalPageManager, RoutedViewRestrictionsMixin, route_below


class BasePage(RoutedViewRestrictionsMixin, Page):
    """Fields and behaviour every public page in the portal shares."""

    intro = models.TextField(
        _("ingress"),
        blank=True,
        max_length=500,
        help_text=_("Kort innledning øverst på siden. Brukes også som beskrivelse i søk og deling."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    objects = PortalPageManager()

    class Meta:
        abstract = True

    @property
    def description(self) -> str:
        return self.search_description or self.intro


class ReviewedPage(BasePage):
    """Pages professionals act on: who answers for the content and when it was last checked.
    The editors' freshness report (home/editorial) lists pages not reviewed in 12 months."""

    responsible_name = models.CharField(_("ansvarlig for innholdet"), max_length=100, blank=True)
    responsible_role = models.CharField(
        _("rolle"), max_length=100, blank=True, help_text=_("For eksempel «BTI-koordinator».")
    )
    last_reviewed = models.DateField(
        _("sist gjennomgått"),
        null=True,
        blank=True,
        help_text=_("Når innholdet sist ble kontrollert faglig, også om ingenting måtte endres."),
    )

    responsible_panel = MultiFieldPanel(
        [FieldPanel("responsible_name"), FieldPanel("responsible_role"), FieldPanel("last_reviewed")],
        _("Ansvarlig for innholdet"),
    )

    class Meta:
        abstract = True

    def get_responsible(self):
        return self if (self.responsible_name or self.responsible_role) else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["responsible"] = self.get_responsible()
        return context


class HomePage(BasePage):
    """The front page of one language tree: what BTI is and where to go next."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "home.AccessibilityStatementPage",
        "guide.GuideIndexPage",
        "guide.ConcernPage",
        "network.NetworkIndexPage",
        "network.IntranetPage",
        "guide.ServiceDirectoryPage",
    ]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")

    def route(self, request, path_components):
        return route_below(self, request, path_components)

    @property
    def localized(self):
        """This front page in the active language (Wagtail starts routing here), memoised."""
        from django.utils.translation import get_language

        from .chrome import localized_home

        return localized_home(self, get_language()) or self


class ContentPage(BasePage):
    """A general article page built from the shared content blocks."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    template = "pages/content_page.html"

    class Meta:
        verbose_name = _("innholdsside")
        verbose_name_plural = _("innholdssider")


class AccessibilityStatementPage(BasePage):
    """Tilgjengelighetserklæring: required by forskrift om universell utforming av IKT, linked from every footer."""

    class Conformance(models.TextChoices):
        FULL = "full", _("Nettstedet oppfyller alle kravene")
        PARTIAL = "partial", _("Nettstedet oppfyller de fleste kravene, med avvikene som er beskrevet under")
        NONE = "none", _("Nettstedet oppfyller ikke kravene")

    conformance = models.CharField(
        _("samsvarsstatus"), max_length=10, choices=Conformance.choices, default=Conformance.PARTIAL
    )
    standard = models.CharField(_("standard"), max_length=100, default="WCAG 2.1 nivå AA")
    known_deviations = StreamField(BodyBlock(), blank=True, verbose_name=_("kjente avvik"))
    feedback_email = models.EmailField(_("e-post for tilbakemelding"))
    feedback_phone = models.CharField(_("telefon for tilbakemelding"), max_length=30, blank=True)
    uustatus_url = models.URLField(
        _("erklæringen på uustatus.no"),
        blank=True,
        help_text=_("Lenke til kommunens erklæring i uustatus.no."),
    )
    last_reviewed = models.DateField(_("sist kontrollert"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("mer om tilgjengelighet"))

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("known_deviations"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("conformance"),
                FieldPanel("standard"),
                FieldPanel("last_reviewed"),
                FieldPanel("uustatus_url"),
            ],
            _("Status"),
        ),
        FieldPanel("known_deviations"),
        MultiFieldPanel([FieldPanel("feedback_email"), FieldPanel("feedback_phone")], _("Tilbakemelding")),
        FieldPanel("body"),
    ]

    # Contact data and dates are the same in both languages.
    override_translatable_fields = [
        SynchronizedField("feedback_phone"),
        SynchronizedField("feedback_email"),
        SynchronizedField("uustatus_url"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("tilgjengelighetserklæring")
        verbose_name_plural = _("tilgjengelighetserklæringer")


class SiteProfile(TranslatableMixin, models.Model):
    """The municipality behind the portal, one per language: name, logo, contact, footer links."""

    municipality_name = models.CharField(_("kommunens navn"), max_length=100)
    portal_name = models.CharField(
        _("portalens navn"), max_length=100, default="BTI", help_text=_("Vises i toppen ved siden av logoen.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    address = models.TextField(_("besøksadresse"), blank=True)
    opening_hours = models.CharField(_("åpningstider"), max_length=200, blank=True)
    footer_links = StreamField(
        [("link", FooterLinkBlock())], blank=True, verbose_name=_("lenker i bunnen av siden")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("municipality_name"), FieldPanel("portal_name"), FieldPanel("logo")],
            _("Navn og logo"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("address"), FieldPanel("opening_hours")],
            _("Kontakt"),
        ),
        FieldPanel("footer_links"),
    ]

    # Contact data is the same in both languages; only wording is translated.
    translatable_fields = [
        TranslatableField("municipality_name"),
        TranslatableField("portal_name"),
        TranslatableField("address"),
        TranslatableField("opening_hours"),
        TranslatableField("footer_links"),
        SynchronizedField("logo"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("nettstedsprofil")
        verbose_name_plural = _("nettstedsprofiler")

    def __str__(self) -> str:
        return f"{self.municipality_name} ({self.locale.language_code})"


class LinkCheck(models.Model):
    """One link found in a published page or snippet, and what the last run of `check_links` found
    at its target. Kept with the Site and locale of its source so a region of several
    municipalities can later show each municipality its own links."""

    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    TIMED_OUT = "timed_out"
    STATUSES = [
        (OK, _("virker")),
        (REDIRECTED, _("videresendt")),
        (BROKEN, _("brutt")),
        (TIMED_OUT, _("svarte ikke i tide")),
    ]
    NOT_WORKING = (BROKEN, TIMED_OUT)

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("nettsted"), null=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("språk"), null=True, on_delete=models.CASCADE, related_name="+"
    )
    source_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("type"), on_delete=models.CASCADE, related_name="+"
    )
    source_id = models.CharField(_("id"), max_length=64)
    source_title = models.CharField(_("side"), max_length=255)
    field = models.CharField(_("felt"), max_length=255)
    link_text = models.CharField(_("lenketekst"), max_length=255, blank=True)
    target = models.CharField(_("mål"), max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=STATUSES)
    http_status = models.PositiveSmallIntegerField(_("HTTP-kode"), null=True, blank=True)
    final_url = models.CharField(_("endelig adresse"), max_length=2000, blank=True)
    first_broken_at = models.DateTimeField(_("brutt første gang"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("sist sjekket"))

    class Meta:
        verbose_name = _("lenkesjekk")
        verbose_name_plural = _("lenkesjekker")
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "field", "target"], name="home_linkcheck_one_row_per_link"
            )
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.source_title}: {self.target}"


class PageFeedback(models.Model):
    """One anonymous answer to «Fant du det du lette etter?» (home/feedback/). No IP address, user
    or session is stored: the row says only which page, in which language and on which site, and
    what the visitor answered. Deleted after PAGE_FEEDBACK_RETENTION_MONTHS (delete_old_feedback)."""

    COMMENT_MAX_LENGTH = 500

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("side"))
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("språk"))
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, null=True, related_name="+", verbose_name=_("nettsted")
    )
    found = models.BooleanField(_("fant det"))
    comment = models.TextField(_("kommentar"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("tilbakemelding på side")
        verbose_name_plural = _("tilbakemeldinger på sider")

    def __str__(self) -> str:
        return f"{self.page_id}: {'ja' if self.found else 'nei'}"


class SynonymGroup(TranslatableMixin, models.Model):
    """Words the site search treats as one (uro, undring, bekymring), kept by editors per language.

    A query word found in a group is searched as any word of the group (home/synonyms.py). A group
    may hold both written forms' words (vold, vald): that is how a query in one form finds pages
    written in the other, without indexing machine-translated text."""

    terms = models.TextField(
        _("ord"),
        help_text=_(
            "Enkeltord som betyr det samme i søket, skilt med komma. Ta gjerne med ordene på både bokmål og nynorsk."
        ),
    )

    panels = [FieldPanel("terms")]

    translatable_fields = [TranslatableField("terms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("synonymgruppe")
        verbose_name_plural = _("synonymgrupper")

    def __str__(self) -> str:
        return ", ".join(self.words())

    def words(self) -> list[str]:
        """The group's words, lower case, each once, in the editor's order."""
        return list(dict.fromkeys(word for word in re.findall(r"\w+", self.terms.lower()) if len(word) > 1))
