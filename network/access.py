"""Who may enter the intranet, and who may see the coordinators' pages.

Access is closed twice. The intranet root carries a Wagtail GROUPS view restriction (copied to
the Nynorsk tree), which also keeps every intranet page out of menus, search and the sitemap.
On top of that every intranet page type checks membership itself in `serve`
(`IntranetPageMixin`, fail closed): if an editor removes the restriction by mistake, or moves a
page, outsiders still get 403.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from home.groups import group_names
from home.security import mfa_setup_redirect, must_use_mfa

INTRANET_GROUPS = ("BTI-agenter", "Koordinatorer", "Redaktører")
COORDINATOR_GROUPS = ("Koordinatorer", "Redaktører")
INTRANET_COLLECTION = "Intranett"


def is_intranet_member(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or bool(group_names(user) & set(INTRANET_GROUPS)))
    )


def is_coordinator(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or bool(group_names(user) & set(COORDINATOR_GROUPS)))
    )


def coordinator_gate(request):
    """None when a coordinator may go on; else the MFA set-up redirect (403 for everyone else).
    Coordinator pages, like the admin, need two-factor authentication (home/security.py)."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    if must_use_mfa(request.user):
        return mfa_setup_redirect(request)
    return None


class IntranetPageMixin:
    """Every intranet page: members only, never cached, whatever the page tree says."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(settings.WAGTAIL_FRONTEND_LOGIN_URL))
        if not is_intranet_member(request.user):
            raise PermissionDenied
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_sitemap_urls(self, request=None):
        return []
