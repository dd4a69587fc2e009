"""Report and evaluation forms on the intranet: one answer per service unit, with a deadline, a
dashboard and an export for the coordinators."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage

from ..access import IntranetPageMixin, coordinator_gate, is_coordinator
from ..exports import csv_response, xlsx_response
from ..forms import AnswerLengthFormMixin, NationalIdFormMixin
from .people import ServiceUnit


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


class ReportFormPage(IntranetPageMixin, RoutablePageMixin, AbstractEmailForm, BasePage):
    """A report or evaluation form with a deadline. One answer per service unit, which the unit's
    agents can see and correct until the deadline; after the deadline it is locked."""

    PILOTS = "pilots"
    ALL_UNITS = "all"
    AUDIENCE_CHOICES = [(PILOTS, _("Pilotene")), (ALL_UNITS, _("Alle tjenestesteder"))]
    # The admin's own CSV/XLSX export of the answers, neutralised as the coordinators' export is.
    SUBMISSIONS_LIST_VIEW = "network.admin_views.SafeSubmissionsListView"

    # BasePage's column, without its help text about search and sharing (a closed form is in
    # neither); the definition is the one migration 0003 created, so the table stays as it is.
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

    def get_submissions_list_view_class(self):
        return import_string(self.SUBMISSIONS_LIST_VIEW)

    def get_submission_class(self):
        return ReportSubmission

    def get_form_class(self):
        return type("ReportForm", (NationalIdFormMixin, AnswerLengthFormMixin, super().get_form_class()), {})

    def expected_units(self):
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
            dashboard_url=self.subpage_url("dashboard"),
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def subpage_url(self, name):
        """The address of one of the page's routes (`{% routablepageurl %}` without the tag library)."""
        return self.url + self.reverse_subpage(name)

    def dashboard_rows(self):
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
        if refusal := coordinator_gate(request):
            return refusal
        rows = self.dashboard_rows()
        context = self.get_context(request)
        context.update(
            rows=rows,
            submitted_count=sum(1 for row in rows if row["submission"]),
            missing_count=sum(1 for row in rows if not row["submission"]),
            export_csv_url=self.subpage_url("export_csv"),
            export_xlsx_url=self.subpage_url("export_xlsx"),
        )
        return TemplateResponse(request, "pages/network/report_dashboard.html", context)

    @path("eksport/csv/", name="export_csv")
    def export_csv(self, request):
        if refusal := coordinator_gate(request):
            return refusal
        return csv_response(self)

    @path("eksport/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        if refusal := coordinator_gate(request):
            return refusal
        return xlsx_response(self)
