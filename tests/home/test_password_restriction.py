"""/<lang>/_util/authenticate_with_password/<restriction>/<page>/ only for a password restriction
on that page or an ancestor, and only when every other restriction lets the visitor in
(home/password_restriction.py)."""

from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, PageViewRestriction, Site

import pytest

from home.factories import ContentPageFactory, HomePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(db):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        home = HomePageFactory(parent=Page.get_first_root_node(), locale=Locale.get_default())
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return site.root_page.specific


def url(restriction, page):
    return f"/nb/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def test_a_group_restriction_is_not_a_password_form(client, parent):
    page = ContentPageFactory(parent=parent, title="Kun for gruppen")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Passordprøve"))
    assert client.get(url(restriction, page)).status_code == 404
    assert client.post(url(restriction, page), {"password": "x", "return_url": "/"}).status_code == 404


def test_a_password_restriction_on_another_page_is_404(client, parent):
    locked = ContentPageFactory(parent=parent, title="Låst med passord")
    other = ContentPageFactory(parent=parent, title="En annen side")
    restriction = PageViewRestriction.objects.create(
        page=locked, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-123"
    )
    assert client.get(url(restriction, other)).status_code == 404
    assert client.get(url(restriction, locked)).status_code == 200


def test_a_page_also_behind_a_login_is_404_for_anonymous_visitors(client, parent, make_user):
    members = ContentPageFactory(parent=parent, title="Bak innlogging")
    child = ContentPageFactory(parent=members, title="Også med passord")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    restriction = PageViewRestriction.objects.create(
        page=child, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-123"
    )
    assert client.get(url(restriction, child)).status_code == 404
    client.force_login(make_user("logged-in-visitor"))
    assert client.get(url(restriction, child)).status_code == 200


def test_the_password_still_works(client, parent):
    page = ContentPageFactory(parent=parent, title="Passordside")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig-123"
    )
    response = client.post(url(restriction, page), {"password": "hemmelig-123", "return_url": page.url})
    assert response.status_code == 302
    assert client.get(page.url).status_code == 200
