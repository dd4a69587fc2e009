"""The intranet: the network's closed working room for BTI-agents, coordinators and editors.

Its start page, the training material, the meeting plan with its calendar feeds, and the progress
plan. Who may enter is decided in network/access.py; the report forms are in
network/models/reports.py.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage

from ..access import IntranetPageMixin, is_intranet_member
from ..blocks import AgendaItemBlock, ProgressItemBlock, TrainingBlock
from ..calendar import feed_addresses, feed_response
from .pages import NetworkGroupPage
from .people import ServiceUnit
from .reports import ReportFormPage


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
        feed_token = getattr(getattr(request.user, "calendar_token", None), "token", None)
        context = self.get_context(request)
        context.update(
            groups=groups,
            chosen=chosen,
            upcoming=[m for m in meetings if m.ends_at >= now],
            past=[m for m in reversed(meetings) if m.ends_at < now],
            feed_token=feed_token,
            feeds=feed_addresses(request, self, feed_token, groups) if feed_token else [],
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
