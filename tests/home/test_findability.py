from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest
from defusedxml import ElementTree as ET

from home.factories import ContentPageFactory
from tests.portal import ABOUT_INTRO, ABOUT_TITLE, parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(client, portal):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    locations = {url.findtext("s:loc", namespaces=NS): url for url in tree.findall("s:url", NS)}
    # What the portal built, minus the intranet (restricted): not a query like the sitemap's own.
    expected = {
        f"http://testserver{page.url}"
        for language in ("nb", "nn")
        for page in portal.pages(language)
        if "/intranett/" not in page.url
    }
    assert set(locations) == expected
    assert len(expected) == 2 * 13
    about = locations["http://testserver/nb/om-bti/"]
    alternates = {link.get("hreflang"): link.get("href") for link in about.findall("x:link", NS)}
    assert alternates == {"nb": "http://testserver/nb/om-bti/", "nn": "http://testserver/nn/om-bti/"}


def test_sitemap_leaves_out_private_pages(client, portal):
    page = ContentPageFactory(parent=portal.home["nb"], slug="intern")
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="BTI-agenter")])
    assert b"/nb/intern/" not in client.get("/sitemap.xml").content


def test_robots_txt_points_at_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_canonical_description_and_open_graph(client, portal):
    head = parse(client.get("/nn/om-bti/").content).head
    assert head.select_one("link[rel=canonical]")["href"] == "http://testserver/nn/om-bti/"
    assert head.select_one("meta[name=description]")["content"] == ABOUT_INTRO[1]
    assert head.select_one('meta[property="og:locale"]')["content"] == "nn_NO"
    assert head.select_one('meta[property="og:title"]')["content"] == ABOUT_TITLE[1]


def test_breadcrumbs_on_deep_pages_only(client, portal):
    ContentPageFactory(parent=portal.about["nb"], title="Fasene", slug="fasene").save_revision().publish()
    crumbs = parse(client.get("/nb/om-bti/fasene/").content).select_one("nav.breadcrumbs")
    assert crumbs["aria-label"] == "Du er her"
    assert [a["href"] for a in crumbs.select("a")] == ["/nb/", "/nb/om-bti/"]
    assert crumbs.select_one('[aria-current="page"]').get_text(strip=True) == "Fasene"
    assert parse(client.get("/nb/om-bti/").content).select_one("nav.breadcrumbs") is None
