"""The chrome memo (home/chrome.py) and the page content fragments ({% page_content_cache %}) are
never older than what they show: every change that can alter a page moves the cache generation.
The full-page cache is off here (the test settings' default), as on a logged-in visit."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from wagtail.models import Page, PageViewRestriction

import pytest

from guide.models import GuideLevelPage, Tool
from home import chrome, memo
from home.factories import ContentPageFactory
from home.models import HomePage, SiteProfile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]

LEVEL_URL = "/nb/handlingsveileder/barnehage/niva-2/"


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_published_into_the_menu_shows_at_once(client):
    home = HomePage.objects.get(locale__language_code="nb")
    assert "Nytt i menyen" not in html(client, LEVEL_URL)
    ContentPageFactory(parent=home, title="Nytt i menyen", show_in_menus=True).save_revision().publish()
    assert "Nytt i menyen" in html(client, LEVEL_URL)


def test_a_changed_site_profile_shows_in_the_footer_at_once(client):
    html(client, "/nb/")
    profile = SiteProfile.objects.get(locale__language_code="nb")
    profile.phone = "12 34 99 99"
    profile.save()
    assert "12 34 99 99" in html(client, "/nb/")


def test_a_renamed_tool_shows_on_the_level_page_at_once(client):
    page = GuideLevelPage.objects.get(url_path__endswith="/barnehage/niva-2/", locale__language_code="nb")
    tool = Tool.objects.get(
        pk=next(block for block in page.steps if block.block_type == "step").value["tools"][0].pk
    )
    assert tool.title in html(client, LEVEL_URL)
    tool.title = "Omdøpt verktøy"
    tool.save()
    assert "Omdøpt verktøy" in html(client, LEVEL_URL)


def test_a_new_revision_of_a_level_page_shows_at_once(client):
    page = GuideLevelPage.objects.get(url_path__endswith="/barnehage/niva-2/", locale__language_code="nb")
    html(client, LEVEL_URL)
    step = next(block for block in page.steps if block.block_type == "step")
    step.value["title"] = "Et nytt første steg"
    page.save_revision().publish()
    assert "Et nytt første steg" in html(client, LEVEL_URL)


def test_a_new_view_restriction_applies_at_once(client):
    home = HomePage.objects.get(locale__language_code="nb")
    page = ContentPageFactory(parent=home, title="Snart privat", slug="snart-privat")
    page.save_revision().publish()
    assert client.get("/nb/snart-privat/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/nb/snart-privat/")
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_content_fragments_never_mix_languages(client):
    nb_html = html(client, LEVEL_URL)
    nn_html = html(client, "/nn/handlingsrettleiar/barnehage/niva-2/")
    assert '<html lang="nn"' in nn_html and '<html lang="nb"' in nb_html
    assert "Stegene på dette nivået" in nb_html
    assert "Stega på dette nivået" in nn_html
    # The footer is a fragment of its own ({% chrome_fragment %}), also one per language.
    assert "Portalen inneholder ingen saksopplysninger" in nb_html.split('<footer class="site-footer">')[1]
    assert "Portalen inneheld ingen saksopplysningar" in nn_html.split('<footer class="site-footer">')[1]
    assert html(client, LEVEL_URL) == nb_html


def route(user):
    """The page Wagtail's serve view gets for LEVEL_URL (whose language is active in tests)."""
    request = RequestFactory().get(LEVEL_URL)
    request.user = user
    chrome.prime_wagtail_site(request)
    return Page.route_for_request(request, LEVEL_URL.removeprefix("/nb/"))[0]


def test_each_request_gets_its_own_page_and_anonymous_visitors_no_query(django_assert_num_queries, make_user):
    """The served page's row is memoised per generation for anonymous visitors, but every request
    gets its own instance: a view setting an attribute on its page must not leak into the next."""
    with memo.generation_scope(1):
        first = route(AnonymousUser())
        first.title = "Endret av en visning"
        with django_assert_num_queries(0):
            second = route(AnonymousUser())
        assert second is not first and second.title != first.title
        assert isinstance(second, GuideLevelPage) and second.steps
        # Signed-in users read the row itself: a draft save leaves the generation alone but
        # changes the fields editors' tools show (unpublished changes, latest revision).
        editor = make_user("redaktor-memo")
        with django_assert_num_queries(1):
            signed_in = route(editor)
        assert signed_in.title == second.title and signed_in is not second


def test_nothing_is_memoised_outside_a_request(django_assert_num_queries):
    with django_assert_num_queries(1):
        chrome.site_profile("nb")
    with django_assert_num_queries(1):
        chrome.site_profile("nb")


def test_the_memo_is_per_generation():
    request = RequestFactory().get("/nb/")
    with memo.generation_scope(1):
        chrome.prime_wagtail_site(request)
        first = chrome.landmark_pages()
        assert chrome.landmark_pages() is first
    with memo.generation_scope(2):
        assert chrome.landmark_pages() is not first
    assert Page.objects.filter(depth=2).count() == len(first["home"])


def test_a_new_translation_shows_in_the_language_switcher_at_once(client, nn):
    home = HomePage.objects.get(locale__language_code="nb")
    page = ContentPageFactory(parent=home, title="Bare på bokmål", slug="bare-bokmal")
    page.save_revision().publish()
    assert 'hreflang="nn"' not in html(client, "/nb/bare-bokmal/").split("</head>")[0]
    translation = page.copy_for_translation(nn)
    translation.save_revision().publish()
    head = html(client, "/nb/bare-bokmal/").split("</head>")[0]
    assert f'hreflang="nn" href="http://testserver{translation.url}"' in head


def test_the_memo_keeps_the_most_recently_used_values():
    lru = memo.GenerationMemo(max_entries=2)
    with memo.generation_scope(1):
        lru.get("chrome", lambda: "frame")
        lru.get("page-1", lambda: "row 1")
        assert lru.get("chrome", lambda: "rebuilt") == "frame"  # used: now the most recent
        lru.get("page-2", lambda: "row 2")  # one too many: page-1 goes
        assert lru.get("chrome", lambda: "rebuilt") == "frame"
        assert lru.get("page-1", lambda: "row 1 again") == "row 1 again"
