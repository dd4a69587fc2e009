from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.factories import ContentPageFactory
from home.models import AccessibilityStatementPage, ContentPage, HomePage


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # Other apps add their section pages; these two always belong under the front page.
        self.assertTrue({ContentPage, AccessibilityStatementPage} <= set(HomePage.allowed_subpage_models()))
        self.assertCanCreateAt(HomePage, ContentPage)

    def test_content_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_accessibility_statement_once_per_language_tree(self):
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())
        for home in HomePage.objects.all():
            self.assertFalse(AccessibilityStatementPage.can_create_at(home))  # the demo tree already has one

    def test_editor_can_create_content_page_with_every_block(self):
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@x.example", "pw-123456789")
        )
        home = HomePage.objects.get(locale__language_code="nb")
        data = nested_form_data(
            {
                "title": "Ny side",
                "slug": "ny-side",
                "intro": "Ingress",
                "body": streamfield(
                    [
                        ("heading", {"text": "Overskrift", "level": "h2"}),
                        ("paragraph", rich_text("<p>Tekst</p>")),
                        ("notice", {"kind": "info", "title": "Merk", "text": rich_text("<p>Viktig</p>")}),
                        (
                            "faq",
                            {
                                "title": "FAQ",
                                "items": streamfield(
                                    [("item", {"question": "Hva?", "answer": rich_text("<p>Svar</p>")})]
                                ),
                            },
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(home, ContentPage, data)
        self.assertPageIsRenderable(ContentPage.objects.get(slug="ny-side"))

    def test_pages_are_routable_in_both_languages(self):
        # assertPageIsRoutable does not know about the /nb/ and /nn/ prefixes; ask the real URL.
        for page in HomePage.objects.all():
            self.assertEqual(self.client.get(page.url).status_code, 200, page.url)


@pytest.mark.django_db
def test_content_page_renders_blocks_accessibly(client):
    html = client.get("/nb/").content.decode()
    assert '<a class="ds-skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<caption>Nivåene i BTI-modellen</caption>" in html
    assert '<th scope="col">Hva skjer</th>' in html
    assert '<th scope="row">Nivå 2</th>' in html
    assert '<details class="ds-details">' in html and "<summary>" in html


# None: the site, its front pages, the menu and the language switcher's translations are memoised
# per cache generation (home/chrome.py), and the front page's body has no page links to fetch.
HOME_PAGE_QUERIES = {"rendered": 0, "content from cache": 0}


@pytest.mark.django_db
def test_home_page_query_count_does_not_grow_with_the_menu(client, settings, django_assert_num_queries):
    home = HomePage.objects.get(locale__language_code="nb")
    for menu_items in (0, 20):
        for number in range(menu_items):
            ContentPageFactory(
                parent=home, title=f"Menypunkt {number}", show_in_menus=True
            ).save_revision().publish()
        settings.PAGE_CONTENT_CACHE_SECONDS = 0
        client.get("/nb/")  # the chrome memo, as on a server that has served any page
        with django_assert_num_queries(HOME_PAGE_QUERIES["rendered"]):
            assert client.get("/nb/").status_code == 200
        settings.PAGE_CONTENT_CACHE_SECONDS = 3600
        client.get("/nb/")  # stores the content fragment
        with django_assert_num_queries(HOME_PAGE_QUERIES["content from cache"]):
            html = client.get("/nb/").content.decode()
    assert "Menypunkt 19" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "texts"),
    [
        (
            "/nb/tilgjengelighetserklaering/",
            ["WCAG 2.1 nivå AA", "Kjente avvik", "Diskrimineringsnemnda", "uustatus.no"],
        ),
        (
            "/nn/tilgjengelegheitserklaering/",
            ["Kjende avvik", "Gje oss tilbakemelding", "uu@fjordvik.example"],
        ),
    ],
)
def test_accessibility_statement_page(client, path, texts):
    html = client.get(path).content.decode()
    for text in texts:
        assert text in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "link"),
    [("/nb/", "/nb/tilgjengelighetserklaering/"), ("/nn/om-bti/", "/nn/tilgjengelegheitserklaering/")],
)
def test_every_footer_links_to_the_statement_in_its_language(client, path, link):
    footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
    assert f'href="{link}"' in footer
