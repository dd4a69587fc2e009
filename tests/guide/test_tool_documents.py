"""The guide's tools as real documents (guide/tool_documents.py): an editable Word file and a tagged
PDF, both made from the form content on the Tool snippet, in both written forms; an edit in the admin
changes both files; who may download them is who may see the tool library."""

import io

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest
from docx import Document
from pypdf import PdfReader

from guide.factories import ToolFactory
from guide.models import Tool, ToolLibraryPage
from home.demo.bilingual import Glossary, translate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]

FORM = {
    "title": ("Samtykke til samarbeid", "Samtykke til samarbeid"),
    "heading": ("Hva samtykket gjelder", "Kva samtykket gjeld"),
    "paragraph": (
        "Samtykket kan trekkes tilbake når som helst.",
        "Samtykket kan trekkjast tilbake når som helst.",
    ),
    "field": ("Barnets navn", "Namnet til barnet"),
    "option": ("Helsestasjonen", "Helsestasjonen"),
    "signer": ("Foresatt 1", "Føresett 1"),
}


@pytest.fixture
def tools(nb):
    t = Glossary()
    text = {key: t.text(*pair) for key, pair in FORM.items()}
    tool = ToolFactory(
        locale=nb,
        title=text["title"],
        description=t.text("Foreldrenes samtykke.", "Samtykket frå foreldra."),
        document=None,
        form=[
            ("heading", text["heading"]),
            ("paragraph", text["paragraph"]),
            ("field", {"label": text["field"], "help": "", "lines": 2}),
            ("checkboxes", {"question": "", "options": [text["option"]]}),
            ("signature", {"signers": [text["signer"]]}),
        ],
    )
    return {"nb": tool, "nn": translate(tool, t)}


def download(client, tool, extension):
    files = {file.kind: file for file in Tool.objects.get(pk=tool.pk).generated_files}
    url = files["Word" if extension == "docx" else "PDF"].url
    assert url.endswith(f".{extension}")
    return client.get(url)


def docx_text(content: bytes) -> tuple[list[str], str]:
    document = Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return headings, "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_a_tool_is_an_editable_word_file_in_its_language(client, tools, language):
    response = download(client, tools[language], "docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    index = 0 if language == "nb" else 1
    headings, text = docx_text(response.content)
    assert headings == [FORM["title"][index], FORM["heading"][index]]
    for key in ("paragraph", "field", "option", "signer"):
        assert FORM[key][index] in text
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.title == FORM["title"][index]
    assert document.core_properties.language == f"{language}-NO"


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_a_tool_is_a_tagged_pdf_in_its_language(client, tools, language):
    response = download(client, tools[language], "pdf")
    assert response.status_code == 200
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]) == f"{language}-NO"
    index = 0 if language == "nb" else 1
    assert reader.metadata.title == FORM["title"][index]
    text = " ".join(page.extract_text() for page in reader.pages)
    for key in ("heading", "field", "option", "signer"):
        assert FORM[key][index] in text


def test_editing_the_form_changes_both_files(client, tools):
    tool = Tool.objects.get(pk=tools["nb"].pk)
    before = {extension: download(client, tool, extension).content for extension in ("docx", "pdf")}
    tool.form = [("heading", "Hva foreldrene samtykker til")]
    tool.save()
    docx = download(client, tool, "docx").content
    pdf = download(client, tool, "pdf").content
    assert docx != before["docx"] and pdf != before["pdf"]
    assert "Hva foreldrene samtykker til" in docx_text(docx)[0]
    assert "Hva foreldrene samtykker til" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_the_tool_library_links_both_files_with_type_and_size(client, portal, tools):
    html = client.get(portal.library["nn"].url).content.decode()
    for file in Tool.objects.get(pk=tools["nn"].pk).generated_files:
        # Absolute, so a printed page gives an address a reader can type in (print.css).
        assert f'href="http://testserver{file.url}"' in html
        assert f"({file.kind}, " in html and " kB)" in html


def test_public_tools_are_public_and_a_closed_library_closes_its_files(client, tools, make_user):
    response = download(client, tools["nb"], "pdf")
    assert response.status_code == 200 and "public" in response["Cache-Control"]

    library = ToolLibraryPage.objects.get(locale__language_code="nb")
    restriction = PageViewRestriction.objects.create(
        page=library, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="BTI-agenter"))
    response = download(client, tools["nb"], "pdf")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    client.force_login(make_user("utenfor-verktoy"))
    assert download(client, tools["nb"], "docx").status_code == 403
    client.force_login(make_user("agent-verktoy", "BTI-agenter"))
    response = download(client, tools["nb"], "docx")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
