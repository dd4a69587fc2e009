"""The service directory ("hvem kan hjelpe"): every help offer for children, youth and families.

Tree: HomePage → ServiceDirectoryPage (/nb/hjelpetilbud/, /nn/hjelpetilbod/) → ServicePage

Target groups and topics are fixed vocabularies (guide/vocabulary.py; the brochure's table of
contents and the filters use them), stored as lists of slugs that are the same in both languages, so
a filtered URL can be shared and the Nynorsk translation shares them with the Bokmål page. The
filter text, summaries and counts are in guide/directory_filters.py.

The directory filters, counts and sorts in Python over a light summary of every service (one query
of plain values, no page objects, kept per process and cache generation) and shows 30 services a
page; only their cards are fetched, and only when the rendered cards are not in the fragment cache.
So the page costs the same number of queries, and weighs the same, with 10 or 1 000 services."""

import datetime
import json
from collections import Counter

from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from guide.directory_filters import (
    PAGE_PARAMETER,
    SERVICES_PER_PAGE,
    ServiceSummary,
    clean_text_query,
    compose_filter_text,
    directory_pagination,
    label_part_of_filter_text,
    spread_counts,
)
from guide.fields import ChoiceListField
from guide.json_ld import json_ld_script
from guide.sorting import norwegian_sort_key
from guide.vocabulary import (
    ACCESS_FIELDS,
    ACCESS_LABELS,
    TARGET_GROUP_LABELS,
    TARGET_GROUPS,
    TOPIC_LABELS,
    TOPICS,
)
from home.blocks import BodyBlock
from home.memo import memo
from home.models import BasePage
from home.pagination import grouped_number
from home.phone import tel_number

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
            from guide.brochure import brochure_response

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
    # Who answers for a service's facts in the freshness report (home/editorial): its provider.
    freshness_responsible_fields = ("provider",)

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
