"""Translation status and content freshness: data, admin reports and dashboard panels (issue 11)."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Page, Workflow, WorkflowState
from wagtail_localize.models import StringTranslation, TranslationSource

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from guide.factories import ToolFactory
from guide.models import GuideIndexPage, GuideLevelPage, ServicePage, Tool
from home.demo.bilingual import Glossary, translate
from home.editorial import freshness, setup, translation_status
from home.factories import ContentPageFactory
from home.models import ContentPage
from network.models import NetworkGroupPage
from tests.home.test_machine_translation import needs_apertium

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]
hooks.search_for_hooks()

REPORT = "/admin/rapporter/oversettelser/"
FRESHNESS = "/admin/rapporter/gjennomgang/"


@pytest.fixture
def editor(make_user):
    user = make_user("rita", setup.EDITORS, first_name="Rita", last_name="Redaktør")
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def rows_by_key():
    rows, _sections = translation_status.collect()
    return {row.key: row for row in rows}


def home_of(locale):
    return Page.objects.get(depth=2, locale=locale)


# --- translation status -------------------------------------------------------------------------


def test_built_translations_are_complete(nb):
    page = ContentPage.objects.filter(locale=nb).first()
    row = rows_by_key()[f"page:{page.pk}"]
    assert row.status == translation_status.COMPLETE
    assert row.target_exists and row.untranslated == 0 and row.total > 0
    assert row.outdated is False
    assert row.edit_url == reverse("wagtailadmin_pages:edit", args=[page.get_translation(row_locale(row)).pk])


def row_locale(row):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=row.target_locale_code)


def test_missing_translation(nb):
    page = ContentPageFactory(parent=home_of(nb), title="Bare på bokmål", locale=nb)
    tool = ToolFactory(title="Nytt skjema")
    rows = rows_by_key()
    page_row = rows[f"page:{page.pk}"]
    assert page_row.status == translation_status.MISSING
    assert not page_row.target_exists
    assert page_row.translate_url == reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    tool_row = rows[f"snippet:guide.tool:{tool.pk}"]
    assert tool_row.status == translation_status.MISSING
    _rows, sections = translation_status.collect()
    assert tool_row.section == {s["key"]: s["title"] for s in sections}[translation_status.SNIPPETS]
    assert not tool_row.is_page


def test_outdated_when_the_source_changed_after_the_last_sync(nb, editor):
    page = ContentPage.objects.filter(locale=nb).first()
    page.intro = "Ny ingress på bokmål."
    page.save_revision(user=editor).publish()
    row = rows_by_key()[f"page:{page.pk}"]
    assert row.status == translation_status.OUTDATED and row.outdated is True
    # Synchronising (what «Synkroniser oversatte sider» does) brings it back in step.
    TranslationSource.objects.get(object_id=page.translation_key, locale=nb).update_from_db()
    row = rows_by_key()[f"page:{page.pk}"]
    assert row.outdated is False
    assert row.status == translation_status.INCOMPLETE and row.untranslated == 1


def test_outdated_snippet(nb):
    t = Glossary()
    tool = ToolFactory(
        title=t.text("Samtaleguide", "Samtaleguide"), description=t.text("Til samtalen.", "Til samtalen.")
    )
    translate(tool, t)
    assert rows_by_key()[f"snippet:guide.tool:{tool.pk}"].outdated is False
    Tool.objects.filter(pk=tool.pk).update(description="Endret beskrivelse")
    assert rows_by_key()[f"snippet:guide.tool:{tool.pk}"].status == translation_status.OUTDATED


def test_untranslated_strings_are_counted(nb, nn):
    page = GuideLevelPage.objects.filter(locale=nb).first()
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=nb)
    translated = StringTranslation.objects.filter(
        translation_of__segments__source=source, locale=nn
    ).distinct()
    assert translated.count() > 2
    StringTranslation.objects.filter(pk__in=list(translated.values_list("pk", flat=True)[:2])).delete()
    row = rows_by_key()[f"page:{page.pk}"]
    assert row.status == translation_status.INCOMPLETE
    assert row.untranslated == 2


def test_filter_by_section(nb):
    guide = GuideIndexPage.objects.get(locale=nb)
    rows, sections = translation_status.collect(str(guide.translation_key))
    assert {"key": str(guide.translation_key), "title": guide.title} in sections
    assert rows and all(row.section == guide.title for row in rows)
    assert len(rows) == GuideIndexPage.objects.get(locale=nb).get_descendants(inclusive=True).count()
    snippets, _ = translation_status.collect(translation_status.SNIPPETS)
    assert snippets and all(not row.is_page for row in snippets)


def test_report_page(editor_client, nb):
    parent = ContentPage.objects.filter(locale=nb, depth=3).first()
    missing = ContentPageFactory(parent=parent, title="Mangler nynorsk", locale=nb)
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mangler nynorsk" in html
    assert reverse("wagtail_localize:submit_page_translation", args=[missing.pk]) in html
    nn_guide = GuideIndexPage.objects.exclude(locale=nb).get()
    assert reverse("wagtailadmin_pages:edit", args=[nn_guide.pk]) in html

    guide = GuideIndexPage.objects.get(locale=nb)
    filtered = editor_client.get(REPORT, {"seksjon": str(guide.translation_key), "status": "missing"})
    assert "Mangler nynorsk" not in filtered.content.decode()
    only_missing = editor_client.get(REPORT, {"status": "missing"}).content.decode()
    assert "Mangler nynorsk" in only_missing and nn_guide.title not in only_missing


def test_machine_draft_action_appears_when_a_translator_is_configured(editor_client, settings):
    assert "Lag nynorskutkast" in editor_client.get(REPORT).content.decode()
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    assert "Lag nynorskutkast" not in editor_client.get(REPORT).content.decode()
    assert editor_client.post(reverse("editorial_draft_nynorsk")).status_code in (302, 404)


@needs_apertium
def test_machine_draft_for_a_selection(editor_client, nb, nn):
    page = ContentPageFactory(
        parent=home_of(nb), title="Hvem kan hjelpe deg?", intro="Vi hjelper deg.", locale=nb
    )
    other = ContentPageFactory(parent=home_of(nb), title="Ikke valgt", locale=nb)
    response = editor_client.post(
        reverse("editorial_draft_nynorsk"), {"selected": [f"page:{page.pk}"], "next": REPORT}
    )
    assert response.status_code == 302
    draft = page.get_translation(nn)
    assert not draft.live  # a draft, never published
    assert "Kven" in draft.title
    assert not other.has_translation(nn)


def test_submit_translation_for_approval_from_the_report(editor_client, nn, editor):
    page = GuideLevelPage.objects.filter(locale=nn).first()
    response = editor_client.post(reverse("editorial_submit_translation", args=[page.pk]), {"next": REPORT})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_state.requested_by == editor


def test_agents_cannot_see_the_reports(client, make_user):
    client.force_login(make_user("anders", setup.AGENTS))
    assert client.get(REPORT).status_code != 200
    assert client.get(FRESHNESS).status_code != 200


def count_queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [REPORT, FRESHNESS, "/admin/"])
def test_report_queries_do_not_grow_with_content(editor_client, nb, url, django_assert_num_queries):
    before = count_queries(editor_client, url, None)
    for number in range(15):
        page = ContentPageFactory(parent=home_of(nb), title=f"Ekstra {number}", locale=nb)
        page.save_revision().publish()
        ToolFactory(title=f"Ekstra skjema {number}")
    ServicePage.objects.filter(locale=nb).update(last_reviewed=datetime.date(2020, 1, 1))
    editor_client.get(url)  # publishing moved the cache generation: rebuild the chrome memo
    with django_assert_num_queries(before):
        assert editor_client.get(url).status_code == 200


# --- freshness ----------------------------------------------------------------------------------


def test_fields_are_discovered():
    assert freshness.review_field(ServicePage).name == "last_reviewed"
    assert freshness.review_field(GuideLevelPage).name == "last_reviewed"
    assert [f.name for f in freshness.responsible_text_fields(GuideLevelPage)] == [
        "responsible_name",
        "responsible_role",
    ]
    scope = freshness.models_in_scope()
    assert {ServicePage, GuideLevelPage, NetworkGroupPage} <= set(scope)
    assert ContentPage not in scope


def test_cutoff_is_twelve_months():
    assert freshness.cutoff(datetime.date(2026, 5, 10)) == datetime.date(2025, 5, 10)
    assert freshness.cutoff(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


LONG_AGO = datetime.date(2020, 1, 15)


@pytest.fixture
def stale_services(portal):
    """The portal's two Bokmål services, last reviewed long ago; their Nynorsk copies stay fresh."""
    services = list(portal.services["nb"])
    ServicePage.objects.filter(pk__in=[service.pk for service in services]).update(last_reviewed=LONG_AGO)
    ServicePage.objects.filter(pk__in=[service.pk for service in portal.services["nn"]]).update(
        last_reviewed=timezone.localdate()
    )
    return services


