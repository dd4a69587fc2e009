from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .access import is_coordinator
from .admin_views import FormPagesWithLanguageView
from .models import Meeting, MeetingPlanPage, Person, ReportFormPage, ServiceUnit


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personer")
    list_display = ["name", "title", "department", "phone", "email"]
    list_filter = ["locale"]
    search_fields = ["name", "title"]


class ServiceUnitViewSet(SnippetViewSet):
    model = ServiceUnit
    icon = "home"
    menu_label = _("Tjenestesteder")
    list_display = ["name", "unit_type", "is_pilot", "leader"]
    list_filter = ["unit_type", "is_pilot", "locale"]
    search_fields = ["name"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (PersonViewSet, ServiceUnitViewSet)
    menu_icon = "group"
    menu_label = _("Nettverk")
    menu_name = "network"
    menu_order = 300


register_snippet(NetworkViewSetGroup)


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Møter")
    list_display = ["__str__", "group", "starts_at", "place"]
    list_filter = ["locale"]
    ordering = ["-starts_at"]


register_snippet(MeetingViewSet)


@hooks.register("before_serve_page", order=-10)
def serve_calendar_feed_without_session(page, request, serve_args, serve_kwargs):
    """Calendar apps fetch feeds without a browser session, so the feed route of the meeting plan
    is answered before Wagtail's login check; the secret token in the URL is the credential
    (`MeetingPlanPage.calendar_feed` checks it and that its owner is still a member)."""
    if not isinstance(page, MeetingPlanPage) or len(serve_args) != 3:
        return None
    view, view_args, view_kwargs = serve_args
    if getattr(view, "__name__", "") != "calendar_feed":
        return None
    return view(request, *view_args, **view_kwargs)


@hooks.register("register_admin_urls", order=-1)
def forms_list_with_language():
    """Admin → Skjema (/admin/forms/) with a language column. Registered before Wagtail's own
    forms URLs, so these two addresses reach this view; the submission views stay Wagtail's."""
    return [
        path("forms/", FormPagesWithLanguageView.as_view(), name="network_forms_index"),
        path(
            "forms/results/",
            FormPagesWithLanguageView.as_view(results_only=True),
            name="network_forms_index_results",
        ),
    ]


@hooks.register("construct_main_menu")
def coordinators_answer_overviews(request, menu_items):
    """Coordinators follow up from the portal's own overview of each form (who has answered, who
    is missing, the exports), not from the admin's list of raw submissions. Built per request:
    only coordinators see it, and it lists the forms there are now."""
    if not is_coordinator(request.user):
        return
    forms = ReportFormPage.objects.live().filter(locale=Locale.get_default()).order_by("-deadline")
    items = [
        MenuItem(
            page.title, page.subpage_url("dashboard"), name=f"answer-overview-{page.pk}", icon_name="form"
        )
        for page in forms
    ]
    if items:
        menu_items.append(
            SubmenuMenuItem(
                _("Svaroversikt"), Menu(items=items), name="answer-overviews", icon_name="tasks", order=690
            )
        )
