from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Meeting, MeetingPlanPage, Person, ServiceUnit


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
