import re

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction

import pytest
from defusedxml import ElementTree as ET

from home.factories import ContentPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    locations = {url.findtext("s:loc", namespaces=NS): url for url in tree.findall("s:url", NS)}
    expected = {
        f"http://testserver{page.url}" for page in Page.objects.live().public().filter(depth__gt=1).specific()
    }
    assert set(locations) == expected
    about = locations["http://testserver/nb/om-bti/"]
    alternates = {link.get("hreflang"): link.get("href") for link in about.findall("x:link", NS)}
    assert alternates == {"nb": "http://testserver/nb/om-bti/", "nn": "http://testserver/nn/om-bti/"}


def test_sitemap_leaves_out_private_pages(client):
    page = ContentPageFactory(parent=HomePage.objects.get(locale__language_code="nb"), slug="intern")
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="BTI-agenter")])
    assert b"/nb/intern/" not in client.get("/sitemap.xml").content


def test_robots_txt_points_at_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_canonical_description_and_open_graph(client):
    html = client.get("/nn/om-bti/").content.decode()
    assert '<link rel="canonical" href="http://testserver/nn/om-bti/">' in html
    assert (
        '<meta name="description" content="Kvifor kommunen nyttar BTI, og kor langt arbeidet har kome.">'
        in html
    )
    assert '<meta property="og:locale" content="nn_NO">' in html
    assert '<meta property="og:title" content="Om BTI-arbeidet i kommunen">' in html


def test_breadcrumbs_on_deep_pages_only(client):
    about = HomePage.objects.get(locale__language_code="nb").get_children().get(slug="om-bti")
    ContentPageFactory(parent=about, title="Fasene", slug="fasene").save_revision().publish()
    deep = client.get("/nb/om-bti/fasene/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs" aria-label="Du er her">(.*?)</nav>', deep, re.S).group(1)
    assert 'href="/nb/"' in crumbs and 'href="/nb/om-bti/"' in crumbs
    assert '<li aria-current="page">Fasene</li>' in crumbs
    assert 'class="breadcrumbs"' not in client.get("/nb/om-bti/").content.decode()
