"""Send a translated page through the approval workflow.

wagtail-localize's translation editor only knows «Publish», which an editor may not do under the
workflow, and its `save_target(publish=False)` writes the translated content into the live page
row. Here the translation becomes a new *revision* only – the live page is untouched – and the
page's workflow starts on that revision, so a coordinator approves the Nynorsk as well."""

from django.db import transaction

from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.segments.ingest import ingest_segments


class NotAPageTranslation(Exception):
    pass


@transaction.atomic
def submit_translation_for_approval(translation, user, go_live_at=None):
    """Save the translation as a draft revision of the existing target page and start its workflow.

    Returns (page, workflow_state or None when the page has no workflow)."""
    source = translation.source
    original = source.as_instance()
    target = source.get_translated_instance(translation.target_locale)
    if not hasattr(target, "save_revision") or not hasattr(target, "get_workflow"):
        raise NotAPageTranslation
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    if go_live_at is not None:
        target.go_live_at = go_live_at
    target.save_revision(user=user)
    workflow = target.get_workflow()
    if workflow is None:
        return target, None
    state = target.current_workflow_state
    if state is None:
        return target, workflow.start(target, user)
    if state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state.current_task_state:
        # Already waiting for a coordinator: they review what is current.
        state.current_task_state.revision = target.get_latest_revision()
        state.current_task_state.save(update_fields=["revision"])
    return target, state
