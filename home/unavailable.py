"""The polite 503: "try again in a moment", in the visitor's language.

Used where the portal must fail closed rather than open: a login while the shared cache (and with
it allauth's rate limits) cannot be reached, and a session that could not be saved because the
database connection dropped (home/sessions.py)."""

import logging

from django.shortcuts import render

from . import cache as page_cache

logger = logging.getLogger("portal.security")

# allauth views whose POSTs are rate limited (login attempts, codes, password resets): refused
# while the rate-limit counters cannot be read, instead of letting every attempt through.
RATE_LIMITED_VIEWS = {
    "account_login",
    "account_reauthenticate",
    "account_reset_password",
    "account_reset_password_from_key",
    "account_change_password",
    "account_request_login_code",
    "account_confirm_login_code",
    "mfa_authenticate",
    "mfa_reauthenticate",
}
RETRY_AFTER_SECONDS = 30


def unavailable(request, reason: str = ""):
    response = render(request, "503.html", {"reason": reason}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class LoginNeedsCacheMiddleware:
    """Login limits fail closed: with the shared cache unreachable, a sign-in POST is answered
    with 503 and never reaches allauth (whose limit would otherwise count nothing)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in RATE_LIMITED_VIEWS:
            return None
        if page_cache.store_is_reachable():
            return None
        logger.warning("login refused: rate-limit store unreachable view=%s", match.url_name)
        return unavailable(request, reason="rate-limit")
