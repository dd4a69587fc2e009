"""Encrypt the MFA secrets written before MFA_ENCRYPTION_KEYS was set, and move every encrypted
one to the newest key after a rotation (docs/security.md). Safe to run again."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from allauth.mfa.models import Authenticator

from home.accounts import PortalMFAAdapter, mfa_fernet

FIELDS = {Authenticator.Type.TOTP: "secret", Authenticator.Type.RECOVERY_CODES: "seed"}


class Command(BaseCommand):
    help = (
        "Krypterer TOTP-hemmeligheter og gjenopprettingskoder med den nyeste nøkkelen i MFA_ENCRYPTION_KEYS."
    )

    def handle(self, *args, **options):
        if mfa_fernet() is None:
            raise CommandError("MFA_ENCRYPTION_KEYS er ikke satt.")
        adapter = PortalMFAAdapter()
        changed = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().filter(type__in=FIELDS):
                field = FIELDS[authenticator.type]
                value = authenticator.data.get(field)
                if not value:
                    continue
                new = adapter.reencrypt(value)
                if new != value:
                    authenticator.data[field] = new
                    authenticator.save(update_fields=["data"])
                    changed += 1
        self.stdout.write(f"{changed} MFA-hemmeligheter kryptert med den nyeste nøkkelen.")
