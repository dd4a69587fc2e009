"""The intranet: the network's closed working room for BTI-agents, coordinators and editors.

Access is closed twice. The intranet root carries a Wagtail GROUPS view restriction (copied to
the Nynorsk tree), which also keeps every intranet page out of menus, search and the sitemap.
On top of that every intranet page type checks membership itself in `serve` (fail closed): if
an editor removes the restriction by mistake, or moves a page, outsiders still get 403.
"""

import secrets

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from home.blocks import RICH_TEXT_FEATURES, BodyBlock, DocumentListBlock
from home.models import BasePage
from home.security import mfa_setup_redirect, must_use_mfa

from .national_id import contains_national_id

INTRANET_GROUPS = ("BTI-agenter", "Koordinatorer", "Redaktører")
COORDINATOR_GROUPS = ("Koordinatorer", "Redaktører")
INTRANET_COLLECTION = "Intranett"


def _group_names(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_network_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._network_group_names = cached
    return cached


def is_intranet_member(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or bool(_group_names(user) & set(INTRANET_GROUPS)))
    )


def is_coordinator(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or bool(_group_names(user) & set(COORDINATOR_GROUPS)))
    )


class IntranetPageMixin:
    """Every intranet page: members only, never cached, whatever the page tree says."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(settings.WAGTAIL_FRONTEND_LOGIN_URL))
        if not is_intranet_member(request.user):
            raise PermissionDenied
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_sitemap_urls(self, request=None):
        return []


class IntranetPage(IntranetPageMixin, BasePage):
    """/intranett/: the start page of the closed part, with the user's unit, forms and meetings."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "network.TrainingIndexPage",
        "network.MeetingPlanPage",
        "network.ProgressPlanPage",
        "network.ReportFormPage",
    ]
    template = "pages/network/intranet_page.html"

    class Meta:
        verbose_name = _("intranett")
        verbose_name_plural = _("intranett")

    def get_context(self, request, *args, **kwargs):
        from .models import ServiceUnit

        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().specific().order_by("path"))
        context["sections"] = children
        units = list(ServiceUnit.for_user(request.user))
        localized = {
            u.translation_key: u
            for u in ServiceUnit.objects.filter(
                translation_key__in=[u.translation_key for u in units], locale_id=self.locale_id
            )
        }
        context["my_units"] = [localized.get(u.translation_key, u) for u in units]
        now = timezone.now()
        context["open_forms"] = [
            child for child in children if isinstance(child, ReportFormPage) and child.deadline >= now
        ]
        context["upcoming_meetings"] = Meeting.localize_groups(
            list(Meeting.listing(self.locale_id).filter(starts_at__gte=now)[:5]), self.locale_id
        )
        context["meeting_plan"] = next((c for c in children if isinstance(c, MeetingPlanPage)), None)
        return context


# ---------------------------------------------------------------------------------------------
# Training material
# ---------------------------------------------------------------------------------------------


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


class TrainingIndexPage(IntranetPageMixin, BasePage):
    """Training packages newest first, grouped by theme, with a «new since your last visit» mark."""

    parent_page_types = ["network.IntranetPage"]
    subpage_types = ["network.TrainingPackagePage"]
    template = "pages/network/training_index_page.html"

    class Meta:
        verbose_name = _("opplæringsoversikt")
        verbose_name_plural = _("opplæringsoversikter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        packages = list(
            TrainingPackagePage.objects.child_of(self).live().order_by("-first_published_at", "-pk")
        )
        audience = request.GET.get("malgruppe", "")
        if audience not in dict(TrainingPackagePage.AUDIENCE_CHOICES):
            audience = ""
        if audience:
            packages = [p for p in packages if p.audience in (audience, TrainingPackagePage.EVERYONE)]
        last_visit = IntranetVisit.previous_and_touch(request.user, f"training-{self.translation_key}")
        for package in packages:
            package.is_new = last_visit is not None and package.first_published_at > last_visit
        context.update(
            audience=audience,
            audience_choices=TrainingPackagePage.AUDIENCE_CHOICES,
            last_visit=last_visit,
            new_count=sum(1 for p in packages if p.is_new),
            themes=[
                {"code": code, "label": label, "packages": [p for p in packages if p.theme == code]}
                for code, label in TrainingPackagePage.THEME_CHOICES
            ],
        )
        return context


