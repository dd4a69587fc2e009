"""Admin views: the translation status report (with «Lag nynorskutkast» and «Send til godkjenning»)
and the freshness report."""

import io

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import get_current_timezone, is_naive, make_aware
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation

from home.groups import group_names
from home.management.commands.draft_nynorsk import Command as DraftNynorskCommand

from . import freshness, translation_status
from .workflow import NotAPageTranslation, submit_translation_for_approval, submittable_pages

REPORT_GROUPS = ("Redaktører", "Koordinatorer")
STATUS_FILTERS = [
    ("", gettext_lazy("Alle")),
    ("todo", gettext_lazy("Trenger arbeid")),
    *translation_status.STATUS_LABELS.items(),
]


def can_see_reports(user) -> bool:
    return user.is_superuser or bool(group_names(user) & set(REPORT_GROUPS))


def machine_drafts_available() -> bool:
    return get_machine_translator() is not None


class ReportMixin(WagtailAdminTemplateMixin):
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TranslationStatusView(ReportMixin, TemplateView):
    template_name = "editorial/translation_status.html"
    page_title = gettext_lazy("Oversettelsesstatus")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        section = self.request.GET.get("seksjon", "")
        rows, sections = translation_status.collect()
        if section not in {s["key"] for s in sections}:
            section = ""
        else:
            rows, _sections = translation_status.collect(section)
        status = self.request.GET.get("status", "")
        if status not in dict(STATUS_FILTERS):
            status = ""
        counts = translation_status.summary(rows)
        if status == "todo":
            rows = [row for row in rows if row.status not in (translation_status.COMPLETE,)]
        elif status:
            rows = [row for row in rows if row.status == status]
        context.update(
            rows=rows,
            sections=sections,
            section=section,
            status=status,
            status_filters=STATUS_FILTERS,
            counts=counts,
            status_labels=translation_status.STATUS_LABELS,
            machine_drafts=machine_drafts_available(),
            can_submit_translation=self.request.user.has_perm("wagtail_localize.submit_translation"),
            submittable=submittable_pages(row.target_id for row in rows if row.is_page and row.target_id),
        )
        return context


class FreshnessView(ReportMixin, TemplateView):
    template_name = "editorial/freshness.html"
    page_title = gettext_lazy("Sider som bør gjennomgås")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = self.request.GET.get("mine") == "1"
        rows = freshness.overdue_pages(user=self.request.user if mine else None)
        names = freshness.responsible_user_names(rows)
        for row in rows:
            row.editors = ", ".join(sorted(names[pk] for pk in row.responsible_users if pk in names))
        context.update(rows=rows, mine=mine, cutoff=freshness.cutoff())
        return context


def back_to_report(request):
    """Back where the editor came from (the report or the translation editor), but only ever to
    this portal: a posted `next` to another host would be an open redirect."""
    target = request.POST.get("next")
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("editorial_translation_status")
    return redirect(target)


class SelectedDraft(DraftNynorskCommand):
    """draft_nynorsk for the selected objects only."""

    def __init__(self, selected, **kwargs):
        super().__init__(stdout=io.StringIO(), **kwargs)
        self.selected = selected

    def objects(self, source_locale):
        return [instance for instance in self.selected if instance.locale_id == source_locale.pk]


def selected_instances(keys) -> list:
    """Instances for "page:<id>" and "snippet:<app>.<model>:<pk>" keys (unknown keys are ignored)."""
    instances = []
    page_ids = [int(key[5:]) for key in keys if key.startswith("page:") and key[5:].isdigit()]
    instances += list(Page.objects.filter(pk__in=page_ids).order_by("path").specific())
    for key in keys:
        if not key.startswith("snippet:"):
            continue
        try:
            _prefix, label, pk = key.split(":", 2)
            model = apps.get_model(label)
        except (ValueError, LookupError):
            continue
        if model in translation_status.translatable_snippet_models():
            instance = model.objects.filter(pk=pk).first()
            if instance is not None:
                instances.insert(0, instance)  # snippets before the pages that use them
    return instances


@require_POST
def draft_nynorsk(request):
    if not can_see_reports(request.user) or not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    if not machine_drafts_available():
        raise Http404
    instances = selected_instances(request.POST.getlist("selected"))
    if not instances:
        messages.warning(request, _("Velg minst én side eller snippet først."))
        return back_to_report(request)
    command = SelectedDraft(instances)
    try:
        command.handle(apply=True, source="nb", target="nn")
    except CommandError as error:
        messages.error(request, _("Apertium kunne ikke lage utkast: %(error)s") % {"error": error})
        return back_to_report(request)
    messages.success(
        request,
        ngettext(
            "Nynorskutkast laget for %(count)s valgt element. Ingenting er publisert: les gjennom og send til godkjenning.",
            "Nynorskutkast laget for %(count)s valgte elementer. Ingenting er publisert: les gjennom og send til godkjenning.",
            len(instances),
        )
        % {"count": len(instances)},
    )
    return back_to_report(request)


@require_POST
def submit_translation(request, page_id):
    """Send the translated page `page_id` (a target) to approval as a draft revision."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_see_reports(request.user) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale, enabled=True
    ).first()
    if translation is None:
        raise Http404
    go_live_at = parse_datetime(request.POST.get("go_live_at", "") or "")
    if go_live_at is not None and is_naive(go_live_at):
        go_live_at = make_aware(go_live_at, get_current_timezone())
    try:
        page, state = submit_translation_for_approval(translation, request.user, go_live_at=go_live_at)
    except NotAPageTranslation as error:
        raise Http404 from error
    except ValidationError as error:
        # The translation as it stands is not a valid page (a slug taken by a sibling, a required
        # field left empty): say what to fix in the translation editor instead of failing.
        problems = "; ".join(
            f"{field}: {' '.join(texts)}" if field != NON_FIELD_ERRORS else " ".join(texts)
            for field, texts in error.message_dict.items()
        )
        messages.error(
            request,
            _("«%(title)s» ble ikke sendt til godkjenning. Rett dette i oversettelsen først: %(problems)s")
            % {"title": page.get_admin_display_title(), "problems": problems},
        )
        return back_to_report(request)
    if state is None:
        messages.success(
            request, _("Utkastet til «%(title)s» er lagret.") % {"title": page.get_admin_display_title()}
        )
    else:
        messages.success(
            request,
            _("«%(title)s» (%(language)s) er sendt til godkjenning.")
            % {
                "title": page.get_admin_display_title(),
                "language": Locale.objects.get(pk=page.locale_id).get_display_name(),
            },
        )
    return back_to_report(request)