def test_overdue_pages(portal, stale_services):
    overdue = {row.page_id: row for row in freshness.overdue_pages()}
    assert {service.pk for service in stale_services} <= set(overdue)
    assert not {service.pk for service in portal.services["nn"]} & set(overdue)

    # A page whose review date was never filled in is judged by its last publication.
    level = portal.level["nb"]
    assert level.pk not in overdue
    GuideLevelPage.objects.filter(pk=level.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=400)
    )
    row = {row.page_id: row for row in freshness.overdue_pages()}[level.pk]
    assert row.judged_by_publication


def test_dashboard_shows_the_responsible_editor_their_pages(editor_client, editor, portal, stale_services):
    mine, not_mine = stale_services
    ServicePage.objects.filter(pk=mine.pk).update(owner=editor)
    html = editor_client.get("/admin/").content.decode()
    assert "Oversettelser som trenger arbeid" in html
    panel = html.split('id="editorial-freshness', 1)[1].split("</section>", 1)[0]
    assert "Dine sider som bør gjennomgås" in panel
    assert mine.title in panel
    assert not_mine.title not in panel

    # Named as responsible on the page itself (guide pages have no review date yet: by publication).
    level = portal.level["nb"]
    GuideLevelPage.objects.filter(pk=level.pk).update(
        responsible_name="Rita Redaktør", last_published_at=timezone.now() - datetime.timedelta(days=500)
    )
    assert level.pk in {row.page_id for row in freshness.overdue_pages(user=editor)}


def test_freshness_report(editor_client, stale_services):
    stale = stale_services[0]
    html = editor_client.get(FRESHNESS).content.decode()
    assert stale.title in html
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) in html
    mine = editor_client.get(FRESHNESS, {"mine": "1"}).content.decode()
    assert stale.title not in mine


# --- «Send til godkjenning» only where a workflow applies ------------------------------------------


def submit_forms(client):
    html = client.get(REPORT).content.decode()
    return set(re.findall(r'action="/admin/rapporter/oversettelser/godkjenning/(\d+)/"', html))


def test_submit_is_offered_only_where_a_workflow_applies_and_none_is_running(editor_client, nn, editor):
    guide_nn = GuideLevelPage.objects.filter(locale=nn).order_by("path").first()
    general_nn = ContentPage.objects.filter(locale=nn).first()
    assert guide_nn.get_workflow() is not None and general_nn.get_workflow() is None
    offered = submit_forms(editor_client)
    assert str(guide_nn.pk) in offered
    assert str(general_nn.pk) not in offered

    guide_nn.save_revision(user=editor)
    Workflow.objects.get(name=setup.WORKFLOW_NAME).start(guide_nn, editor)
    assert str(guide_nn.pk) not in submit_forms(editor_client)