class TrainingPackagePage(IntranetPageMixin, BasePage):
    """One training package: presentations, handouts, videos and e-learning on one theme."""

    THEME_CHOICES = [
        ("modellen", _("BTI-modellen og nivåene")),
        ("handlingsveileder", _("Handlingsveilederen")),
        ("stafettlogg", _("Stafettholder og stafettlogg")),
        ("samtaler", _("Samtaler med barn og foreldre")),
        ("kompetanse", _("Kompetansetema")),
    ]
    EVERYONE = "alle"
    AUDIENCE_CHOICES = [
        (EVERYONE, _("Alle")),
        ("nyansatte", _("Nyansatte")),
        ("agenter", _("BTI-agenter")),
        ("ledere", _("Ledere")),
    ]

    theme = models.CharField(_("tema"), max_length=30, choices=THEME_CHOICES)
    audience = models.CharField(_("målgruppe"), max_length=20, choices=AUDIENCE_CHOICES, default=EVERYONE)
    body = StreamField(TrainingBlock(), blank=True, verbose_name=_("innhold"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("theme"), FieldPanel("audience")]),
        FieldPanel("body"),
    ]

    parent_page_types = ["network.TrainingIndexPage"]
    subpage_types = []
    template = "pages/network/training_package_page.html"

    class Meta:
        verbose_name = _("opplæringspakke")
        verbose_name_plural = _("opplæringspakker")


