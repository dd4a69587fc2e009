"""wagtail-localize's "Translate with …" button, with messages that say what Apertium did.

wagtail-localize's own view reports success whatever the translator returned and would fail
with a server error if a translator raised. This view calls the same `apply_machine_translation`
(with the slug made from the translated title: slugs.py) and then reports Apertium's error, or lists the words it did not know, on the translation screen."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator

from .slugs import machine_translate as translate_with_slug

SHOWN_WORDS = 40


def report(request, translator, translated: bool) -> None:
    error = getattr(translator, "error", None)
    if error is not None:
        messages.error(request, str(error))
        return
    if translated:
        messages.success(
            request,
            _("Oversatt med %(name)s. Teksten er et maskinutkast som må leses og rettes før du publiserer.")
            % {"name": translator.display_name},
        )
    else:
        messages.warning(request, _("Det er ikke noe mer å oversette."))
    words = list(getattr(translator, "unknown_words", []))
    if words:
        shown = ", ".join(words[:SHOWN_WORDS])
        if len(words) > SHOWN_WORDS:
            hidden = len(words) - SHOWN_WORDS
            shown += " " + ngettext("og %(count)s ord til", "og %(count)s ord til", hidden) % {
                "count": hidden
            }
        messages.warning(
            request,
            ngettext(
                "Apertium kjente ikke igjen dette ordet. Det står uendret i utkastet, sjekk det: %(words)s",
                "Apertium kjente ikke igjen disse %(count)s ordene. De står uendret i utkastet, sjekk dem: %(words)s",
                len(words),
            )
            % {"count": len(words), "words": shown},
        )
    rejected = getattr(translator, "rejected", 0)
    if rejected:
        messages.warning(
            request,
            ngettext(
                "%(count)s tekst kunne ikke maskinoversettes og må oversettes for hånd.",
                "%(count)s tekster kunne ikke maskinoversettes og må oversettes for hånd.",
                rejected,
            )
            % {"count": rejected},
        )


@require_POST
def machine_translate(request, translation_id):
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    translated = translate_with_slug(translation_id, request.user, translator)
    report(request, translator, translated)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
