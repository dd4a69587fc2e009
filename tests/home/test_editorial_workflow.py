"""The «Faglig godkjenning» workflow and the groups' permissions (issue 11)."""

import datetime
import io
import time

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.models import GroupApprovalTask, Page, Revision, TaskState, Workflow, WorkflowState
from wagtail_localize.models import Translation

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from guide.models import GuideIndexPage, GuideLevelPage, ServiceDirectoryPage, ServicePage
from home.editorial import setup
from home.editorial.workflow import submit_translation_for_approval
from home.models import ContentPage
from network.models import IntranetPage
from tests.portal import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]
hooks.search_for_hooks()  # registers the workflow-aware permission policy, as the admin does


def with_mfa(user):
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def editor(make_user):
    return with_mfa(make_user("rita", setup.EDITORS, first_name="Rita", last_name="Redaktør"))


@pytest.fixture
def coordinator(make_user):
    return with_mfa(make_user("kari", setup.COORDINATORS))


@pytest.fixture
def agent(make_user):
    return make_user("anders", setup.AGENTS)


def level_page(locale):
    return GuideLevelPage.objects.filter(locale=locale, live=True).order_by("path").first()


def workflow():
    return Workflow.objects.get(name=setup.WORKFLOW_NAME)


def approve_url(page, action="approve"):
    task_state = page.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def submit(page, user, **changes):
    """What «Send til godkjenning» in the page editor does: a new revision, then the workflow starts."""
    page = Page.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return page


# --- set-up by the data migration -------------------------------------------------------------


def test_workflow_sits_on_guide_and_directory_in_both_languages(nb, nn):
    flow = workflow()
    assert flow.active
    task = GroupApprovalTask.objects.get(name=setup.TASK_NAME)
    assert list(task.groups.values_list("name", flat=True)) == [setup.COORDINATORS]
    assert [t.specific for t in flow.tasks] == [task]
    for model in (GuideIndexPage, ServiceDirectoryPage):
        for locale in (nb, nn):
            page = model.objects.get(locale=locale)
            assert page.get_workflow() == flow, (model, locale)
    # Their subpages inherit it; general pages have none (Wagtail's root workflow is retired).
    assert level_page(nb).get_workflow() == flow
    assert ServicePage.objects.filter(locale=nn).first().get_workflow() == flow
    assert ContentPage.objects.filter(locale=nb).first().get_workflow() is None
    assert not Workflow.objects.filter(name=setup.DEFAULT_WAGTAIL_WORKFLOW, active=True).exists()


def test_a_new_guide_gets_the_workflow(nb):
    home = Page.objects.get(depth=2, locale=nb)
    guide = GuideIndexPage(title="Ny veileder", slug="ny-veileder", locale=nb)
    home.add_child(instance=guide)
    assert guide.get_workflow() == workflow()


def test_group_permissions():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert "access_admin" in codenames(setup.EDITORS)
    assert {"add_tool", "change_tool", "change_person", "change_serviceunit"} <= codenames(setup.EDITORS)
    assert "access_admin" in codenames(setup.COORDINATORS)
    assert "access_admin" not in codenames(setup.AGENTS)
    agents = Group.objects.get(name=setup.AGENTS)
    assert not agents.page_permissions.exists()
    assert not agents.collection_permissions.exists()
    # Coordinators manage the intranet subtree (both languages); on the workflow pages they may
    # only publish (Wagtail requires it of whoever approves the last task).
    coordinators = Group.objects.get(name=setup.COORDINATORS)
    intranet_ids = set(IntranetPage.objects.values_list("pk", flat=True))
    workflow_ids = set(GuideIndexPage.objects.values_list("pk", flat=True)) | set(
        ServiceDirectoryPage.objects.values_list("pk", flat=True)
    )
    assert len(intranet_ids) == 2
    assert len(workflow_ids) == 4
    permissions = set(coordinators.page_permissions.values_list("page_id", "permission__codename"))
    assert {page for page, _codename in permissions} == intranet_ids | workflow_ids
    assert {codename for page, codename in permissions if page in workflow_ids} == {"publish_page"}


def test_agent_gets_no_admin(client, agent):
    client.force_login(agent)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/" not in response["Location"].split("?")[0] or "login" in response["Location"]
    assert client.get("/admin/pages/").status_code in (302, 403)


