"""The guide's tools as real documents: an editable Word file and a tagged PDF (PDF/UA-1), both made
from the form content editors keep on the Tool snippet (guide.blocks.ToolFormBlock), in the tool's
language. A municipality edits the text in the admin and both files follow.

The files are served at stable addresses (/verktoy/<id>/<slug>.docx and .pdf) and kept in the Django
cache under a digest of what they are made from (title, description, form, municipality), so an edit
makes a new file at once and an unchanged tool is never built twice; the digest is also the ETag.
Who may download them is who may see the tool library of the tool's language (public tools are
public); the cache headers are those of every other document (home/document_serving.py)."""

import hashlib
import io
import json
import logging
from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.text import slugify
from django.utils.translation import gettext

from home.chrome import site_profile
from home.document_serving import set_cache_headers

from .brochure import OnlyDataURLs, stylesheet_text
from .models import Tool, ToolLibraryPage

logger = logging.getLogger(__name__)

CACHE_SECONDS = 60 * 60 * 24 * 30
STYLESHEET = "css/tool-form.css"
FORMAT_VERSION = 1  # raise when the layout of the files changes, so cached files are rebuilt
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
# BCP 47 tags for the files' language metadata (screen readers and spelling in Word read them).
LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO"}


# --- What a file is made of -----------------------------------------------------------------------


def municipality_name(language: str) -> str:
    profile = site_profile(language)
    return getattr(profile, "municipality_name", "") or ""


def content_digest(tool: Tool) -> str:
    language = tool.locale.language_code
    material = json.dumps(
        [
            FORMAT_VERSION,
            language,
            tool.title,
            tool.description,
            list(tool.form.raw_data),
            municipality_name(language),
        ],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def file_name_for(tool: Tool, extension: str) -> str:
    return f"{slugify(tool.title) or 'verktoy'}.{extension}"


# --- Word -----------------------------------------------------------------------------------------


def set_document_language(document, tag: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document.core_properties.language = tag
    run_properties = document.styles["Normal"].element.get_or_add_rPr()
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)
    lang.set(qn("w:val"), tag)


def build_docx(tool: Tool) -> bytes:
    from docx import Document
    from docx.shared import Pt

    language = tool.locale.language_code
    with translation.override(language):
        document = Document()
        set_document_language(document, LANGUAGE_TAGS.get(language, language))
        document.core_properties.title = tool.title
        document.core_properties.author = municipality_name(language)
        document.core_properties.subject = tool.description[:255]
        document.styles["Normal"].font.size = Pt(11)
        if municipality := municipality_name(language):
            document.add_paragraph(municipality)
        document.add_heading(tool.title, level=1)
        if tool.description:
            document.add_paragraph(tool.description).runs[0].italic = True
        for block in tool.form:
            value = block.value
            if block.block_type == "heading":
                document.add_heading(value, level=2)
            elif block.block_type == "paragraph":
                for text in value.split("\n\n"):
                    document.add_paragraph(text.strip())
            elif block.block_type == "field":
                document.add_paragraph().add_run(value["label"]).bold = True
                if value["help"]:
                    document.add_paragraph(value["help"]).runs[0].italic = True
                # A bordered box to write in: a one-cell table grows as the text is typed.
                cell = document.add_table(rows=1, cols=1, style="Table Grid").cell(0, 0)
                for _line in range(max(0, (value["lines"] or 1) - 1)):
                    cell.add_paragraph()
            elif block.block_type == "checkboxes":
                if value["question"]:
                    document.add_paragraph().add_run(value["question"]).bold = True
                for option in value["options"]:
                    document.add_paragraph(f"☐ {option}")
            elif block.block_type == "signature":
                table = document.add_table(rows=1 + len(value["signers"]), cols=3, style="Table Grid")
                for cell, text in zip(
                    table.rows[0].cells,
                    [gettext("Hvem"), gettext("Sted og dato"), gettext("Underskrift")],
                    strict=True,
                ):
                    cell.paragraphs[0].add_run(text).bold = True
                for row, signer in zip(table.rows[1:], value["signers"], strict=True):
                    row.cells[0].text = signer
                    row.cells[2].add_paragraph()
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


# --- PDF ------------------------------------------------------------------------------------------


def build_pdf(tool: Tool) -> bytes:
    from weasyprint import CSS, HTML

    language = tool.locale.language_code
    with translation.override(language):
        html = render_to_string(
            "pdf/guide/tool_form.html",
            {
                "tool": tool,
                "municipality": municipality_name(language),
                "language_tag": LANGUAGE_TAGS.get(language, language),
            },
        )
        fetcher = OnlyDataURLs()
        return HTML(string=html, url_fetcher=fetcher, base_url="data:,").write_pdf(
            stylesheets=[CSS(string=stylesheet_text(STYLESHEET), url_fetcher=fetcher)],
            pdf_variant="pdf/ua-1",
        )


BUILDERS = {"docx": build_docx, "pdf": build_pdf}


def get_file(tool: Tool, extension: str, digest: str | None = None) -> bytes:
    digest = digest or content_digest(tool)
    key = f"guide:tool:{extension}:{tool.pk}:{digest}"
    data = cache.get(key)
    if data is None:
        data = BUILDERS[extension](tool)
        logger.info("tool file built: %s (%d bytes)", key, len(data))
        cache.set(key, data, timeout=CACHE_SECONDS)
    return data


# --- Links ----------------------------------------------------------------------------------------


@dataclass
class GeneratedFile:
    kind: str  # what the link says the file is: "Word", "PDF"
    url: str
    size: int


def generated_files(tool: Tool) -> list[GeneratedFile]:
    if not tool.form:
        return []
    digest = content_digest(tool)
    return [
        GeneratedFile(
            kind,
            reverse("tool_document", kwargs={"tool_id": tool.pk, "filename": file_name_for(tool, extension)}),
            len(get_file(tool, extension, digest)),
        )
        for kind, extension in (("Word", "docx"), ("PDF", "pdf"))
    ]


# --- Serving --------------------------------------------------------------------------------------


def tool_library_restrictions(tool: Tool) -> list:
    library = ToolLibraryPage.objects.filter(locale_id=tool.locale_id).live().first()
    return list(library.get_view_restrictions()) if library is not None else []


def serve(request, tool_id: int, filename: str):
    tool = get_object_or_404(Tool.objects.select_related("locale"), pk=tool_id)
    extension = filename.rpartition(".")[2]
    if extension not in BUILDERS or not tool.form or filename != file_name_for(tool, extension):
        raise Http404
    restrictions = tool_library_restrictions(tool)
    for restriction in restrictions:
        if not restriction.accept_request(request):
            if not request.user.is_authenticated:
                return set_cache_headers(redirect_to_login(request.get_full_path()), private=True)
            raise PermissionDenied
    digest = content_digest(tool)
    etag = f'"{digest}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        data = get_file(tool, extension, digest)
        response = HttpResponse(data, content_type=CONTENT_TYPES[extension])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Content-Length"] = str(len(data))
        response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = etag
    return set_cache_headers(response, private=bool(restrictions))
