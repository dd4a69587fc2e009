"""allauth adapters, the login form and the authentication backend.

- PortalLoginForm: the login field is labelled with what it takes ("Brukernavn eller e-post"),
  not allauth's generic "Logg inn", and the page's own "Glemt passordet?" is the only reset link.
- PortalAccountAdapter: nobody signs up on the public site, and a password typed at the login
  moments ago counts as the fresh password allauth asks for before MFA changes (the first TOTP
  setup straight after the login no longer asks for it a second time).
- EvenCostAuthenticationBackend: a login by e-mail costs one password hash whether the address
  exists or not (allauth tried the same user twice for a known address, and Django's
  ModelBackend added a hash of its own: 3 against 2, which told an attacker which addresses
  have accounts). It is the only backend; it inherits Django's permission checks.
- PortalMFAAdapter: TOTP secrets and recovery-code seeds are encrypted in the database with
  Fernet (MFA_ENCRYPTION_KEYS, docs/security.md), so a database backup alone does not hold
  anyone's second factor.
"""

import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.forms import LoginForm
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

ENCRYPTED_PREFIX = "fernet:"


class PortalAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are created by administrators; nobody signs up on the public site."""

    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Not within REAUTHENTICATION_TIMEOUT of signing in: allauth counts only its own
        "confirm your password" step, so the editor sent from the login to the TOTP setup would
        type the password they had just typed. Later changes still ask for it."""
        if signed_in_within(self.request, account_settings.REAUTHENTICATION_TIMEOUT):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def signed_in_within(request, seconds: int) -> bool:
    """Whether this session's user proved a factor (password, TOTP) in the last `seconds`."""
    if request is None or not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    return bool(records) and time.time() - records[-1]["at"] < seconds


class PortalLoginForm(LoginForm):
    """allauth's login form, its login field labelled by the login methods in use.

    With one method allauth's label already names it ("Brukernavn", "E-post"); with several it
    says "Logg inn", the same as the page heading and the button, and puts the useful wording
    in a placeholder, which disappears as soon as one types. The wording becomes the label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        if len(settings.ACCOUNT_LOGIN_METHODS) > 1:
            login.label = self._get_login_field_placeholder()
            login.widget.attrs["autocomplete"] = "username"
        login.widget.attrs.pop("placeholder", None)
        if "password" in self.fields:
            # allauth's help text is a second reset link; the login page has its own.
            self.fields["password"].help_text = ""
            self.fields["password"].widget.attrs.pop("placeholder", None)


class EvenCostAuthenticationBackend(AuthenticationBackend):
    """allauth's backend, checking each candidate user's password at most once per attempt."""

    def authenticate(self, request, **credentials):
        self._checked_users = set()
        return super().authenticate(request, **credentials)

    def _check_password(self, user, password):
        if user is not None:
            checked = getattr(self, "_checked_users", set())
            if user.pk in checked:
                return None
            checked.add(user.pk)
        return super()._check_password(user, password)


def mfa_fernet() -> MultiFernet | None:
    """The keys from MFA_ENCRYPTION_KEYS (comma-separated, newest first), or None when unset."""
    keys = [key for key in getattr(settings, "MFA_ENCRYPTION_KEYS", []) if key]
    if not keys:
        return None
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEYS must be Fernet keys (python -c 'from cryptography.fernet import "
            "Fernet; print(Fernet.generate_key().decode())')"
        ) from error


class PortalMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        fernet = mfa_fernet()
        if fernet is None or text.startswith(ENCRYPTED_PREFIX):
            return text
        return ENCRYPTED_PREFIX + fernet.encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(ENCRYPTED_PREFIX):
            return encrypted_text  # written before encryption was switched on: encrypt_mfa_secrets
        fernet = mfa_fernet()
        if fernet is None:
            raise ImproperlyConfigured("MFA secrets are encrypted but MFA_ENCRYPTION_KEYS is not set.")
        try:
            return fernet.decrypt(encrypted_text[len(ENCRYPTED_PREFIX) :].encode()).decode()
        except InvalidToken as error:
            raise ImproperlyConfigured("No key in MFA_ENCRYPTION_KEYS opens this MFA secret.") from error

    def reencrypt(self, encrypted_text: str) -> str:
        """The value under the newest key (rotation), or encrypted for the first time."""
        fernet = mfa_fernet()
        if fernet is None:
            return encrypted_text
        if not encrypted_text.startswith(ENCRYPTED_PREFIX):
            return self.encrypt(encrypted_text)
        return ENCRYPTED_PREFIX + fernet.rotate(encrypted_text[len(ENCRYPTED_PREFIX) :].encode()).decode()
