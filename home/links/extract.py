"""Every link in the published pages and snippets, found by walking fields and StreamField data
generically: rich text (page, document and external links, embedded images), URL fields and
blocks, and page, document and image choosers wherever they sit in a stream."""

from dataclasses import dataclass

from django.db import models

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.models import get_snippet_models

from bs4 import BeautifulSoup

PAGE = "page"
DOCUMENT = "document"
IMAGE = "image"
EXTERNAL = "external"
CHECKED_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class Link:
    kind: str  # PAGE, DOCUMENT, IMAGE (target is the object's id) or EXTERNAL (target is the URL)
    target: str
    field: str
    text: str = ""


def links_in_rich_text(html: str, field: str):
    for tag in BeautifulSoup(html or "", "html.parser").find_all(["a", "embed"]):
        text = tag.get_text(" ", strip=True)[:255]
        if tag.name == "embed":
            if tag.get("embedtype") == "image" and tag.get("id"):
                yield Link(IMAGE, str(tag["id"]), field, tag.get("alt", "")[:255])
        elif tag.get("linktype") in (PAGE, DOCUMENT) and tag.get("id"):
            yield Link(tag["linktype"], str(tag["id"]), field, text)
        elif tag.get("href", "").startswith(CHECKED_SCHEMES):
            yield Link(EXTERNAL, tag["href"], field, text)


def links_in_block_data(block, data, field: str):
    """Walk a block's raw (JSON) data rather than its value: a chooser whose page or document was
    deleted has no value any more, but its id is still in the data, and that is the broken link."""
    if data in (None, "", []):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in data:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from links_in_block_data(child_block, child.get("value"), field)
    elif isinstance(block, blocks.ListBlock):
        for item in data:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            yield from links_in_block_data(block.child_block, value, field)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from links_in_block_data(child_block, data.get(name), field)
    elif isinstance(block, blocks.RichTextBlock):
        yield from links_in_rich_text(data, field)
    elif isinstance(block, blocks.URLBlock) and str(data).startswith(CHECKED_SCHEMES):
        yield Link(EXTERNAL, data, field)
    elif isinstance(block, blocks.PageChooserBlock):
        yield Link(PAGE, str(data), field)
    elif isinstance(block, DocumentChooserBlock):
        yield Link(DOCUMENT, str(data), field)
    elif isinstance(block, ImageChooserBlock):
        yield Link(IMAGE, str(data), field)


FOREIGN_KEY_KINDS = {Page: PAGE, get_document_model(): DOCUMENT, get_image_model(): IMAGE}


def links_in(instance):
    """The links in one page or snippet, from every field its model has."""
    for model_field in instance._meta.concrete_fields:
        name = str(model_field.verbose_name)
        if isinstance(model_field, StreamField):
            stream = getattr(instance, model_field.attname)
            yield from links_in_block_data(model_field.stream_block, stream.raw_data, name)
        elif isinstance(model_field, RichTextField):
            yield from links_in_rich_text(getattr(instance, model_field.attname), name)
        elif isinstance(model_field, models.URLField):
            url = getattr(instance, model_field.attname)
            if url and url.startswith(CHECKED_SCHEMES):
                yield Link(EXTERNAL, url, name)
        elif (
            isinstance(model_field, models.ForeignKey)
            and model_field.model is not Page
            and not model_field.remote_field.parent_link
        ):
            # Page's own keys (alias_of, owner…) and page_ptr are bookkeeping, not links an editor made.
            kind = FOREIGN_KEY_KINDS.get(model_field.related_model)
            target = getattr(instance, model_field.attname)
            if kind and target is not None:
                yield Link(kind, str(target), name)


def published_sources():
    """Every live page (its specific form) and every published snippet, in both languages."""
    yield from Page.objects.live().exclude(depth=1).specific().iterator()
    for model in get_snippet_models():
        objects = model.objects.all()
        if issubclass(model, DraftStateMixin):
            objects = objects.filter(live=True)
        yield from objects.iterator()
