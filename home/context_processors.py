from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from . import chrome, memo


def site_profile(request):
    return {
        "site_profile": SimpleLazyObject(lambda: chrome.site_profile(get_language())),
        # Part of every page-content fragment key ({% page_content_cache %}): any publish or edit
        # moves it, so a fragment is never older than what it shows.
        "cache_generation": memo.request_generation(),
    }
