"""Admin URL that replaces wagtail-localize's machine-translate view with `views.machine_translate`.

Imported from `home/wagtail_hooks.py`. The home app comes before wagtail_localize in
INSTALLED_APPS and the hook has a lower order, so this pattern is found first; wagtail-localize's
`reverse("wagtail_localize:machine_translate")` gives the same path."""

from django.urls import path

from wagtail import hooks

from .views import machine_translate

MACHINE_TRANSLATE_PATH = "localize/translate/<int:translation_id>/machine_translate/"


@hooks.register("register_admin_urls", order=-10)
def register_machine_translate_url():
    return [path(MACHINE_TRANSLATE_PATH, machine_translate, name="apertium_machine_translate")]
