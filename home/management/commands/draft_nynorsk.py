"""Machine-draft every missing Nynorsk translation of pages and snippets with Apertium.

Dry run by default: counts what is missing and changes nothing. With --apply the missing
strings are translated (one Apertium run for all of them, cached), stored in wagtail-localize as
machine translations, and saved as drafts where that cannot reach visitors. Nothing is published:

- a page or draftable snippet without Nynorsk gets a new, unpublished Nynorsk draft;
- a Nynorsk page/snippet that is live (or a snippet that cannot be a draft) is left as it is; the
  machine strings wait in its translation editor, where an editor reviews and publishes them
  (wagtail-localize's save_target(publish=False) would overwrite a live page's content);
- a snippet without Nynorsk that cannot be a draft is only listed: an editor creates it with
  "Oversett" in the admin and drafts it there with the Apertium button.
"""

from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.machine_translation import Apertium, ApertiumError, slugs


@dataclass
class Item:
    instance: object
    label: str
    action: str  # "create", "draft", "review", "manual"
    source: TranslationSource | None = None
    translation: Translation | None = None
    segments: list = field(default_factory=list)


ACTIONS = {
    "create": "nye nynorske utkast",
    "draft": "nynorske utkast som oppdateres (ikke publisert fra før)",
    "review": "publiserte nynorske versjoner som får maskinforslag til gjennomgang",
    "manual": "snippets uten nynorsk som ikke kan lagres som utkast (oversett i admin)",
}


def holds_slug(item: Item, segment) -> bool:
    return segment.context.path == slugs.SLUG_PATH and isinstance(item.instance, Page)


def label_of(instance) -> str:
    kind = instance._meta.verbose_name
    if isinstance(instance, Page):
        return f"{kind} «{instance.title}» ({instance.url_path})"
    return f"{kind} «{instance}» (id {instance.pk})"


def can_be_draft(instance) -> bool:
    return isinstance(instance, Page | DraftStateMixin)


