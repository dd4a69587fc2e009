"""Translation status of every page and translatable snippet, from wagtail-localize's records.

For each source object (the language a translation was made from; the default language when no
translation has been made yet) and each other language: does a translation exist, is it out of
date (the source was published or changed after the last sync into wagtail-localize), and how
many strings are untranslated. A fixed number of queries: one for pages, one per translatable
snippet model, and four for wagtail-localize's tables – however many objects there are."""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Sum, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields

SNIPPETS = "snippets"

MISSING, OUTDATED, INCOMPLETE, COMPLETE, MANUAL = "missing", "outdated", "incomplete", "complete", "manual"
STATUS_LABELS = {
    MISSING: _("Mangler"),
    OUTDATED: _("Utdatert"),
    INCOMPLETE: _("Uoversatte tekster"),
    COMPLETE: _("Oppdatert"),
    MANUAL: _("Skrevet for hånd"),
}


@dataclass
class Row:
    key: str  # "page:<id>" or "snippet:<app>.<model>:<pk>" of the source
    title: str
    kind: str
    section: str
    source_language: str
    target_language: str
    target_locale_code: str
    source_locale_code: str
    target_exists: bool
    outdated: bool | None  # None: cannot tell
    untranslated: int | None  # None: not translated with wagtail-localize
    total: int | None
    edit_url: str  # translation editor (or the page/snippet editor for hand-made translations)
    translate_url: str  # wagtail-localize's "translate" form, when the translation is missing
    source_url: str
    status: str
    is_page: bool
    target_id: int | None = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _progress(target_locale_id) -> dict[int, tuple[int, int]]:
    """source id -> (strings, translated strings) into one language: one query."""
    segments = StringSegment.objects.annotate(
        is_translated=Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=target_locale_id,
                has_error=False,
            )
        )
    )
    rows = (
        segments.values("source_id")
        .annotate(
            total=Count("pk"),
            done=Sum(
                Case(When(is_translated=True, then=Value(1)), default=Value(0), output_field=IntegerField())
            ),
        )
        .order_by()
    )
    return {row["source_id"]: (row["total"], row["done"] or 0) for row in rows}


def _status(exists, translation, outdated, untranslated) -> str:
    if not exists:
        return MISSING
    if translation is None:
        return MANUAL
    if outdated:
        return OUTDATED
    if untranslated:
        return INCOMPLETE
    return COMPLETE


def _snippet_outdated(instance, source) -> bool | None:
    """Compare the snippet with what wagtail-localize last read from it (no queries for plain models)."""
    if isinstance(instance, RevisionMixin) and instance.latest_revision_id:
        return None  # judged by revision date below
    if isinstance(instance, ClusterableModel):
        return None  # its child objects would cost a query each
    current = json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    return current != json.loads(source["content_json"])


