"""The service directory ("hvem kan hjelpe"): every help offer for children, youth and families.

Tree: HomePage → ServiceDirectoryPage (/nb/hjelpetilbud/, /nn/hjelpetilbod/) → ServicePage

Target groups and topics are fixed vocabularies (the brochure's table of contents and the filters
use them), stored as lists of slugs that are the same in both languages, so a filtered URL can be
shared and the Nynorsk translation shares them with the Bokmål page.

The directory filters, counts and sorts in Python over a light summary of every service (one query
of plain values, no page objects, kept per process and cache generation) and shows 30 services a
page; only their cards are fetched, and only when the rendered cards are not in the fragment cache.
So the page costs the same number of queries, and weighs the same, with 10 or 1 000 services."""

import datetime
import json
import re
import unicodedata
from collections import Counter
from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.memo import memo
from home.models import BasePage
from home.pagination import grouped_number, pagination_links
from home.phone import tel_number

TARGET_GROUPS = [
    ("gravide", _("Gravide")),
    ("0-5", _("Barn 0–5 år")),
    ("6-12", _("Barn 6–12 år")),
    ("13-18", _("Ungdom 13–18 år")),
    ("unge-voksne", _("Unge voksne")),
    ("foreldre", _("Foreldre og foresatte")),
]
TOPICS = [
    ("akutt", _("Akutt hjelp og krise")),
    ("graviditet", _("Graviditet og fødsel")),
    ("helse", _("Helse og utvikling")),
    ("psykisk-helse", _("Psykisk helse")),
    ("vold", _("Vold og overgrep")),
    ("rus", _("Rus")),
    ("familie", _("Familie og foreldrerolle")),
    ("laering", _("Barnehage, skole og læring")),
    ("fritid", _("Fritid og fellesskap")),
    ("arbeid", _("Arbeid og økonomi")),
    ("seksualitet", _("Kropp og seksualitet")),
]
TARGET_GROUP_LABELS = dict(TARGET_GROUPS)
TOPIC_LABELS = dict(TOPICS)