def test_editor_and_coordinator_reach_the_admin(client, editor, coordinator):
    for user in (editor, coordinator):
        client.force_login(user)
        assert client.get("/admin/").status_code == 200


# --- who may publish ----------------------------------------------------------------------------


def test_editor_cannot_publish_guide_or_directory_directly(nb, nn, editor):
    for page in (
        level_page(nb),
        level_page(nn),
        GuideIndexPage.objects.get(locale=nb),
        ServicePage.objects.filter(locale=nb).first(),
        ServiceDirectoryPage.objects.get(locale=nn),
    ):
        perms = page.permissions_for_user(editor)
        assert perms.can_edit(), page
        assert not perms.can_publish(), page
        assert not perms.can_unpublish(), page
        assert perms.can_submit_for_moderation(), page
        # The same answer for a plain Page object, as the explorer and bulk actions use.
        assert not Page.objects.get(pk=page.pk).permissions_for_user(editor).can_publish()


def test_editor_publishes_general_pages_directly(nb, editor):
    page = ContentPage.objects.filter(locale=nb).first()
    assert page.permissions_for_user(editor).can_publish()
    home = Page.objects.get(depth=2, locale=nb)
    assert home.permissions_for_user(editor).can_publish_subpage()


def test_editor_sees_submit_not_publish_in_the_guide_editor(client, nb, editor):
    client.force_login(editor)
    guide_html = client.get(reverse("wagtailadmin_pages:edit", args=[level_page(nb).pk])).content.decode()
    assert 'name="action-submit"' in guide_html
    assert 'name="action-publish"' not in guide_html
    general = ContentPage.objects.filter(locale=nb).first()
    general_html = client.get(reverse("wagtailadmin_pages:edit", args=[general.pk])).content.decode()
    assert 'name="action-publish"' in general_html


def test_editor_cannot_unpublish_a_guide_page(client, nb, editor):
    client.force_login(editor)
    page = level_page(nb)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.live


def test_superuser_still_publishes(nb, make_user):
    admin = make_user("root", is_superuser=True)
    assert level_page(nb).permissions_for_user(admin).can_publish()


# --- the workflow itself --------------------------------------------------------------------------


def test_submit_approve_publishes(client, nb, editor, coordinator):
    page = submit(level_page(nb), editor, title="Nivå 0 – ny tittel")
    page.refresh_from_db()
    assert page.title != "Nivå 0 – ny tittel"  # not live before approval
    assert page.workflow_in_progress

    client.force_login(coordinator)
    response = client.post(approve_url(page))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Nivå 0 – ny tittel"
    assert page.live and not page.has_unpublished_changes
    assert page.current_workflow_state is None
    state = WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.requested_by == editor
    assert page.live_revision.user == editor


