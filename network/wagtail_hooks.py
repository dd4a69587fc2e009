from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Person, ServiceUnit


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
