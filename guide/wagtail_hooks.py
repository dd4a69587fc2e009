"""The guide's admin: the tools snippet. Its pages are in the editors' freshness report (home/editorial)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Tool


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "doc-full"
    menu_label = _("Verktøy")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "document", "locale"]
    search_fields = ["title", "description"]


register_snippet(ToolViewSet)
