"""Guide pages and services in the editors' one freshness report (home/editorial/freshness.py):
who is responsible is shown, and the guide has no review report of its own."""

import datetime

from django.utils import timezone

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from guide.factories import (
    GuideIndexPageFactory,
    GuideLevelPageFactory,
    ServiceAreaGuidePageFactory,
    ServiceDirectoryPageFactory,
    ServicePageFactory,
)
from guide.models import GuideLevelPage
from home.editorial import freshness, setup

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 15)


@pytest.fixture
def editor_client(client, make_user):
    editor = make_user("rita", setup.EDITORS, first_name="Rita", last_name="Redaktør")
    TOTP.activate(editor, generate_totp_secret())  # editors must use two-factor sign-in
    client.force_login(editor)
    return client


@pytest.fixture
def overdue_level(nb_home):
    guide = GuideIndexPageFactory(parent=nb_home, title="Veileder for testen")
    area = ServiceAreaGuidePageFactory(
        parent=guide, title="Testbarnehagen", responsible_name="Mona Testesen", responsible_role="Styrer"
    )
    level = GuideLevelPageFactory(parent=area, title="Nivå 2 i testbarnehagen", level=2)
    GuideLevelPage.objects.filter(pk=level.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=500)
    )
    return level


@pytest.fixture
def overdue_service(nb_home):
    directory = ServiceDirectoryPageFactory(parent=nb_home, slug="testtilbud")
    return ServicePageFactory(
        parent=directory, title="Testtilbudet", provider="Testtjenesten", last_reviewed=LONG_AGO
    )


def rows():
    return {row.page_id: row for row in freshness.overdue_pages()}


def test_a_level_that_names_no_one_shows_its_service_areas_responsible_person(overdue_level):
    row = rows()[overdue_level.pk]
    assert row.responsible == "Mona Testesen, Styrer"
    assert row.judged_by_publication


def test_a_level_that_names_someone_shows_them(overdue_level):
    GuideLevelPage.objects.filter(pk=overdue_level.pk).update(responsible_name="Per Nivå")
    assert rows()[overdue_level.pk].responsible == "Per Nivå"


def test_a_service_shows_the_service_that_provides_it(overdue_service):
    row = rows()[overdue_service.pk]
    assert row.responsible == "Testtjenesten"
    assert row.reviewed == LONG_AGO
    assert not row.judged_by_publication


def test_a_service_reviewed_within_twelve_months_is_not_listed(overdue_service):
    type(overdue_service).objects.filter(pk=overdue_service.pk).update(last_reviewed=freshness.cutoff())
    assert overdue_service.pk not in rows()


def test_the_report_shows_the_responsible_person(editor_client, overdue_level, overdue_service):
    html = editor_client.get("/admin/rapporter/gjennomgang/").content.decode()
    assert "Mona Testesen, Styrer" in html
    assert "Testtjenesten" in html


def test_the_guide_has_no_review_report_of_its_own(editor_client):
    response = editor_client.get("/admin/rapporter/hjelpetilbud-gjennomgang/", follow=True)
    assert response.status_code == 404
    assert 'id="overdue-services"' not in editor_client.get("/admin/").content.decode()
