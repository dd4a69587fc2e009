"""Document responses carry honest headers (home/document_serving.py), checked over real HTTP: no
`Content-Encoding: None`, no empty ETag, private documents never kept by any cache, public ones may be."""

import http.client
import urllib.parse

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def documents():
    Document = get_document_model()
    private_collection = Collection.get_first_root_node().add_child(name="Intranett")
    restriction = CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="BTI-agenter"))
    public = Document.objects.create(title="Plan", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf"))
    private = Document.objects.create(
        title="Referat",
        collection=private_collection,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="referat.pdf"),
    )
    yield {"public": public, "private": private}
    for document in (public, private):
        document.file.delete(save=False)


def fetch(url, headers=None):
    """Status and raw headers of a GET, as they go over the wire (redirects not followed)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, response.headers
    finally:
        connection.close()


def assert_honest(headers):
    assert "Content-Encoding" not in headers, headers["Content-Encoding"]
    etag = headers.get("ETag")
    assert etag is None or etag.strip('W/"'), etag


def test_a_public_document_may_be_cached_and_has_a_real_etag(live_server, documents):
    status, headers = fetch(live_server.url + documents["public"].url)
    assert status == 200
    assert_honest(headers)
    assert headers["ETag"].strip('"') == get_document_model().objects.get(pk=documents["public"].pk).file_hash
    directives = {part.strip() for part in headers["Cache-Control"].split(",")}
    assert "public" in directives and any(part.startswith("max-age=") for part in directives)
    assert "private" not in directives and "no-store" not in directives


def test_an_empty_if_none_match_does_not_get_a_304(live_server, documents):
    status, _headers = fetch(live_server.url + documents["public"].url, {"If-None-Match": '""'})
    assert status == 200


def test_a_private_document_is_never_stored_by_a_cache(live_server, documents, client, make_user):
    url = live_server.url + documents["private"].url
    status, headers = fetch(url)  # anonymous: sent to the login page, and that answer is not cached either
    assert status == 302
    assert "no-store" in headers["Cache-Control"]

    client.force_login(make_user("agent-dokument", "BTI-agenter"))
    session = client.cookies["sessionid"].value
    status, headers = fetch(url, {"Cookie": f"sessionid={session}"})
    assert status == 200
    assert_honest(headers)
    directives = {part.strip() for part in headers["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "public" not in directives and not any(part.startswith("max-age=") for part in directives)