class Command(BaseCommand):
    help = (
        "Lager nynorske maskinutkast med Apertium for sider og snippets som mangler nynorsk. "
        "Uten --apply vises bare hva som mangler. Ingenting publiseres."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply", action="store_true", help="Oversett og lagre utkastene (standard: bare opptelling)."
        )
        parser.add_argument("--source", default="nb", help="Kildespråk (standard: nb).")
        parser.add_argument("--target", default="nn", help="Målspråk (standard: nn).")

    def handle(self, *args, apply=False, source="nb", target="nn", **options):
        try:
            source_locale = Locale.objects.get(language_code=source)
            target_locale = Locale.objects.get(language_code=target)
        except Locale.DoesNotExist as error:
            raise CommandError(f"Ukjent språk: {source} eller {target}") from error
        engine = Apertium.from_settings()
        mode = engine.mode_for(source, target)
        if mode is None:
            raise CommandError(f"Apertium er ikke satt opp for {source} → {target} (APERTIUM_MODES).")

        with transaction.atomic():
            items = self.plan(source_locale, target_locale)
            self.report_plan(items, apply)
            if not apply:
                # The plan creates TranslationSource rows to count segments; a dry run keeps nothing.
                transaction.set_rollback(True)
                return
            texts = {
                segment.string.data
                for item in items
                for segment in item.segments
                if not holds_slug(item, segment)
            }
            try:
                drafts = engine.translate(mode, texts)
            except ApertiumError as error:
                raise CommandError(str(error)) from error
            unknown = self.write(items, drafts, target_locale)
        self.report_result(items, unknown, engine)

    # --- planning ---------------------------------------------------------------------------

    def objects(self, source_locale):
        """Snippets before pages (pages may refer to them), pages parents before children."""
        for model in get_snippet_models():
            if issubclass(model, TranslatableMixin):
                yield from model.objects.filter(locale=source_locale).order_by("pk")
        pages = (
            Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
            .order_by("path")
            .specific()
        )
        yield from pages

    def plan(self, source_locale, target_locale) -> list[Item]:
        items = []
        for instance in self.objects(source_locale):
            exists = instance.has_translation(target_locale)
            if not exists and not can_be_draft(instance):
                items.append(Item(instance, label_of(instance), "manual"))
                continue
            if exists:
                source = TranslationSource.objects.get_for_instance_or_none(instance)
                translation = (
                    source and Translation.objects.filter(source=source, target_locale=target_locale).first()
                )
                if translation is None:
                    continue  # Nynorsk kept by hand (or the original): not ours to fill in.
                source.update_from_db()
                target = instance.get_translation(target_locale)
                live = getattr(target, "live", True)
                action = "draft" if can_be_draft(target) and not live else "review"
            else:
                source, _ = TranslationSource.get_or_create_from_instance(instance)
                translation, _ = Translation.objects.get_or_create(
                    source=source, target_locale=target_locale, defaults={"enabled": True}
                )
                action = "create"
            segments = list(
                StringSegment.objects.filter(source=source)
                .annotate_translation(target_locale)
                .filter(translation__isnull=True)
                .select_related("string", "context")
            )
            if action != "create" and not segments:
                continue
            items.append(Item(instance, label_of(instance), action, source, translation, segments))
        return items

    def report_plan(self, items, apply):
        segments = [segment for item in items for segment in item.segments]
        unique = {segment.string.data for segment in segments}
        self.stdout.write(
            "Apertium-utkast på nynorsk" + ("" if apply else " – prøvekjøring, ingenting lagres")
        )
        for action, description in ACTIONS.items():
            count = sum(1 for item in items if item.action == action)
            self.stdout.write(f"  {count:>5}  {description}")
        self.stdout.write(f"  {len(segments):>5}  tekstbiter å oversette ({len(unique)} ulike)")
        manual = [item for item in items if item.action == "manual"]
        if manual:
            self.stdout.write("Må oversettes i admin (kan ikke lagres som upublisert utkast):")
            for item in manual:
                self.stdout.write(f"  - {item.label}")
        if not apply and any(item.action != "manual" for item in items):
            self.stdout.write("Kjør med --apply for å lage utkastene.")

    # --- writing ----------------------------------------------------------------------------

    def write(self, items, drafts, target_locale) -> list[str]:
        unknown: list[str] = []
        for item in items:
            if item.action == "manual":
                continue
            # The slug last: it is made from the translated title (home/machine_translation/slugs.py).
            for segment in sorted(item.segments, key=lambda segment: holds_slug(item, segment)):
                if holds_slug(item, segment):
                    title = slugs.title_text(item.translation)
                    text = slugs.translated_slug(item.translation, title) if title else segment.string.data
                else:
                    draft = drafts[segment.string.data]
                    text = draft.text
                    unknown += [word for word in draft.unknown if word not in unknown]
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=target_locale,
                    context=segment.context,
                    defaults={
                        "data": text,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": "Apertium",
                    },
                )
            if item.action in ("create", "draft"):
                # Never publish=True: machine drafts wait for an editor.
                item.translation.save_target(publish=False)
                slugs.keep_translated_slug(item.translation)
        return unknown

    def report_result(self, items, unknown, engine):
        for action, verb in (
            ("create", "Nytt utkast"),
            ("draft", "Utkast oppdatert"),
            ("review", "Til gjennomgang"),
        ):
            for item in items:
                if item.action == action:
                    self.stdout.write(f"  {verb}: {item.label} ({len(item.segments)} tekstbiter)")
        if unknown:
            self.stdout.write(f"Ord Apertium ikke kjente ({len(unknown)}), står uendret – sjekk dem:")
            self.stdout.write("  " + ", ".join(unknown))
        self.stdout.write(
            self.style.SUCCESS(
                f"Ferdig: {engine.calls} kall til Apertium. Ingenting er publisert; "
                "les gjennom utkastene i oversettelsesverktøyet før publisering."
            )
        )
