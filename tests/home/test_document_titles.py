"""A document link's text belongs to the page and is translated with it (home.blocks.DocumentLinkBlock):
a Nynorsk page shows the Nynorsk title of a document, never the document's one (Bokmål) title."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from home.blocks import DocumentLinkBlock
from home.demo.bilingual import Glossary, translate
from home.factories import ContentPageFactory
from home.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]


@pytest.fixture
def handout():
    document = get_document_model().objects.create(
        title="Brukerveiledning: stafettloggen", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="logg.pdf")
    )
    yield document
    document.file.delete(save=False)


def test_an_empty_link_text_is_filled_with_the_documents_title_on_save(handout):
    block = DocumentLinkBlock()
    value = block.clean(block.to_python({"document": handout.pk, "title": ""}))
    assert value["title"] == "Brukerveiledning: stafettloggen"
    kept = block.clean(block.to_python({"document": handout.pk, "title": "Slik bruker du loggen"}))
    assert kept["title"] == "Slik bruker du loggen"


def test_the_nynorsk_page_shows_the_nynorsk_title(client, handout):
    t = Glossary()
    block = DocumentLinkBlock()
    link = block.clean(block.to_python({"document": handout.pk, "title": ""}))  # as the editor saves it
    t.text(link["title"], "Brukarrettleiing: stafettloggen")
    page = ContentPageFactory(
        parent=HomePage.objects.get(locale__language_code="nb"),
        title=t.text("Opplæring", "Opplæring"),
        slug=t.text("opplaering", "opplaering"),
        intro=t.text("Filer til kurset.", "Filer til kurset."),
        body=[("documents", {"title": t.text("Filer", "Filer"), "documents": [link]})],
    )
    translate(page, t)
    nb = client.get("/nb/opplaering/").content.decode()
    nn = client.get("/nn/opplaering/").content.decode()
    assert "Brukerveiledning: stafettloggen" in nb
    assert "Brukarrettleiing: stafettloggen" in nn and "Brukerveiledning" not in nn
