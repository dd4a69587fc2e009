from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.factories import ContentPageFactory, HomePageFactory
from home.models import AccessibilityStatementPage, ContentPage
from tests.portal import HOME_FAQ, HOME_TABLE, HOME_TABLE_CAPTION, STATEMENT_DEVIATION, STATEMENT_EMAIL, parse


class TestCreatingPages(WagtailPageTestCase):
    def test_editor_can_create_content_page_with_every_block(self):
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="forside")
        Site.objects.update(root_page=home)  # the new page must have a URL to be rendered
        self.client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@x.example", "pw-123456789")
        )
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


@pytest.mark.django_db
def test_the_admin_refuses_a_page_type_where_the_tree_rules_forbid_it(admin_client, portal):
    """Behaviour, not a restatement of parent_page_types: what the editor is offered and refused."""
    statement = portal.statement["nb"]
    choose = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[portal.home["nb"].pk]))
    assert choose.status_code == 200
    offered = choose.content.decode()
    assert "/admin/pages/add/home/contentpage/" in offered
    assert "/admin/pages/add/home/accessibilitystatementpage/" not in offered  # one per language tree
    for parent, model in ((statement, "contentpage"), (portal.home["nb"], "accessibilitystatementpage")):
        response = admin_client.get(reverse("wagtailadmin_pages:add", args=["home", model, parent.pk]))
        assert response.status_code in (302, 403), (parent, model)
    assert not AccessibilityStatementPage.can_create_at(portal.home["nn"])
    assert ContentPage.can_create_at(portal.about["nb"])


@pytest.mark.django_db
def test_pages_are_routable_in_both_languages(client, portal):
    for language in ("nb", "nn"):
        for page in portal.pages(language):
            expected = 302 if page.url.startswith(f"/{language}/intranett/") else 200
            assert client.get(page.url).status_code == expected, page.url


@pytest.mark.django_db
def test_content_page_renders_blocks_accessibly(client, portal):
    page = parse(client.get("/nb/").content)
    assert page.select_one("a.ds-skip-link")["href"] == "#main"
    assert page.select_one("#main").name == "main"
    table = page.select_one("main table")
    assert table.caption.get_text(strip=True) == HOME_TABLE_CAPTION[0]
    assert [th.get_text(strip=True) for th in table.select("th[scope=col]")] == [c[0] for c in HOME_TABLE[0]]
    assert [th.get_text(strip=True) for th in table.select("th[scope=row]")] == [
        r[0][0] for r in HOME_TABLE[1:]
    ]
    assert page.select_one("main details summary").get_text(strip=True) == HOME_FAQ[0][0]


# None: the site, its front pages, the menu and the language switcher's translations are memoised
# per cache generation (home/chrome.py), and the front page's body has no page links to fetch.
HOME_PAGE_QUERIES = {"rendered": 0, "content from cache": 0}


@pytest.mark.django_db
def test_home_page_query_count_does_not_grow_with_the_menu(
    client, settings, portal, django_assert_num_queries
):
    home = portal.home["nb"]
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
    ("language", "texts"),
    [
        ("nb", ["WCAG 2.1 nivå AA", "Kjente avvik", "Diskrimineringsnemnda", "uustatus.no"]),
        ("nn", ["Kjende avvik", "Gje oss tilbakemelding", STATEMENT_EMAIL]),
    ],
)
def test_accessibility_statement_page(client, portal, language, texts):
    html = client.get(portal.statement[language].url).content.decode()
    deviation = {"nb": STATEMENT_DEVIATION[0], "nn": STATEMENT_DEVIATION[1]}[language]
    for text in [*texts, strip_tags(deviation)]:
        assert text in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "link"),
    [("/nb/", "/nb/tilgjengelighetserklaering/"), ("/nn/om-bti/", "/nn/tilgjengelegheitserklaering/")],
)
def test_every_footer_links_to_the_statement_in_its_language(client, portal, path, link):
    footer = parse(client.get(path).content).select_one("footer")
    assert link in [a.get("href") for a in footer.select("a")]
