from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Nettsted")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing these modules connects their signal receivers (the sign-in log, the
        # page-cache purge) and registers the deploy checks.
        from . import cache, checks, security  # noqa: F401
        from .editorial import permissions, signals  # noqa: F401 - page permission policy, workflow assignment