def test_send_back_with_comment(client, nb, editor, coordinator):
    page = submit(level_page(nb), editor, title="Uferdig tittel")
    client.force_login(coordinator)
    response = client.post(approve_url(page, "reject"), {"comment": "Steg 2 mangler hvem som gjør hva."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title != "Uferdig tittel"
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.filter(workflow_state=state).latest("started_at")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Steg 2 mangler hvem som gjør hva."
    assert task_state.finished_by == coordinator


def test_editor_cannot_approve_own_change(client, nb, editor):
    page = submit(level_page(nb), editor, title="Godkjent av meg selv?")
    task = page.current_workflow_task.specific
    assert task.get_actions(page, editor) == []
    client.force_login(editor)
    response = client.post(approve_url(page))
    # Wagtail's admin answers PermissionDenied with a redirect and «no permission» message.
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.title != "Godkjent av meg selv?"
    assert page.workflow_in_progress


def test_an_editor_who_is_also_agent_still_cannot_approve(client, nb, editor):
    editor.groups.add(Group.objects.get(name=setup.AGENTS))
    page = submit(level_page(nb), editor, title="Fortsatt ikke")
    client.force_login(editor)
    client.post(approve_url(page))
    page.refresh_from_db()
    assert page.title != "Fortsatt ikke"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def run_scheduler():
    call_command("publish_scheduled", stdout=io.StringIO())


def test_scheduled_publishing_and_unpublishing_in_both_languages(client, nb, nn, editor, coordinator):
    now = timezone.now()
    go_live = now + datetime.timedelta(seconds=3)  # the test waits for it: no clock mocking
    expire = now + datetime.timedelta(days=30)

    nb_page = submit(level_page(nb), editor, title="Fra neste uke", go_live_at=go_live, expire_at=expire)
    nn_page = level_page(nn)
    translation = Translation.objects.get(source__object_id=nn_page.translation_key, target_locale=nn)
    nn_page, state = submit_translation_for_approval(translation, editor, go_live_at=go_live)
    assert state.workflow == workflow()

    client.force_login(coordinator)
    for page in (nb_page, nn_page):
        assert client.post(approve_url(page)).status_code == 302

    # Approved, but not yet published: both wait for their time.
    for page in (nb_page, nn_page):
        page.refresh_from_db()
        scheduled = Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)
        assert scheduled.count() == 1, page
    nb_page.refresh_from_db()
    assert nb_page.title != "Fra neste uke"

    # Time passes: the scheduler publishes both languages.
    time.sleep(max((go_live - timezone.now()).total_seconds(), 0) + 0.1)
    run_scheduler()
    nb_page.refresh_from_db()
    nn_page.refresh_from_db()
    assert nb_page.title == "Fra neste uke"
    assert abs(nb_page.expire_at - expire) < datetime.timedelta(seconds=1)
    assert nn_page.live and nn_page.live_revision.user == editor

    # And unpublishes when the page expires.
    GuideLevelPage.objects.filter(pk=nb_page.pk).update(expire_at=now - datetime.timedelta(minutes=1))
    run_scheduler()
    nb_page.refresh_from_db()
    assert not nb_page.live and nb_page.expired


def test_translation_for_approval_leaves_the_live_page_alone(nn, editor):
    page = level_page(nn)
    live_title = page.title
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=nn)
    source_page = translation.source.get_source_instance()
    source_page.title = "Endret på bokmål"
    source_page.save_revision(user=editor).publish()
    translation.source.update_from_db()
    page, state = submit_translation_for_approval(translation, editor)
    page.refresh_from_db()
    assert page.title == live_title  # the live row is untouched until approval
    assert page.has_unpublished_changes
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_coordinator_manages_the_intranet(nb, coordinator, editor):
    intranet = IntranetPage.objects.get(locale=nb)
    child = intranet.get_children().first()
    for page in (intranet, child):
        assert page.permissions_for_user(coordinator).can_publish()
    assert not ContentPage.objects.filter(locale=nb).first().permissions_for_user(coordinator).can_edit()


def primary_action(html):
    """The button the page editor's action menu shows by itself (its dropdown holds the rest)."""
    return parse(html).select_one(".w-dropdown-button > button")


def test_approve_is_the_primary_action_for_the_coordinator(client, nb, editor, coordinator):
    page = submit(level_page(nb), editor, title="Nivå 0 – til godkjenning")
    client.force_login(coordinator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert primary_action(html).get("data-workflow-action-name") == "approve"


def test_the_editor_who_cannot_approve_keeps_save_draft_first(client, nb, editor):
    page = submit(level_page(nb), editor, title="Nivå 0 – til godkjenning")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "data-workflow-action-name" not in html


def send_for_approval_form(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's translation editor
    action = reverse("editorial_submit_translation", args=[page.pk])
    return parse(html).select_one(f'form[action="{action}"]')


def test_translation_editor_sends_the_nynorsk_page_to_approval(client, nn, editor):
    client.force_login(editor)
    page = level_page(nn)
    form = send_for_approval_form(client, page)
    assert form is not None and "Send til godkjenning" in form.get_text()
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    assert client.post(form["action"], data).status_code == 302
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    # Now it waits for a coordinator: nothing more to send.
    assert send_for_approval_form(client, page) is None


def test_translation_editor_offers_no_approval_without_a_workflow(client, nn, editor):
    client.force_login(editor)
    assert send_for_approval_form(client, ContentPage.objects.filter(locale=nn).first()) is None


def test_sending_to_approval_never_redirects_off_the_portal(client, nn, editor):
    client.force_login(editor)
    page = level_page(nn)
    form = send_for_approval_form(client, page)
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    response = client.post(form["action"], {**data, "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("editorial_translation_status")
