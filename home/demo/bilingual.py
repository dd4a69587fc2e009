"""Build demo content once in Bokmål and translate it to Nynorsk through wagtail-localize.

Every demo text is written as a (nb, nn) pair. The Bokmål goes into the page; the pair is
remembered at the granularity wagtail-localize segments it (plain strings, and rich text
paragraph by paragraph), so the Nynorsk page is a real wagtail-localize translation that
editors can keep working on in the translation editor."""

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings


class MissingNynorsk(Exception):
    pass


class Glossary:
    def __init__(self):
        self._nn: dict[str, str] = {}

    def text(self, nb: str, nn: str) -> str:
        self._nn[StringValue.from_plaintext(nb).data] = StringValue.from_plaintext(nn).data
        return nb

    def html(self, nb: str, nn: str) -> str:
        _, nb_strings = extract_strings(nb)
        _, nn_strings = extract_strings(nn)
        if len(nb_strings) != len(nn_strings):
            raise MissingNynorsk(f"Bokmål and Nynorsk rich text differ in structure: {nb[:80]!r}")
        for (nb_string, _), (nn_string, _) in zip(nb_strings, nn_strings, strict=True):
            self._nn[nb_string.data] = nn_string.data
        return nb

    def nynorsk_for(self, source_text: str) -> str | None:
        return self._nn.get(source_text)


def translate(instance, glossary: Glossary, locale_code: str = "nn"):
    """Create or update the `locale_code` translation of `instance` and publish it (pages)."""
    target_locale = Locale.objects.get(language_code=locale_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        nynorsk = glossary.nynorsk_for(segment.string.data)
        if nynorsk is None:
            missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={"data": nynorsk, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    if missing:
        raise MissingNynorsk(f"No Nynorsk text for {len(missing)} string(s) in {instance!r}: {missing[:5]}")

    if isinstance(instance, Page):
        # Save as draft, then publish here: wagtail-localize would otherwise publish in an
        # on_commit callback, which inside an outer transaction runs late and can overwrite
        # the tree bookkeeping of pages translated after it.
        translation.save_target(publish=False)
        target = instance.get_translation(target_locale)
        target.get_latest_revision().publish()
        return target.specific
    translation.save_target(publish=True)
    return instance.get_translation(target_locale)


def add_child_once(parent: Page, page: Page) -> tuple[Page, bool]:
    """Add `page` under `parent` unless a child with its slug exists. Returns (page, created)."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    with transaction.atomic():
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page, True
