"""Account security the settings alone cannot express: MFA for editors and coordinators,
a shorter idle timeout in the admin, a log of sign-ins and failed sign-ins (with the client's
address as allauth's rate limits see it, behind the proxy too), Cross-Origin-Resource-Policy on
every response and a content security policy for the Wagtail admin (docs/security.md)."""

import logging
import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from allauth.mfa.utils import is_mfa_enabled
from csp.utils import build_policy

from .groups import group_names

security_log = logging.getLogger("portal.security")
ADMIN_LAST_SEEN = "admin_last_seen"


def must_use_mfa(user) -> bool:
    if not user.is_authenticated:
        return False
    required = set(getattr(settings, "MFA_REQUIRED_FOR_GROUPS", []))
    return bool(required & group_names(user)) and not is_mfa_enabled(user)


def mfa_setup_redirect(request):
    messages.warning(
        request,
        _(
            "Du må slå på tofaktorautentisering før du kan fortsette. Det tar et par minutter med en autentiseringsapp."
        ),
    )
    return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")


def mfa_required(view):
    """For coordinator views outside /admin/: members of the MFA groups must have it switched on."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if must_use_mfa(request.user):
            return mfa_setup_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


class SecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.path.startswith("/admin/"):
            now = time.time()
            last_seen = request.session.get(ADMIN_LAST_SEEN)
            if last_seen and now - last_seen > settings.ADMIN_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, _("Du ble logget ut av redigeringen etter en periode uten aktivitet."))
                return redirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")
            request.session[ADMIN_LAST_SEEN] = now
        prefixes = tuple(getattr(settings, "MFA_REQUIRED_PATH_PREFIXES", ()))
        if prefixes and request.path.startswith(prefixes) and must_use_mfa(request.user):
            return add_policy_headers(request, mfa_setup_redirect(request))
        return add_policy_headers(request, self.get_response(request))


def admin_policy() -> str:
    config = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None)
    return build_policy(config=config.get("DIRECTIVES", {})) if config else ""


def add_policy_headers(request, response):
    corp = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "")
    if corp:
        response.headers.setdefault("Cross-Origin-Resource-Policy", corp)
    if request.path.startswith("/admin/") and "Content-Security-Policy" not in response:
        policy = admin_policy()
        if policy:
            response["Content-Security-Policy"] = policy
    return response


def client_ip(request) -> str:
    """The address allauth's rate limits count (ALLAUTH_TRUSTED_PROXY_COUNT), for the log."""
    if not request:
        return ""
    from allauth.core.internal.httpkit import get_client_ip

    try:
        return get_client_ip(request) or ""
    except ImproperlyConfigured:
        return request.META.get("REMOTE_ADDR", "")


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    security_log.info("login user=%s ip=%s", user.get_username(), client_ip(request))


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        security_log.info("logout user=%s ip=%s", user.get_username(), client_ip(request))


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    attempted = credentials.get("username") or credentials.get("email") or credentials.get("login") or "?"
    security_log.warning("login failed user=%s ip=%s", attempted, client_ip(request))
