"""wagtail-localize's «Oversett siden» screen, with the only possible target language ticked.

The portal has two languages, so a page or snippet can only ever be translated into the other
one; wagtail-localize still leaves its one checkbox empty and answers «Submit» with a form
error. The form ticks a lone choice as its initial value, and the two views that build the
form use it. `hooks.py` registers them at wagtail-localize's own paths, before its patterns."""

from django.urls import path

from wagtail_localize.views import submit_translations


class SubmitTranslationForm(submit_translations.SubmitTranslationForm):
    def __init__(self, instance, *args, **kwargs):
        super().__init__(instance, *args, **kwargs)
        targets = list(self.fields["locales"].queryset)
        if len(targets) == 1 and not self.initial.get("locales"):
            self.initial["locales"] = targets


class LoneLocaleMixin:
    def get_form(self):
        if self.request.method == "POST":
            return SubmitTranslationForm(self.object, self.request.POST)
        initial = super().get_form().initial  # keeps wagtail-localize's ?select_locale=
        return SubmitTranslationForm(self.object, initial=initial)


class SubmitPageTranslationView(LoneLocaleMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(LoneLocaleMixin, submit_translations.SubmitSnippetTranslationView):
    pass


def urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="portal_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
            name="portal_submit_snippet_translation",
        ),
    ]
