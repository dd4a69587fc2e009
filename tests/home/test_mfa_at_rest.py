"""TOTP secrets and recovery seeds are encrypted in the database (home/accounts.py), rotation and
the encrypt_mfa_secrets command; backups are written 0600 (portal/settings/base.py)."""

from django.core.management import call_command

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from cryptography.fernet import Fernet

pytestmark = pytest.mark.django_db


@pytest.fixture
def key(settings):
    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    return settings.MFA_ENCRYPTION_KEYS[0]


def test_a_new_totp_secret_is_not_stored_in_the_clear(key, make_user):
    user = make_user("mfa-rest")
    secret = "JBSWY3DPEHPK3PXP"
    TOTP.activate(user, secret)
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert secret not in stored
    assert stored.startswith("fernet:")
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    import time

    from allauth.mfa.totp.internal.auth import hotp_value

    code = hotp_value(secret, int(time.time()) // 30)
    assert TOTP(authenticator).validate_code(f"{code:06d}")


def test_recovery_seeds_are_encrypted(key, make_user):
    user = make_user("mfa-codes")
    codes = RecoveryCodes.activate(user)
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).data["seed"]
    assert stored.startswith("fernet:")
    assert len(codes.get_unused_codes()) == 10


def test_old_rows_are_encrypted_and_keys_rotated_by_the_command(settings, make_user):
    user = make_user("mfa-old")
    secret = "JBSWY3DPEHPK3PXP"
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": secret})
    old = Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [old]
    call_command("encrypt_mfa_secrets")
    first = Authenticator.objects.get(user=user).data["secret"]
    assert first.startswith("fernet:")
    new = Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [new, old]
    call_command("encrypt_mfa_secrets")
    rotated = Authenticator.objects.get(user=user).data["secret"]
    settings.MFA_ENCRYPTION_KEYS = [new]
    from home.accounts import PortalMFAAdapter

    assert rotated != first
    assert PortalMFAAdapter().decrypt(rotated) == secret


def test_backups_are_readable_by_the_owner_only(settings):
    options = settings.STORAGES["dbbackup"]["OPTIONS"]
    assert options["file_permissions_mode"] == 0o600
    assert options["directory_permissions_mode"] == 0o700