MAX_QUERY_LENGTH = 100
SERVICES_PER_PAGE = 30
PAGE_PARAMETER = "side"
NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e", "ä": "{", "ö": "|"})


def norwegian_sort_key(text: str) -> str:
    """Alphabetical order as in a Norwegian dictionary: … x y z æ ø å."""
    return text.lower().translate(NORWEGIAN_ORDER)


class ChoiceListField(models.JSONField):
    """A list of slugs from a fixed vocabulary, edited as checkboxes."""

    def __init__(self, *args, vocabulary=(), **kwargs):
        self.vocabulary = list(vocabulary)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.vocabulary,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {slug for slug, _label in self.vocabulary}
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise ValidationError(_("Ukjent verdi i listen."), code="invalid_choice")


# How to get help: the field and its badge, which the text filter also finds ("anonym", "drop-in").
ACCESS_LABELS = [
    ("self_referral", _("Du kan ta kontakt selv")),
    ("needs_referral", _("Krever henvisning")),
    ("drop_in", _("Drop-in")),
    ("anonymous", _("Du kan være anonym")),
]
ACCESS_FIELDS = tuple(name for name, _label in ACCESS_LABELS)


def label_part_of_filter_text(target_groups, topics, access_flags) -> str:
    """The labels the text filter looks in, lower case, in the active language: the service's
    target groups, topics and ways to get help (`access_flags` in the order of ACCESS_LABELS)."""
    labels = [label for slug, label in TARGET_GROUPS if slug in target_groups]
    labels += [label for slug, label in TOPICS if slug in topics]
    labels += [label for (_name, label), flag in zip(ACCESS_LABELS, access_flags, strict=True) if flag]
    return " ".join(map(str, labels)).lower()


def compose_filter_text(title: str, intro: str, provider: str, label_part: str) -> str:
    """What the directory's text filter looks in (lower case): name, summary, provider, target
    groups, topics and how to get help, in the active language."""
    return f"{title} {intro} {provider}".lower() + f" {label_part}"


# What components/guide/service_card.html shows (a field left out costs a query per card; the query
# count test in tests/guide/test_directory.py notices).
CARD_FIELDS = (
    "title",
    "url_path",
    "intro",
    "provider",
    "target_groups",
    "phone",
    "is_emergency",
    "always_open",
    "is_free",
    "anonymous",
    "drop_in",
    "needs_referral",
)


class ServiceSummary(NamedTuple):
    """What the directory needs of every service to filter, count and order them."""

    pk: int
    title: str
    target_groups: frozenset
    topics: frozenset
    is_emergency: bool
    always_open: bool
    filter_text: str

    @property
    def is_urgent(self) -> bool:
        return self.is_emergency or self.always_open


def clean_text_query(raw: str) -> str:
    """What a visitor typed, without control characters or surrogates, at most 100 characters."""
    text = "".join(
        char
        for char in raw[: MAX_QUERY_LENGTH * 4]
        if unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn"} or char in " \t"
    )
    return re.sub(r"\s+", " ", text).strip()[:MAX_QUERY_LENGTH]


def json_ld_script(data: dict) -> str:
    """<script type="application/ld+json"> that no text inside can close (as Django's json_script)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 – escaped above


class ServiceDirectoryPage(BasePage):
    """Every service for children, youth and families, with filters and the printable brochure."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold under oversikten"))
    brochure_intro = models.TextField(
        _("innledning i brosjyren"),
        blank=True,
        max_length=1000,
        help_text=_("Står på innholdssiden i PDF-brosjyren. Tom: ingressen brukes."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("brochure_intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guide.ServicePage"]
    max_count_per_parent = 1
    template = "pages/guide/service_directory_page.html"

    class Meta:
        verbose_name = _("oversikt over hjelpetilbud")
        verbose_name_plural = _("oversikter over hjelpetilbud")

    BROCHURE_PATH = "brosjyre"  # Wagtail serves only paths of words ending in a slash
    own_sub_paths = frozenset({BROCHURE_PATH})  # home/routing.py: children are routed as usual

    def route(self, request, path_components):
        if path_components == [self.BROCHURE_PATH]:
            from wagtail.url_routing import RouteResult

            if not self.live:
                from django.http import Http404

                raise Http404
            return RouteResult(self, kwargs={"brochure": True})
        return super().route(request, path_components)

    def serve(self, request, *args, brochure=False, **kwargs):
        if brochure:
            from .brochure import brochure_response

            return brochure_response(self, request)
        return super().serve(request, *args, **kwargs)

    def brochure_url(self, request=None) -> str:
        return f"{self.get_url(request)}{self.BROCHURE_PATH}/"

    def live_services(self):
        """The published services in tree order, without their StreamField (the list needs none)."""
        return ServicePage.objects.child_of(self).live().public().defer_streamfields()

    def service_summaries(self) -> list[ServiceSummary]:
        """Every published service as a ServiceSummary, in directory order, with the text the text
        filter looks in (in the active language). Built from one query of plain values, once per
        process and cache generation (home/chrome.py): publishing, unpublishing or moving a
        service, or restricting who may see it, starts a new generation."""
        key = ("guide.directory.service_summaries", self.pk, translation.get_language())
        return memo.get(key, self._build_service_summaries)

    def _build_service_summaries(self) -> list[ServiceSummary]:
        # Services share a few combinations of target groups, topics and ways to get help, so each
        # combination is decoded (the vocabularies come as JSON text) and labelled once.
        rows = (
            ServicePage.objects.child_of(self)
            .live()
            .public()
            .annotate(groups_json=Cast("target_groups", models.TextField()))
            .annotate(topics_json=Cast("topics", models.TextField()))
            .order_by()  # the order is Norwegian alphabetical, below
            .values_list(
                "pk",
                "title",
                "groups_json",
                "topics_json",
                "is_emergency",
                "always_open",
                "intro",
                "provider",
                *ACCESS_FIELDS,
            )
        )
        slug_sets, label_parts, summaries = {}, {}, []
        for pk, title, groups_json, topics_json, is_emergency, always_open, intro, provider, *access in rows:
            for raw in (groups_json, topics_json):
                if raw not in slug_sets:
                    slug_sets[raw] = frozenset(json.loads(raw or "[]"))
            groups, topics = slug_sets[groups_json], slug_sets[topics_json]
            labels_key = (groups_json, topics_json, *access)
            if labels_key not in label_parts:
                label_parts[labels_key] = label_part_of_filter_text(groups, topics, access)
            text = compose_filter_text(title, intro, provider, label_parts[labels_key])
            summaries.append(ServiceSummary(pk, title, groups, topics, is_emergency, always_open, text))
        summaries.sort(key=ServicePage.directory_sort_key)
        return summaries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected_groups = [slug for slug in request.GET.getlist("malgruppe") if slug in TARGET_GROUP_LABELS]
        selected_topics = [slug for slug in request.GET.getlist("tema") if slug in TOPIC_LABELS]
        query = clean_text_query(request.GET.get("q", ""))
        terms = query.lower().split()

        services = self.service_summaries()
        groups, topics = frozenset(selected_groups), frozenset(selected_topics)

        def in_groups(service):
            return not groups or not groups.isdisjoint(service.target_groups)

        def in_topics(service):
            return not topics or not topics.isdisjoint(service.topics)

        text_matches = (
            [s for s in services if all(term in s.filter_text for term in terms)] if terms else services
        )
        results = (
            [s for s in text_matches if in_groups(s) and in_topics(s)] if groups or topics else text_matches
        )
        # Each option's count: how many results choosing it would give, with the other filters kept,
        # over all results (not only the page shown). Services share their sets of slugs (see
        # _build_service_summaries), so the sets are counted first and then spread over their slugs.
        group_counts = spread_counts(Counter(s.target_groups for s in text_matches if in_topics(s)))
        topic_counts = spread_counts(Counter(s.topics for s in text_matches if in_groups(s)))
        group_options = [
            {"value": slug, "label": label, "selected": slug in groups, "count": group_counts[slug]}
            for slug, label in TARGET_GROUPS
        ]
        topic_options = [
            {"value": slug, "label": label, "selected": slug in topics, "count": topic_counts[slug]}
            for slug, label in TOPICS
        ]

        shown = Paginator(results, SERVICES_PER_PAGE).get_page(request.GET.get(PAGE_PARAMETER))
        shown_pks = [service.pk for service in shown.object_list]

        def cards():
            # This page's services only, with the columns the card shows, in the summaries' order.
            # Fetched only when the cards are rendered, not when they come from the fragment cache.
            pages_by_pk = ServicePage.objects.only(*CARD_FIELDS).in_bulk(shown_pks)
            return [pages_by_pk[pk] for pk in shown_pks if pk in pages_by_pk]

        filters = [("q", query)] if query else []
        filters += [("malgruppe", slug) for slug in selected_groups]
        filters += [("tema", slug) for slug in selected_topics]
        context.update(
            {
                "services": SimpleLazyObject(cards),
                "shown_key": "-".join(map(str, shown_pks)),
                "services_page": shown,
                "pagination": directory_pagination(shown, self.get_url(request), filters),
                "result_count": len(results),
                "service_count": len(services),
                "service_total": grouped_number(len(services)),
                "group_options": group_options,
                "topic_options": topic_options,
                "query": query,
                "is_filtered": bool(selected_groups or selected_topics or query),
                "urgent_count": sum(1 for service in results if service.is_urgent),
                "brochure_url": self.brochure_url(request),
            }
        )
        return context


def spread_counts(set_counts: Counter) -> Counter:
    """{frozenset of slugs: how many services have it} as {slug: how many services have it}."""
    counts = Counter()
    for slugs, number in set_counts.items():
        for slug in slugs:
            counts[slug] += number
    return counts


def directory_pagination(shown, base_url: str, filters: list[tuple[str, str]]) -> dict:
    """Links to the directory's other pages that keep the visitor's filters. Page 1 has no page
    parameter (one address per list); every link goes to the results, past the filter form."""

    def url(number: int) -> str:
        parameters = filters + ([(PAGE_PARAMETER, str(number))] if number > 1 else [])
        return f"{base_url}?{urlencode(parameters)}#treff" if parameters else f"{base_url}#treff"

    return pagination_links(shown, url)


class ServicePage(BasePage):
    """One help offer: who it is for, what it costs, how to get help, and how to get in touch."""

    provider = models.CharField(
        _("tjenesten som gir tilbudet"),
        max_length=200,
        help_text=_("For eksempel «Helsestasjon og skolehelsetjeneste» eller «Staten (Bufdir)»."),
    )
    target_groups = ChoiceListField(_("målgrupper"), vocabulary=TARGET_GROUPS)
    topics = ChoiceListField(_("temaer"), vocabulary=TOPICS)
    is_emergency = models.BooleanField(
        _("akutt hjelp"), default=False, help_text=_("Vises øverst i oversikten og merkes «Akutt hjelp».")
    )
    always_open = models.BooleanField(
        _("åpent hele døgnet"),
        default=False,
        help_text=_("Vises øverst i oversikten og merkes «Åpent hele døgnet»."),
    )
    is_free = models.BooleanField(_("gratis"), default=True)
    cost_note = models.CharField(
        _("om prisen"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel «Vanlig egenandel hos lege»."),
    )
    self_referral = models.BooleanField(_("du kan ta kontakt selv"), default=True)
    needs_referral = models.BooleanField(_("krever henvisning"), default=False)
    drop_in = models.BooleanField(_("drop-in"), default=False)
    anonymous = models.BooleanField(_("du kan være anonym"), default=False)
    referral_note = models.CharField(
        _("slik får du hjelp"),
        max_length=300,
        blank=True,
        help_text=_("For eksempel «Fastlegen eller helsesykepleier henviser»."),
    )
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    address = models.TextField(_("besøksadresse"), max_length=300, blank=True)
    opening_hours = models.CharField(_("åpningstider"), max_length=200, blank=True)
    contact_form_url = models.URLField(_("kontaktskjema (adresse)"), blank=True)
    website = models.URLField(_("nettsted"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("beskrivelse"))
    last_reviewed = models.DateField(
        _("sist gjennomgått"),
        default=datetime.date.today,
        help_text=_(
            "Når noen sist sjekket at opplysningene stemmer. Tilbud eldre enn 12 måneder vises i en rapport."
        ),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("provider"),
        index.SearchField("body"),
        index.FilterField("last_reviewed"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("provider"),
        MultiFieldPanel([FieldPanel("target_groups"), FieldPanel("topics")], _("Hvem og hva")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_emergency"), FieldPanel("always_open")]),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost_note")]),
                FieldRowPanel(
                    [
                        FieldPanel("self_referral"),
                        FieldPanel("needs_referral"),
                        FieldPanel("drop_in"),
                        FieldPanel("anonymous"),
                    ]
                ),
                FieldPanel("referral_note"),
            ],
            _("Slik får du hjelp"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldRowPanel([FieldPanel("contact_form_url"), FieldPanel("website")]),
            ],
            _("Kontakt"),
            help_text=_("Telefon, e-post og adresser er felles for bokmål og nynorsk."),
        ),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]

    # The Nynorsk page has its own wording, but the same contact data, vocabularies and review date.
    override_translatable_fields = [
        SynchronizedField("target_groups"),
        SynchronizedField("topics"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("contact_form_url"),
        SynchronizedField("website"),
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["guide.ServiceDirectoryPage"]
    subpage_types = []
    template = "pages/guide/service_page.html"

    class Meta:
        verbose_name = _("hjelpetilbud")
        verbose_name_plural = _("hjelpetilbud")

    @property
    def is_urgent(self) -> bool:
        return self.is_emergency or self.always_open

    @staticmethod
    def directory_sort_key(service):
        return (not service.is_urgent, not service.is_emergency, norwegian_sort_key(service.title))

    @property
    def filter_text(self) -> str:
        """What the directory's text filter looks in, as its ServiceSummary has it."""
        access_flags = [getattr(self, name) for name in ACCESS_FIELDS]
        labels = label_part_of_filter_text(self.target_groups, self.topics, access_flags)
        return compose_filter_text(self.title, self.intro, self.provider, labels)

    @property
    def target_group_labels(self) -> list:
        return [label for slug, label in TARGET_GROUPS if slug in self.target_groups]

    @property
    def topic_labels(self) -> list:
        return [label for slug, label in TOPICS if slug in self.topics]

    @property
    def access_labels(self) -> list:
        return [label for name, label in ACCESS_LABELS if getattr(self, name)]

    def json_ld(self, request, municipality_name: str = "") -> str:
        """schema.org GovernmentService for search engines, as a ready <script> element."""
        url = self.get_full_url(request)
        provider = {"@type": "GovernmentOrganization", "name": self.provider}
        if municipality_name:
            provider["parentOrganization"] = {"@type": "GovernmentOrganization", "name": municipality_name}
        contact = {"@type": "ContactPoint", "contactType": str(_("Kontakt"))}
        if self.phone:
            contact["telephone"] = tel_number(self.phone)
        if self.email:
            contact["email"] = self.email
        if self.opening_hours:
            contact["hoursAvailable"] = {
                "@type": "OpeningHoursSpecification",
                "description": self.opening_hours,
            }
        channel = {"@type": "ServiceChannel", "name": self.provider, "servicePhone": contact}
        if self.contact_form_url or self.website:
            channel["serviceUrl"] = self.contact_form_url or self.website
        if self.address:
            channel["serviceLocation"] = {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "streetAddress": " ".join(self.address.split())},
            }
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "description": self.intro,
            "url": url,
            "provider": provider,
            "availableChannel": channel,
            "audience": [
                {"@type": "Audience", "audienceType": str(label)} for label in self.target_group_labels
            ],
            "category": [str(label) for label in self.topic_labels],
        }
        if municipality_name:
            data["areaServed"] = {"@type": "AdministrativeArea", "name": municipality_name}
        if self.is_free:
            data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "NOK"}
        return json_ld_script(data)
