from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from .models import SiteProfile


def get_site_profile(language_code: str):
    """The profile in the active language, falling back to any profile (the source language)."""
    profiles = SiteProfile.objects.select_related("logo", "locale").order_by("id")
    return profiles.filter(locale__language_code=language_code).first() or profiles.first()


def site_profile(request):
    return {"site_profile": SimpleLazyObject(lambda: get_site_profile(get_language()))}
