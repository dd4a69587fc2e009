"""The BTI network: who meets where, who holds which role, and which service units take part.

Snippet or page?
- A **Person** is a snippet. People are not destinations of their own: a person is shown
  inside a group, a role or a service unit, and must be edited in one place and appear changed
  everywhere. A page per person would also invite publishing profiles of employees, which the
  municipality does not want.
- A **ServiceUnit** (tjenestested) is a snippet. There are dozens of them, they are shown
  together in one list with a lookup, and the intranet needs them as plain records to bind form
  submissions and user accounts to. A page per kindergarten would add hundreds of thin pages
  to the tree, the menu and the search index.
- A **NetworkGroupPage** and a **RolePage** are pages: each has its own address, a mandate
  written as prose, and is something people link to and search for.

Both snippets use TranslatableMixin so wagtail-localize can translate them. Names, phone
numbers, e-mail addresses, photos and the link to a user account are the same in both
languages (SynchronizedField); `Person.save` copies them to every translation at once, so a
change made once shows on every page in both languages without waiting for a translation sync.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone the network pages name: a group member, a role holder, a unit's agent or leader."""

    name = models.CharField(_("navn"), max_length=120)
    title = models.CharField(_("stilling"), max_length=150, blank=True)
    department = models.CharField(
        _("enhet eller avdeling"), max_length=150, blank=True, help_text=_("For eksempel «Fagstab oppvekst».")
    )
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("bilde"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt_text = models.CharField(
        _("alternativ tekst til bildet"),
        max_length=250,
        blank=True,
        help_text=_("Beskriv bildet for dem som ikke ser det. Påkrevd når det er et bilde."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("brukerkonto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_people",
        help_text=_(
            "Kobler personen til en innlogging, slik at en BTI-agent får sitt tjenestested i intranettet."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], _("Bilde")),
        FieldPanel("user"),
    ]

    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("title"),
        TranslatableField("department"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("photo"),
        TranslatableField("photo_alt_text"),
        SynchronizedField("user"),
    ]
    SYNCHRONIZED = ("name", "phone", "email", "photo", "user")

    search_fields = [
        index.SearchField("name"),
        index.SearchField("title"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Edited once, changed everywhere: the language-independent fields of every
        # translation follow at once (update() does not call save(), so no recursion).
        values = {
            field.attname: getattr(self, field.attname)
            for field in map(self._meta.get_field, self.SYNCHRONIZED)
        }
        Person.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(**values)

    def clean(self):
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError({"photo_alt_text": _("Skriv en alternativ tekst til bildet.")})


class ServiceUnit(TranslatableMixin, index.Indexed, ClusterableModel):
    """A tjenestested: a kindergarten, a school, a health-centre section or a help service."""

    KINDERGARTEN = "barnehage"
    SCHOOL = "skole"
    HEALTH = "helse"
    HELP_SERVICE = "hjelpetjeneste"
    TYPE_CHOICES = [
        (KINDERGARTEN, _("Barnehager")),
        (SCHOOL, _("Skoler")),
        (HEALTH, _("Helsestasjon og skolehelsetjeneste")),
        (HELP_SERVICE, _("Hjelpetjenester")),
    ]

    name = models.CharField(_("navn"), max_length=150)
    unit_type = models.CharField(_("type"), max_length=20, choices=TYPE_CHOICES)
    is_pilot = models.BooleanField(_("pilot"), default=False)
    pilot_start = models.DateField(_("pilot fra"), null=True, blank=True)
    pilot_end = models.DateField(_("pilot til"), null=True, blank=True)
    leader = models.ForeignKey(
        Person,
        verbose_name=_("leder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_units",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("unit_type"),
        MultiFieldPanel(
            [FieldPanel("is_pilot"), FieldRowPanel([FieldPanel("pilot_start"), FieldPanel("pilot_end")])],
            _("Pilot"),
        ),
        FieldPanel("leader"),
        InlinePanel("agent_links", label=_("BTI-agenter"), heading=_("BTI-agenter")),
    ]

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("unit_type"),
        SynchronizedField("is_pilot"),
        SynchronizedField("pilot_start"),
        SynchronizedField("pilot_end"),
        TranslatableField("leader"),
        TranslatableField("agent_links"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tjenestested")
        verbose_name_plural = _("tjenestesteder")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.pilot_start and self.pilot_end and self.pilot_end < self.pilot_start:
            raise ValidationError({"pilot_end": _("Slutten på pilotperioden kan ikke være før starten.")})

    @property
    def agents(self):
        return [link.person for link in self.agent_links.all() if link.person_id]

    @classmethod
    def for_listing(cls, locale_id=None):
        """Units of one language with leader and agents: two queries however many there are."""
        locale_id = locale_id or Locale.get_active().pk
        return (
            cls.objects.filter(locale_id=locale_id)
            .select_related("leader")
            .prefetch_related(
                Prefetch(
                    "agent_links",
                    queryset=ServiceUnitAgent.objects.select_related("person").order_by("sort_order"),
                )
            )
            .order_by("name")
        )

    @classmethod
    def for_user(cls, user):
        """The units (in the default language) where `user` is linked as a BTI-agent."""
        return cls.objects.filter(locale=Locale.get_default(), agent_links__person__user=user).distinct()


class ServiceUnitAgent(TranslatableMixin, Orderable):
    """One BTI-agent of a unit. Translatable, so the nn unit points to the nn person."""

    unit = ParentalKey(ServiceUnit, related_name="agent_links", on_delete=models.CASCADE)
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("person")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("BTI-agent")
        verbose_name_plural = _("BTI-agenter")
