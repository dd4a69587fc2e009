"""Uploads are never trusted as web content (home/uploads.py): SVG refused with one clear,
translated message; files served with a sandboxing CSP and nosniff."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db

HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'/nb/konto/mine-data/\')">'
    b"<script>alert(document.cookie)</script></svg>"
)


def png_bytes():
    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def image_form(name, content, content_type):
    form_class = get_image_form(get_image_model())
    return form_class(
        data={"title": "Opplasting", "collection": 1},
        files={"file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("tegning.svg", "image/svg+xml"), ("tegning.png", "image/png"), ("tegning", "application/octet-stream")],
)
def test_a_hostile_svg_is_refused_whatever_it_is_called(name, content_type):
    form = image_form(name, HOSTILE_SVG, content_type)
    assert not form.is_valid()
    errors = form.errors["file"]
    assert len(errors) == 1, errors  # one message, not Wagtail's and Django's both
    assert 'Filendelsen ""' not in " ".join(errors)
    assert get_image_model().objects.filter(title="Opplasting").count() == 0


def test_svg_is_no_longer_an_allowed_image_type(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.parametrize(
    ("language", "text"), [("nb", "SVG-filer kan ikke lastes opp"), ("nn", "SVG-filer kan ikkje lastast opp")]
)
def test_the_upload_form_says_svg_is_refused(language, text):
    with translation.override(language):
        form = image_form("bilde.png", png_bytes(), "image/png")
        assert text in str(form.fields["file"].help_text)


def test_a_real_png_is_still_accepted():
    form = image_form("bilde.png", png_bytes(), "image/png")
    assert form.is_valid(), form.errors


def test_documents_are_served_sandboxed(client):
    document = get_document_model().objects.create(
        title="Plan", file=SimpleUploadedFile("plan.txt", b"<html><script>alert(1)</script></html>")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(DEBUG=True)
def test_media_served_by_django_is_sandboxed(client, settings, tmp_path):
    from django.urls import clear_url_caches

    import portal.urls

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "x.png").write_bytes(png_bytes())
    import importlib

    importlib.reload(portal.urls)
    clear_url_caches()
    try:
        response = client.get("/media/original_images/x.png")
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert response["X-Content-Type-Options"] == "nosniff"
    finally:
        settings.DEBUG = False
        importlib.reload(portal.urls)
        clear_url_caches()


def test_the_nginx_config_sends_the_same_headers_for_media():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "deployment.md").read_text()
    for location in ("/media/images/", "/media/original_images/"):
        block = text.split(f"location {location}", 1)[1].split("}", 1)[0]
        assert "default-src 'none'; sandbox" in block, location
        assert "nosniff" in block, location
