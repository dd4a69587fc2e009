"""The wagtail-localize machine translator (`WAGTAILLOCALIZE_MACHINE_TRANSLATOR`) backed by Apertium."""

import logging

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from .apertium import Apertium, ApertiumError

logger = logging.getLogger(__name__)


class ApertiumTranslator(BaseMachineTranslator):
    """Bokmål ⇄ Nynorsk with Apertium.

    wagtail-localize makes a new instance for every request, so an instance can remember what
    happened during its `translate()` call: `error` (an ApertiumError, whose text is meant for
    editors), `unknown_words` (words Apertium flagged; removed from the draft, to be checked by a
    person) and `rejected` (strings whose translation was not valid inline HTML and were left
    untranslated). `translate()` never raises, so the rest of the editor keeps working when
    Apertium is missing or fails; the view in `views.py` turns these into messages."""

    display_name = "Apertium"

    def __init__(self, options):
        super().__init__(options)
        self.engine = Apertium.from_settings(options)
        self.error: ApertiumError | None = None
        self.unknown_words: list[str] = []
        self.rejected = 0

    def can_translate(self, source_locale, target_locale):
        return self.engine.mode_for(source_locale.language_code, target_locale.language_code) is not None

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        mode = self.engine.mode_for(source_locale.language_code, target_locale.language_code)
        if mode is None or not strings:
            return {}
        try:
            drafts = self.engine.translate(mode, [string.data for string in strings])
        except ApertiumError as error:
            logger.warning("Machine translation with Apertium failed: %s", error)
            self.error = error
            return {}
        translations = {}
        for string in strings:
            draft = drafts[string.data]
            try:
                translations[string] = StringValue.from_translated_html(draft.text)
            except ValueError:
                logger.warning("Apertium returned invalid inline HTML for %r: %r", string.data, draft.text)
                self.rejected += 1
                continue
            for word in draft.unknown:
                if word not in self.unknown_words:
                    self.unknown_words.append(word)
        return translations
