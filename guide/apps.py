from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    name = "guide"
    verbose_name = _("Handlingsveileder")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import brochure  # noqa: F401 – connects the brochure's purge signals
