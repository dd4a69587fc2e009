"""System checks for what would run, but wrongly: registered for `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, register

SHARED_CACHE_BACKENDS = ("django_redis.", "django.core.cache.backends.redis.")


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Several app processes must share one cache: the cache generation lives there, and with a
    per-process cache a publish purges only the process that handled it, so visitors reaching
    the others see old pages until they restart."""
    if not getattr(settings, "SHARED_CACHE_REQUIRED", False):
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.startswith(SHARED_CACHE_BACKENDS):
        return []
    return [
        Error(
            f"The production profile has no shared cache (CACHES['default'] is {backend}): each app "
            "process would keep its own cache generation, and anonymous visitors on the other "
            "processes would see old pages after every publish.",
            hint="Set REDIS_URL (docs/configuration.md). For a single-process install only, set "
            "PORTAL_SINGLE_PROCESS=1.",
            id="portal.E001",
        )
    ]


@register(Tags.security, deploy=True)
def mfa_secrets_encrypted(app_configs, **kwargs):
    """Second factors are encrypted at rest (home/accounts.py): without keys a database backup
    alone would hold every editor's and coordinator's TOTP secret."""
    if not getattr(settings, "MFA_ENCRYPTION_REQUIRED", False) or settings.MFA_ENCRYPTION_KEYS:
        return []
    return [
        Error(
            "MFA_ENCRYPTION_KEYS is not set: TOTP secrets and recovery seeds would be stored in "
            "plain text, readable from any database backup.",
            hint="Set MFA_ENCRYPTION_KEYS to a Fernet key, then run manage.py encrypt_mfa_secrets "
            "(docs/security.md).",
            id="portal.E002",
        )
    ]
