"""Send a translated page through the approval workflow.

wagtail-localize's translation editor only knows «Publish», which an editor may not do under the
workflow, and its `save_target(publish=False)` writes the translated content into the live page
row. Here the translation becomes a new *revision* only – the live page is untouched – and the
page's workflow starts on that revision, so a coordinator approves the Nynorsk as well."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Page, WorkflowPage, WorkflowState
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


def submittable_pages(page_ids) -> set[int]:
    """The pages among `page_ids` that «Send til godkjenning» applies to: a workflow applies
    (as `Page.get_workflow()`: an active workflow on the page or an ancestor) and none is already
    in progress (one that needs changes is resumed). In three queries, for a whole report."""
    flow_paths = tuple(
        WorkflowPage.objects.filter(workflow__active=True).values_list("page__path", flat=True)
    )
    if not flow_paths:
        return set()
    in_progress = set(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).values_list("object_id", flat=True)
    )
    return {
        page_id
        for page_id, path in Page.objects.filter(pk__in=page_ids).values_list("pk", "path")
        if path.startswith(flow_paths) and str(page_id) not in in_progress
    }
