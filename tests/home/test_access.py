from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from home.demo.bilingual import Glossary, translate
from home.factories import ContentPageFactory
from home.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]

ALLOWED = ["BTI-agenter", "Koordinatorer", "Redaktører"]


@pytest.fixture
def restricted_pages(django_capture_on_commit_callbacks):
    t = Glossary()
    page = ContentPageFactory(
        parent=HomePage.objects.get(locale__language_code="nb"),
        title=t.text("Lukket side", "Lukka side"),
        slug=t.text("lukket", "lukka"),
        intro=t.text("Bare for BTI-agenter.", "Berre for BTI-agentar."),
    )
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=ALLOWED))
    translate(page, t)
    return {"nb": "/nb/lukket/", "nn": "/nn/lukka/"}


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_anonymous_visitor_is_sent_to_login_in_same_language(client, restricted_pages, language):
    path = restricted_pages[language]
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/konto/login/?next={path}"


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_logged_in_outsider_gets_translated_403_not_a_redirect_loop(
    client, make_user, restricted_pages, language
):
    client.force_login(make_user("utenfor"))
    response = client.get(restricted_pages[language])
    assert response.status_code == 403
    text = {"nb": "Ingen tilgang", "nn": "Inga tilgang"}[language]
    assert text in response.content.decode()


@pytest.mark.parametrize("group", ALLOWED)
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_group_member_sees_restricted_page(client, make_user, restricted_pages, group, language):
    client.force_login(make_user("medlem", group))
    assert client.get(restricted_pages[language]).status_code == 200


def test_login_then_back_to_the_page(client, make_user, restricted_pages):
    make_user("agent1", "BTI-agenter")
    response = client.post(
        "/nn/konto/login/", {"login": "agent1", "password": "test-pass-123", "next": restricted_pages["nn"]}
    )
    assert response.status_code == 302
    assert response["Location"] == restricted_pages["nn"]
    assert client.get(restricted_pages["nn"]).status_code == 200


def test_restricted_pages_are_not_in_the_menu(client, restricted_pages):
    page = HomePage.objects.get(locale__language_code="nb").get_children().get(slug="lukket").specific
    page.show_in_menus = True
    page.save_revision().publish()
    assert 'href="/nb/lukket/"' not in client.get("/nb/").content.decode()


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Intranett")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=ALLOWED))
    document = get_document_model().objects.create(
        title="Referat", collection=collection, file=ContentFile(b"referat", name="referat.txt")
    )
    yield document
    document.file.delete(save=False)


def test_private_document_access(client, make_user, private_document):
    url = private_document.url
    assert url.startswith("/documents/")
    response = client.get(url)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    client.force_login(make_user("utenfor"))
    assert client.get(url).status_code == 403
    client.force_login(make_user("agent2", "BTI-agenter"))
    assert client.get(url).status_code == 200


def test_raw_media_path_of_a_document_is_not_served(client, private_document):
    assert client.get(f"/media/{private_document.file.name}").status_code == 404