class IntranetVisit(models.Model):
    """When a user last looked at an intranet area (for «new since your last visit»)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    area = models.CharField(max_length=100)
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "area"], name="network_visit_once_per_area")]

    def __str__(self) -> str:
        return f"{self.user} {self.area}"

    @classmethod
    def previous_and_touch(cls, user, area):
        if not user.is_authenticated:
            return None
        visit = cls.objects.filter(user=user, area=area).first()
        previous = visit.seen_at if visit else None
        cls.objects.update_or_create(user=user, area=area, defaults={"seen_at": timezone.now()})
        return previous


# ---------------------------------------------------------------------------------------------
# Meetings and progress plan
# ---------------------------------------------------------------------------------------------


class AgendaItemBlock(blocks.StructBlock):
    OPEN = "open"
    CONSENT = "consent"
    PART_CHOICES = [
        (OPEN, _("Del 1: informasjon og samordning (alle deltakere)")),
        (CONSENT, _("Del 2: drøfting av enkeltsaker med skriftlig samtykke (bare berørte)")),
    ]
    title = blocks.CharBlock(label=_("Sak"), max_length=250)
    part = blocks.ChoiceBlock(label=_("Del av møtet"), choices=PART_CHOICES, default=OPEN)
    note = blocks.CharBlock(label=_("Merknad"), max_length=300, required=False)

    class Meta:
        icon = "list-ul"
        label = _("Sak på sakslisten")


class Meeting(TranslatableMixin, index.Indexed, models.Model):
    """One meeting of a network group. A snippet: meetings are records in a plan, not pages."""

    group = models.ForeignKey(
        "network.NetworkGroupPage",
        verbose_name=_("gruppe"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    title = models.CharField(
        _("tittel"), max_length=200, blank=True, help_text=_("Tom: gruppens navn brukes.")
    )
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=200, blank=True)
    video_url = models.URLField(_("videolenke"), blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], blank=True, verbose_name=_("saksliste"))
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("referat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Legg referatet i samlingen «Intranett», så er det lukket."),
    )

    panels = [
        FieldPanel("group"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("video_url")]),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
    ]
    translatable_fields = [
        SynchronizedField("group"),
        TranslatableField("title"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        TranslatableField("place"),
        SynchronizedField("video_url"),
        TranslatableField("agenda"),
        SynchronizedField("minutes"),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("møte")
        verbose_name_plural = _("møter")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.title or self.group.title} {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Møtet må slutte etter at det starter.")})

    @classmethod
    def listing(cls, locale_id):
        return (
            cls.objects.filter(locale_id=locale_id).select_related("group", "minutes").order_by("starts_at")
        )

    @staticmethod
    def localize_groups(meetings, locale_id):
        """Attach `local_group` (the group page in the page's language) with one query."""
        keys = {meeting.group.translation_key for meeting in meetings}
        pages = {
            page.translation_key: page
            for page in Page.objects.filter(translation_key__in=keys, locale_id=locale_id).live()
        }
        for meeting in meetings:
            meeting.local_group = pages.get(meeting.group.translation_key, meeting.group)
        return meetings


class CalendarFeedToken(models.Model):
    """A personal, secret, revocable address for calendar apps (they cannot log in).

    The feed answers only while the token exists and its owner is an active intranet member:
    removing the user from the groups stops the feed at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user}"

    @classmethod
    def renew(cls, user):
        token = secrets.token_urlsafe(32)
        cls.objects.update_or_create(user=user, defaults={"token": token})
        return token

    @classmethod
    def user_for(cls, token):
        if not token:
            return None
        found = cls.objects.filter(token=token).select_related("user").first()
        if found is None or not is_intranet_member(found.user):
            return None
        return found.user


class MeetingPlanPage(IntranetPageMixin, RoutablePageMixin, BasePage):
    """Upcoming and past meetings for all groups or one group, and the calendar feeds."""

    parent_page_types = ["network.IntranetPage"]
    subpage_types = []
    template = "pages/network/meeting_plan_page.html"

    class Meta:
        verbose_name = _("møteplan")
        verbose_name_plural = _("møteplaner")

    def groups_with_meetings(self):
        from .models import NetworkGroupPage

        source_ids = Meeting.objects.values_list("group_id", flat=True).distinct()
        keys = Page.objects.filter(pk__in=source_ids).values_list("translation_key", flat=True)
        return (
            NetworkGroupPage.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
            .live()
            .order_by("path")
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        groups = list(self.groups_with_meetings())
        chosen = next((g for g in groups if g.slug == request.GET.get("gruppe")), None)
        meetings = Meeting.listing(self.locale_id)
        if chosen is not None:
            meetings = meetings.filter(group__translation_key=chosen.translation_key)
        meetings = Meeting.localize_groups(list(meetings), self.locale_id)
        now = timezone.now()
        context = self.get_context(request)
        context.update(
            groups=groups,
            chosen=chosen,
            upcoming=[m for m in meetings if m.ends_at >= now],
            past=[m for m in reversed(meetings) if m.ends_at < now],
            feed_token=getattr(getattr(request.user, "calendar_token", None), "token", None),
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("kalender/", name="calendar")
    def calendar_settings(self, request):
        """Create, renew or revoke the personal feed address (POST); GET goes back to the plan."""
        if request.method == "POST":
            if request.POST.get("action") == "revoke":
                CalendarFeedToken.objects.filter(user=request.user).delete()
            else:
                CalendarFeedToken.renew(request.user)
        return redirect(self.url + "#kalender")

    # Wagtail serves only paths of words, dashes and slashes, so the feeds end in "/" (calendar
    # apps go by the content type, not by an ".ics" ending). "alle" is every group.
    ALL_GROUPS_FEED = "alle"

    @path("kalender/<str:token>/<slug:feed>/", name="feed")
    def calendar_feed(self, request, token, feed):
        """Served before the view restriction by `network.wagtail_hooks` (calendar apps have no session)."""
        from .calendar import feed_response

        user = CalendarFeedToken.user_for(token)
        if user is None:
            raise Http404
        meetings = Meeting.listing(self.locale_id)
        if feed != self.ALL_GROUPS_FEED:
            group = self.groups_with_meetings().filter(slug=feed).first()
            if group is None:
                raise Http404
            meetings = meetings.filter(group__translation_key=group.translation_key)
        return feed_response(request, self, Meeting.localize_groups(list(meetings), self.locale_id))


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
    status = blocks.ChoiceBlock(label=_("Status"), choices=STATUS_CHOICES, default="planned")

    class Meta:
        icon = "date"
        label = _("Aktivitet")


class ProgressPlanPage(IntranetPageMixin, BasePage):
    """Framdriftsplan for one school year: activity, who, deadline, responsible, status."""

    year = models.CharField(_("skoleår"), max_length=20, help_text=_("F.eks. «2026/2027»."))
    items = StreamField([("item", ProgressItemBlock())], blank=True, verbose_name=_("aktiviteter"))

    content_panels = [*BasePage.content_panels, FieldPanel("year"), FieldPanel("items")]

    parent_page_types = ["network.IntranetPage"]
    subpage_types = []
    template = "pages/network/progress_plan_page.html"

    class Meta:
        verbose_name = _("framdriftsplan")
        verbose_name_plural = _("framdriftsplaner")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["status_choices"] = ProgressItemBlock.STATUS_CHOICES
        return context


# ---------------------------------------------------------------------------------------------
# Report and evaluation forms
# ---------------------------------------------------------------------------------------------


class ReportFormField(TranslatableMixin, AbstractFormField):
    """A question. Labels are translated; the field's key (clean_name) is the same in nb and nn,
    so answers given in either language land in the same column."""

    page = ParentalKey("network.ReportFormPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ReportSubmission(AbstractFormSubmission):
    """One service unit's answer to one form (always stored against the Bokmål source page)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sendt av"), null=True, blank=True, on_delete=models.SET_NULL
    )
    unit = models.ForeignKey(
        "network.ServiceUnit",
        verbose_name=_("tjenestested"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    updated_at = models.DateTimeField(_("sist endret"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "unit"], name="network_one_submission_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.page}"


class NationalIdFormMixin:
    """Refuses text containing a valid fødselsnummer/D-nummer; everything typed stays in the form."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            # The typed text too: a number field turns «15038712345» into a Decimal, not a str.
            typed = self.data.getlist(self.add_prefix(name)) if hasattr(self.data, "getlist") else []
            values = [*(value if isinstance(value, list) else [value]), *typed]
            if any(isinstance(v, str) and contains_national_id(v) for v in values):
                self.add_error(
                    name,
                    gettext(
                        "Teksten ser ut til å inneholde et fødselsnummer eller D-nummer. Skjemaet skal ikke "
                        "inneholde opplysninger som kan identifisere et barn eller en familie. Fjern nummeret "
                        "og send på nytt."
                    ),
                )
        return cleaned


class ReportFormPage(IntranetPageMixin, RoutablePageMixin, AbstractEmailForm):
    """A report or evaluation form with a deadline. One answer per service unit, which the unit's
    agents can see and correct until the deadline; after the deadline it is locked."""

    PILOTS = "pilots"
    ALL_UNITS = "all"
    AUDIENCE_CHOICES = [(PILOTS, _("Pilotene")), (ALL_UNITS, _("Alle tjenestesteder"))]

    intro = models.TextField(_("ingress"), blank=True, max_length=500)
    deadline = models.DateTimeField(_("frist"))
    audience = models.CharField(_("hvem skal svare"), max_length=20, choices=AUDIENCE_CHOICES, default=PILOTS)
    thank_you_text = RichTextField(_("takketekst"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("audience")]),
        InlinePanel("form_fields", label=_("Spørsmål")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            _("E-post ved innsending"),
        ),
    ]

    parent_page_types = ["network.IntranetPage"]
    subpage_types = []
    template = "pages/network/report_form_page.html"

    class Meta:
        verbose_name = _("rapportskjema")
        verbose_name_plural = _("rapportskjemaer")

    # -- helpers -----------------------------------------------------------------------------

    @property
    def source_page(self):
        """Answers are stored on the Bokmål page, so nb and nn show the same submissions."""
        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    @property
    def is_locked(self) -> bool:
        return timezone.now() > self.deadline

    def get_submission_class(self):
        return ReportSubmission

    def get_form_class(self):
        return type("ReportForm", (NationalIdFormMixin, super().get_form_class()), {})

    def expected_units(self):
        from .models import ServiceUnit

        units = ServiceUnit.objects.filter(locale=Locale.get_default())
        if self.audience == self.PILOTS:
            units = units.filter(is_pilot=True)
        return units

    def unit_for(self, user):
        return self.expected_units().filter(agent_links__person__user=user).first()

    def submission_for(self, unit):
        return ReportSubmission.objects.filter(page=self.source_page, unit=unit).first()

    def save_submission(self, form, user, unit):
        """Create or correct the unit's answer. Concurrent answers from different units never clash;
        two agents of the same unit sending at once end with the last answer."""
        data = form.cleaned_data
        for _attempt in range(2):
            try:
                with transaction.atomic():
                    updated = ReportSubmission.objects.filter(page=self.source_page, unit=unit).update(
                        form_data=data, user=user, updated_at=timezone.now()
                    )
                    if not updated:
                        return ReportSubmission.objects.create(
                            page=self.source_page, unit=unit, user=user, form_data=data
                        )
                    return ReportSubmission.objects.get(page=self.source_page, unit=unit)
            except IntegrityError:
                continue
        raise IntegrityError("could not store the submission")

    def answers(self, submission):
        data = submission.get_data() if submission else {}
        return [
            {"label": field.label, "value": data.get(field.clean_name, "")}
            for field in self.get_form_fields()
        ]

    # -- views -------------------------------------------------------------------------------

    @path("")
    def index_route(self, request, *args, **kwargs):
        unit = self.unit_for(request.user)
        submission = self.submission_for(unit) if unit else None
        locked = self.is_locked
        status = 200
        form = None
        saved = False
        if unit is not None and not locked:
            if request.method == "POST":
                form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
                if form.is_valid():
                    submission = self.save_submission(form, request.user, unit)
                    saved = True
                    form = self.get_form(initial=submission.form_data, page=self, user=request.user)
                else:
                    status = 400
            else:
                form = self.get_form(
                    initial=submission.form_data if submission else None, page=self, user=request.user
                )
        elif request.method == "POST":
            status = 403
        context = self.get_context(request)
        context.update(
            form=form,
            unit=unit,
            local_unit=unit.get_translation_or_none(self.locale) if unit else None,
            submission=submission,
            locked=locked,
            saved=saved,
            answers=self.answers(submission),
            can_see_dashboard=is_coordinator(request.user),
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def _coordinator_gate(self, request):
        """None when a coordinator may go on; else the MFA set-up redirect (403 for everyone else).
        Coordinator pages, like the admin, need two-factor authentication (home/security.py)."""
        if not is_coordinator(request.user):
            raise PermissionDenied
        if must_use_mfa(request.user):
            return mfa_setup_redirect(request)
        return None

    def dashboard_rows(self):
        from .models import ServiceUnit

        units = list(self.expected_units().order_by("-is_pilot", "name"))
        submissions = {
            s.unit_id: s
            for s in ReportSubmission.objects.filter(page=self.source_page).select_related("user")
        }
        local_names = dict(
            ServiceUnit.objects.filter(
                translation_key__in=[u.translation_key for u in units], locale_id=self.locale_id
            ).values_list("translation_key", "name")
        )
        return [
            {
                "unit": unit,
                "name": local_names.get(unit.translation_key, unit.name),
                "submission": submissions.get(unit.pk),
            }
            for unit in units
        ]

    @path("oversikt/", name="dashboard")
    def dashboard_view(self, request):
        if refusal := self._coordinator_gate(request):
            return refusal
        rows = self.dashboard_rows()
        context = self.get_context(request)
        context.update(
            rows=rows,
            submitted_count=sum(1 for row in rows if row["submission"]),
            missing_count=sum(1 for row in rows if not row["submission"]),
        )
        return TemplateResponse(request, "pages/network/report_dashboard.html", context)

    def export_table(self):
        fields = list(self.source_page.specific.get_form_fields())
        header = [
            gettext("Tjenestested"),
            gettext("Pilot"),
            gettext("Sendt av"),
            gettext("Sendt"),
            gettext("Sist endret"),
            *[field.label for field in fields],
        ]
        rows = []
        for row in self.dashboard_rows():
            submission = row["submission"]
            if submission is None:
                continue
            data = submission.get_data()
            rows.append(
                [
                    row["unit"].name,
                    gettext("Ja") if row["unit"].is_pilot else gettext("Nei"),
                    (submission.user.get_full_name() or submission.user.get_username())
                    if submission.user
                    else "",
                    timezone.localtime(submission.submit_time).strftime("%Y-%m-%d %H:%M"),
                    timezone.localtime(submission.updated_at).strftime("%Y-%m-%d %H:%M"),
                    *[_plain(data.get(field.clean_name, "")) for field in fields],
                ]
            )
        return header, rows

    @path("eksport/csv/", name="export_csv")
    def export_csv(self, request):
        import csv

        if refusal := self._coordinator_gate(request):
            return refusal
        header, rows = self.export_table()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.csv"'
        response["Cache-Control"] = "private, no-store"
        response.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
        writer = csv.writer(response, delimiter=";")
        writer.writerow(header)
        writer.writerows([[_csv_safe(cell) for cell in row] for row in rows])
        return response

    @path("eksport/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        from io import BytesIO

        from openpyxl import Workbook

        if refusal := self._coordinator_gate(request):
            return refusal
        header, rows = self.export_table()
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = gettext("Svar")
        sheet.append(header)
        for row in rows:
            sheet.append([_csv_safe(cell) for cell in row])
        buffer = BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.xlsx"'
        response["Cache-Control"] = "private, no-store"
        return response


def _plain(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _csv_safe(value) -> str:
    """Stop spreadsheet formula injection from free-text answers."""
    text = _plain(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
