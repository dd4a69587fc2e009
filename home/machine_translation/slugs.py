"""A translated page's slug comes from its translated title, never from Apertium.

wagtail-localize offers a page's slug to the machine translator like any other text. Apertium
translates "foreldretelefonen-fjordvik" word by word ("foreldre telefonein-fjordvik", with a space)
and drops letters it cannot read ("foreldremter-om-svn-og-samspill"); Wagtail then refuses the
page with a ValidationError when it is saved. So the slug segment is held back from the
translator, and afterwards set to the translated title slugified the way Wagtail's own page
editor does (æ, ø and å kept, as WAGTAIL_ALLOW_UNICODE_SLUGS says), made unique among the target
page's siblings.

wagtail-localize's `Translation.save_target` slugifies the slug again *without* Unicode
("foreldremøter" becomes "foreldremter"); `keep_translated_slug` puts the translated slug back
after it."""

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue
from wagtail_localize.views.edit_translation import apply_machine_translation

SLUG_PATH = "slug"
TITLE_PATH = "title"
SLUG_MAX_LENGTH = Page._meta.get_field("slug").max_length


def slug_from_title(title: str) -> str:
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    return slugify(title, allow_unicode=allow_unicode)[:SLUG_MAX_LENGTH].strip("-")


def unique_among(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: SLUG_MAX_LENGTH - len(suffix)] + suffix
    return candidate


def segment(translation, path: str) -> StringSegment | None:
    return (
        StringSegment.objects.filter(source=translation.source, context__path=path)
        .select_related("string", "context")
        .first()
    )


def target_string(translation, found: StringSegment) -> StringTranslation | None:
    return StringTranslation.objects.filter(
        translation_of_id=found.string_id, locale=translation.target_locale, context_id=found.context_id
    ).first()


def taken_slugs(translation, source_page: Page) -> set[str]:
    """Slugs of the siblings the translated page will have (not the page itself)."""
    target_locale = translation.target_locale
    parent = source_page.get_parent()
    target_parent = parent.get_translation_or_none(target_locale) if parent.depth > 1 else parent
    if target_parent is None:
        return set()
    return set(
        Page.objects.child_of(target_parent)
        .exclude(translation_key=source_page.translation_key)
        .values_list("slug", flat=True)
    )


def translated_slug(translation, title: str) -> str:
    source_page = translation.source.get_source_instance()
    base = slug_from_title(title) or source_page.slug
    return unique_among(base, taken_slugs(translation, source_page))


def is_page_translation(translation) -> bool:
    return issubclass(translation.source.specific_content_type.model_class(), Page)


def title_text(translation) -> str | None:
    """The title in the target language as plain text (the source title if not yet translated)."""
    found = segment(translation, TITLE_PATH)
    if found is None:
        return None
    translated = target_string(translation, found)
    return StringValue(translated.data if translated else found.string.data).render_text()


@transaction.atomic
def machine_translate(translation_id, user, translator=None):
    """wagtail-localize's `apply_machine_translation`, with the slug taken from the translated title.

    A slug the editor has already translated is left as it is. Returns what
    `apply_machine_translation` returns (whether anything was translated)."""
    translator = translator or get_machine_translator()
    translation = Translation.objects.get(pk=translation_id)
    held = None
    slug_segment = segment(translation, SLUG_PATH) if is_page_translation(translation) else None
    if slug_segment is not None and target_string(translation, slug_segment) is None:
        # Held back: a string that already has a translation is not sent to the translator.
        held = StringTranslation.objects.create(
            translation_of_id=slug_segment.string_id,
            locale=translation.target_locale,
            context_id=slug_segment.context_id,
            data=slug_segment.string.data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name=translator.display_name,
            last_translated_by=user,
        )
    translated = apply_machine_translation(translation_id, user, translator)
    if held is not None:
        title_segment = segment(translation, TITLE_PATH)
        if title_segment is not None and target_string(translation, title_segment) is not None:
            held.data = translated_slug(translation, title_text(translation))
            held.save(update_fields=["data"])
        else:  # the title was not translated (Apertium missing or failing): leave no trace
            held.delete()
    return translated


def keep_translated_slug(translation) -> None:
    """After `save_target`: give the target page the slug its translation holds, Unicode intact."""
    found = segment(translation, SLUG_PATH) if is_page_translation(translation) else None
    translated = found and target_string(translation, found)
    if not translated:
        return
    page = translation.get_target_instance()
    wanted = unique_among(translated.data, taken_slugs(translation, translation.source.get_source_instance()))
    if page.slug == wanted:
        return
    page.slug = wanted
    page.set_url_path(page.get_parent())
    page.save(update_fields=["slug", "url_path"])
    revision = page.get_latest_revision()
    if revision is not None:
        draft = revision.as_object()
        draft.slug = wanted
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])
