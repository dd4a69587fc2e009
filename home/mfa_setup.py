"""First-time two-factor setup as one path to where the editor was going.

An editor without TOTP who opens /admin/ is sent to the TOTP setup with `next` (home/security.py).
allauth's views forget it: the setup form posts to its bare URL and succeeds to the recovery
codes, which have no way on. These subclasses carry `next` from the setup to the recovery codes,
whose page ends in a "Fortsett" button to it. `next` is read with allauth's own check
(get_next_redirect_url: url_has_allowed_host_and_scheme against this host), so an address
elsewhere is dropped, never followed."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import resolve_url

from allauth.account.utils import get_next_redirect_url
from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView


def with_next(url: str, request) -> str:
    next_url = get_next_redirect_url(request)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class ActivateTOTPKeepingNext(ActivateTOTPView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["next_url"] = get_next_redirect_url(self.request) or ""
        return context

    def get_success_url(self) -> str:
        return with_next(super().get_success_url(), self.request)


class RecoveryCodesWithWayOn(ViewRecoveryCodesView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["continue_url"] = get_next_redirect_url(self.request) or resolve_url(
            settings.LOGIN_REDIRECT_URL
        )
        return context


activate_totp = ActivateTOTPKeepingNext.as_view()
view_recovery_codes = RecoveryCodesWithWayOn.as_view()