def collect(section: str = "") -> tuple[list[Row], list[dict]]:
    """All rows (or one section's: a top-level page's translation key, or "snippets") and the sections."""
    locales = list(Locale.objects.all())
    by_locale = {locale.pk: locale for locale in locales}
    default = Locale.get_default()

    pages = list(
        Page.objects.filter(depth__gt=1)
        .order_by("path")
        .values(
            "id",
            "title",
            "path",
            "depth",
            "locale_id",
            "translation_key",
            "content_type_id",
            "alias_of_id",
            "last_published_at",
        )
    )
    sources = {
        (row["object_id"], row["specific_content_type_id"]): row
        for row in TranslationSource.objects.values(
            "id", "object_id", "specific_content_type_id", "locale_id", "last_updated_at", "content_json"
        )
    }
    translations = {
        (row["source_id"], row["target_locale_id"]): row["id"]
        for row in Translation.objects.filter(enabled=True).values("id", "source_id", "target_locale_id")
    }
    progress = {locale.pk: _progress(locale.pk) for locale in locales}

    # Sections: the top-level pages (depth 3) of the default language, keyed by translation key.
    sections, section_of_path = [], {}
    for page in pages:
        if page["depth"] == 3:
            key = str(page["translation_key"])
            section_of_path[page["path"]] = key
            if page["locale_id"] == default.pk:
                sections.append({"key": key, "title": page["title"]})
    sections.append({"key": SNIPPETS, "title": str(_("Gjenbrukbart innhold (snippets)"))})
    section_titles = {s["key"]: s["title"] for s in sections}

    rows: list[Row] = []

    def add_rows(group, *, kind, is_page, instance_of=None):
        """`group`: locale id -> dict with id, title, outdated-info; one translation key."""
        any_member = next(iter(group.values()))
        content_type_id = any_member["content_type_id"]
        source = None
        for member in group.values():
            source = sources.get((member["translation_key"], content_type_id))
            if source is not None:
                break
        source_locale_id = source["locale_id"] if source else (default.pk if default.pk in group else None)
        if source_locale_id is None or source_locale_id not in group:
            source_locale_id = next(iter(group))
        origin = group[source_locale_id]
        section_key = section_of_path.get(origin["path"][:12], "") if is_page else SNIPPETS
        if section and section_key != section:
            return
        for locale in locales:
            if locale.pk == source_locale_id:
                continue
            target = group.get(locale.pk)
            exists = target is not None and not target.get("alias_of_id")
            translation_id = translations.get((source["id"], locale.pk)) if source else None
            outdated = None
            total = untranslated = None
            if translation_id is not None:
                total, done = progress[locale.pk].get(source["id"], (0, 0))
                untranslated = total - done
                changed = origin.get("changed_at")
                if changed is not None:
                    outdated = changed > source["last_updated_at"]
                elif instance_of is not None:
                    outdated = _snippet_outdated(instance_of(origin), source)
            edit_url = target["edit_url"] if exists else ""
            translate_url = "" if exists else origin["translate_url"]
            rows.append(
                Row(
                    key=origin["key"],
                    title=origin["title"],
                    kind=kind,
                    section=section_titles.get(section_key, ""),
                    source_language=by_locale[source_locale_id].get_display_name(),
                    source_locale_code=by_locale[source_locale_id].language_code,
                    target_language=locale.get_display_name(),
                    target_locale_code=locale.language_code,
                    target_exists=exists,
                    outdated=outdated,
                    untranslated=untranslated,
                    total=total,
                    edit_url=edit_url,
                    translate_url=translate_url,
                    source_url=origin["edit_url"],
                    status=_status(exists, translation_id, outdated, untranslated),
                    is_page=is_page,
                    target_id=target["id"] if exists else None,
                )
            )

    # Pages, grouped by translation key (the root of each language tree is a page too).
    groups: dict = {}
    for page in pages:
        page["changed_at"] = page["last_published_at"]
        page["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page["id"]])
        page["translate_url"] = reverse("wagtail_localize:submit_page_translation", args=[page["id"]])
        page["key"] = f"page:{page['id']}"
        groups.setdefault(page["translation_key"], {})[page["locale_id"]] = page
    for group in groups.values():
        any_page = next(iter(group.values()))
        model = ContentType.objects.get_for_id(any_page["content_type_id"]).model_class()
        kind = model._meta.verbose_name if model else ""
        add_rows(group, kind=str(kind).capitalize(), is_page=True)

    # Translatable snippets, one query per model.
    finder = AdminURLFinder()
    for model in translatable_snippet_models():
        content_type_id = ContentType.objects.get_for_model(model).pk
        groups = {}
        # Every forward foreign key is joined: a __str__ that names a related object costs no query.
        relations = [f.name for f in model._meta.concrete_fields if f.many_to_one]
        queryset = model.objects.select_related(*relations)
        for instance in queryset.order_by("pk"):
            latest = getattr(instance, "latest_revision", None)
            member = {
                "id": instance.pk,
                "title": str(instance),
                "locale_id": instance.locale_id,
                "translation_key": instance.translation_key,
                "content_type_id": content_type_id,
                "changed_at": latest.created_at if latest else None,
                "edit_url": finder.get_edit_url(instance) or "",
                "translate_url": reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[model._meta.app_label, model._meta.model_name, instance.pk],
                ),
                "key": f"snippet:{model._meta.label_lower}:{instance.pk}",
                "instance": instance,
            }
            groups.setdefault(instance.translation_key, {})[instance.locale_id] = member
        for group in groups.values():
            add_rows(
                group,
                kind=str(model._meta.verbose_name).capitalize(),
                is_page=False,
                instance_of=lambda member: member["instance"],
            )

    return rows, sections


def summary(rows) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for row in rows:
        counts[row.status] += 1
    return counts
