"""The BTI action guide: guide front page → service area → level page with numbered steps, and tools.

Tree: HomePage → GuideIndexPage → ServiceAreaGuidePage → GuideLevelPage (nivå 0–3)
                                  → ToolLibraryPage
      HomePage or GuideIndexPage → ConcernPage (the citizen page "Er du bekymret for et barn?")

Which levels and service areas use a tool is read from the steps that choose it, so it can
never disagree with the guide itself."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from guide.blocks import ConcernBodyBlock, StepsBlock, ToolFormBlock
from guide.vocabulary import LEVEL_CHOICES, LEVEL_DESCRIPTIONS, LEVEL_NUMBERS
from home.blocks import BodyBlock
from home.models import BasePage, ReviewedPage


def step_anchor(number: int) -> str:
    return f"steg-{number}"


def raw_items(raw_list) -> list:
    """Values of a raw ListBlock (new format: [{"type": "item", "value": v}], old format: [v])."""
    return [item["value"] if isinstance(item, dict) and "value" in item else item for item in raw_list or []]


def raw_steps(page) -> list[dict]:
    """The step values of a level page, straight from the stored JSON (no database queries)."""
    return [block["value"] for block in page.steps.raw_data if block["type"] == "step"]


class GuidePage(ReviewedPage):
    """Every guide page says who is responsible for its content (empty on a level: the area's)."""

    class Meta:
        abstract = True


class GuideIndexPage(GuidePage):
    """The guide's front page: the whole model at a glance, every step one click away."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body"), GuidePage.responsible_panel]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guide.ServiceAreaGuidePage", "guide.ToolLibraryPage", "guide.ConcernPage"]
    template = "pages/guide/guide_index_page.html"

    class Meta:
        verbose_name = _("handlingsveileder")
        verbose_name_plural = _("handlingsveiledere")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: not evaluated when the content comes from the fragment cache.
        context["areas"] = SimpleLazyObject(self.areas_with_levels)
        context["tool_library"] = SimpleLazyObject(
            lambda: ToolLibraryPage.objects.child_of(self).live().public().first()
        )
        context["concern_page"] = SimpleLazyObject(
            lambda: ConcernPage.objects.child_of(self).live().public().first()
        )
        return context

    def areas_with_levels(self) -> list:
        areas = list(ServiceAreaGuidePage.objects.child_of(self).live().public().defer_streamfields())
        levels = GuideLevelPage.objects.descendant_of(self).live().public().order_by("level")
        levels_by_area = defaultdict(list)
        for level in levels:
            level.step_links = [
                (number, step.get("title", ""), step_anchor(number))
                for number, step in enumerate(raw_steps(level), start=1)
            ]
            levels_by_area[level.path[: -level.steplen]].append(level)
        for area in areas:
            area.levels = levels_by_area[area.path]
        return areas


class ServiceAreaGuidePage(GuidePage):
    """One service's guide (barnehage, skole, helsestasjon …) with its four level pages."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innhold"))

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body"), GuidePage.responsible_panel]

    parent_page_types = ["guide.GuideIndexPage"]
    subpage_types = ["guide.GuideLevelPage"]
    template = "pages/guide/service_area_guide_page.html"

    class Meta:
        verbose_name = _("handlingsveileder for et tjenesteområde")
        verbose_name_plural = _("handlingsveiledere for tjenesteområder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["levels"] = SimpleLazyObject(self.levels_with_steps)  # lazy: see GuideIndexPage
        return context

    def levels_with_steps(self) -> list:
        levels = list(GuideLevelPage.objects.child_of(self).live().public().order_by("level"))
        for level in levels:
            level.step_links = [
                (number, step.get("title", ""), step_anchor(number))
                for number, step in enumerate(raw_steps(level), start=1)
            ]
        return levels


@dataclass
class StepLink:
    text: str
    url: str


class GuideLevelPage(GuidePage):
    """One level (nivå 0–3) of a service area's guide: numbered steps with Hva, Hvordan, Hvem, Verktøy."""

    level = models.PositiveSmallIntegerField(_("nivå"), choices=LEVEL_CHOICES)
    steps = StreamField(StepsBlock(), blank=True, verbose_name=_("steg"))

    search_fields = [*BasePage.search_fields, index.SearchField("steps")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("level"),
        FieldPanel("steps"),
        GuidePage.responsible_panel,
    ]

    parent_page_types = ["guide.ServiceAreaGuidePage"]
    subpage_types = []
    template = "pages/guide/guide_level_page.html"
    # A level that names no one is the service area's responsibility (LevelContent.responsible;
    # the freshness report in home/editorial says the same).
    responsible_inherited_from = "guide.ServiceAreaGuidePage"

    class Meta:
        verbose_name = _("nivåside")
        verbose_name_plural = _("nivåsider")

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is None:
            return
        siblings = GuideLevelPage.objects.child_of(parent).filter(level=self.level).exclude(pk=self.pk)
        if siblings.exists():
            raise ValidationError(
                {"level": _("Dette tjenesteområdet har allerede en side for dette nivået.")}
            )

    @property
    def level_description(self):
        return LEVEL_DESCRIPTIONS.get(self.level, "")

    PRINT_PATH = "utskrift"  # <level>/utskrift/<n>/: step n alone, for paper
    own_sub_paths = frozenset({PRINT_PATH})  # home/routing.py: routed by route() below

    def route(self, request, path_components):
        if (
            len(path_components) == 2
            and path_components[0] == self.PRINT_PATH
            and path_components[1].isdigit()
        ):
            from wagtail.url_routing import RouteResult

            if not self.live:
                raise Http404
            return RouteResult(self, kwargs={"print_step": int(path_components[1])})
        return super().route(request, path_components)

    def serve(self, request, *args, print_step=None, **kwargs):
        if print_step is None:
            return super().serve(request, *args, **kwargs)
        item = next(
            (item for item in LevelContent(self, request).steps if item.get("number") == print_step), None
        )
        if item is None:
            raise Http404
        context = self.get_context(request)
        context.update(
            item=item,
            step=item["block"].value,
            print_view=True,
            today=date_format(timezone.localdate(), "DATE_FORMAT"),
            step_url=request.build_absolute_uri(f"{self.get_url(request)}#{item['anchor']}"),
        )
        return TemplateResponse(request, "pages/guide/guide_step_print.html", context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        content = LevelContent(self, request)
        # Lazy: evaluated only when the content is rendered, not when it comes from the fragment
        # cache in the template (its key changes with the page and the cache generation).
        context.update(
            {
                "siblings": SimpleLazyObject(lambda: content.siblings),
                "guide_steps": SimpleLazyObject(lambda: content.steps),
                "responsible": SimpleLazyObject(lambda: content.responsible),
            }
        )
        return context


class LevelContent:
    """What a level page shows besides its own fields: the level navigation, the numbered steps
    with their "veien videre" links, and who answers for the content."""

    def __init__(self, page, request):
        self.page = page
        self.request = request

    @cached_property
    def siblings(self) -> list:
        return list(
            GuideLevelPage.objects.sibling_of(self.page, inclusive=True)
            .live()
            .public()
            .defer_streamfields()
            .order_by("level")
        )

    @cached_property
    def steps(self) -> list[dict]:
        page = self.page
        level_urls = {sibling.level: sibling.get_url(self.request) for sibling in self.siblings}
        level_urls[page.level] = ""  # links within this page stay on it (and in print)
        steps, number = [], 0
        for block in page.steps:
            if block.block_type != "step":
                steps.append({"block": block})
                continue
            number += 1
            next_links = []
            for link in block.value["next_steps"]:
                target_level = int(link["level"]) if link["level"] not in (None, "") else page.level
                if target_level not in level_urls:
                    continue  # that level has no page (yet) in this area
                target_url = level_urls[target_level]
                if link["step"]:
                    target_url = f"{target_url}#{step_anchor(link['step'])}"
                elif not target_url:
                    continue  # "this page, no step" goes nowhere
                next_links.append(StepLink(link["text"], target_url))
            steps.append(
                {"block": block, "number": number, "anchor": step_anchor(number), "next_links": next_links}
            )
        return steps

    @cached_property
    def responsible(self):
        responsible = self.page.get_responsible()
        if responsible is None:  # the service area answers for levels that name no one
            area = ServiceAreaGuidePage.objects.ancestor_of(self.page).defer_streamfields().first()
            responsible = area.get_responsible() if area else None
        return responsible


class ToolLibraryPage(GuidePage):
    """Every tool and form, filterable by level and service area with plain GET parameters."""

    parent_page_types = ["guide.GuideIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/guide/tool_library_page.html"

    content_panels = [*BasePage.content_panels, GuidePage.responsible_panel]

    class Meta:
        verbose_name = _("verktøybibliotek")
        verbose_name_plural = _("verktøybibliotek")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent_path = self.path[: -self.steplen]
        areas = list(
            ServiceAreaGuidePage.objects.live()
            .public()
            .filter(path__startswith=parent_path, depth=self.depth)
            .defer_streamfields()
            .order_by("path")
        )
        area_by_path = {area.path: area for area in areas}
        levels = (
            GuideLevelPage.objects.live().public().filter(path__startswith=parent_path, depth=self.depth + 1)
        )

        # tool id -> [(area, level page, step number, step title)]
        usage = defaultdict(list)
        for level in levels:
            area = area_by_path.get(level.path[: -level.steplen])
            if area is None:
                continue
            level_url = level.get_url(request)
            for number, step in enumerate(raw_steps(level), start=1):
                for tool_id in raw_items(step.get("tools")):
                    usage[tool_id].append(
                        {
                            "area": area,
                            "level": level.level,
                            "number": number,
                            "title": step.get("title", ""),
                            "url": f"{level_url}#{step_anchor(number)}",
                        }
                    )

        selected_level = request.GET.get("niva", "")
        if selected_level not in {str(number) for number in LEVEL_NUMBERS}:
            selected_level = ""
        selected_area = request.GET.get("omrade", "")
        if selected_area not in {area.slug for area in areas}:
            selected_area = ""

        def matches(entry):
            return (not selected_level or entry["level"] == int(selected_level)) and (
                not selected_area or entry["area"].slug == selected_area
            )

        all_tools = list(
            Tool.objects.filter(locale_id=self.locale_id).select_related("document").order_by("title")
        )
        tools = []
        for tool in all_tools:
            entries = sorted(usage.get(tool.pk, []), key=lambda e: (e["area"].path, e["level"], e["number"]))
            if (selected_level or selected_area) and not any(matches(entry) for entry in entries):
                continue
            tool.usage = entries
            tools.append(tool)

        context.update(
            {
                "tools": tools,
                "tool_count": len(all_tools),
                "areas": areas,
                "level_choices": LEVEL_CHOICES,
                "selected_level": selected_level,
                "selected_area": selected_area,
                "is_filtered": bool(selected_level or selected_area),
            }
        )
        return context


class ConcernPage(GuidePage):
    """For citizens: "Er du bekymret for et barn?" The safety notice is part of the page type, always shown."""

    body = StreamField(ConcernBodyBlock(), blank=True, verbose_name=_("innhold"))
    child_welfare_phone = models.CharField(
        _("telefon til barneverntjenesten"),
        max_length=30,
        blank=True,
        help_text=_("Kommunens barneverntjeneste i åpningstiden."),
    )
    emergency_phone = models.CharField(
        _("telefon til barnevernvakten"),
        max_length=30,
        blank=True,
        help_text=_("Barnevernvakten utenom åpningstid."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("child_welfare_phone"), FieldPanel("emergency_phone")],
            _("Telefonnumre i sikkerhetsmeldingen"),
            help_text=_("Sikkerhetsmeldingen vises alltid øverst på siden, også med 112, 113 og 116 111."),
        ),
        FieldPanel("body"),
        GuidePage.responsible_panel,
    ]

    parent_page_types = ["home.HomePage", "guide.GuideIndexPage"]
    subpage_types = []
    template = "pages/guide/concern_page.html"

    class Meta:
        verbose_name = _("side for innbyggere som er bekymret for et barn")
        verbose_name_plural = _("sider for innbyggere som er bekymret for et barn")


class Tool(TranslatableMixin, models.Model):
    """A tool or form (samtykkeskjema, observasjonsskjema, møtemal …) that steps choose, never copy."""

    title = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), max_length=1000, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("fil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("I oversettelsen kan du velge en egen fil for språket."),
    )

    form = StreamField(
        ToolFormBlock(),
        blank=True,
        verbose_name=_("skjemaets innhold"),
        help_text=_(
            "Overskrifter, avsnitt, felt, avkrysning og underskrifter. Portalen lager en Word-fil og en "
            "PDF av dette, på språket til verktøyet. Står det tomt, brukes filen nedenfor."
        ),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("form"), FieldPanel("document")]

    # The file is shared by default; a translation may override it with a file in its own language.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("form"),
        SynchronizedField("document", overridable=True),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("verktøy")
        verbose_name_plural = _("verktøy")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @cached_property
    def generated_files(self) -> list:
        """The Word and PDF files made from the form (empty when the tool has no form)."""
        from guide.tool_documents import generated_files

        return generated_files(self)
