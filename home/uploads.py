"""Uploaded files are never trusted as web content.

- Images: no SVG (an SVG is a document that can carry script; served from our origin it would
  run with the visitor's session). The upload form says so, in the editor's language, and shows
  one message for a refused type, not Wagtail's and Django's both (Django's said
  `Filendelsen "" er ikke tillatt` for a file without an extension).
- Everything under MEDIA_URL and /documents/ is answered with
  `Content-Security-Policy: default-src 'none'; sandbox` and `X-Content-Type-Options: nosniff`:
  even a file that slipped through cannot run script or be sniffed into HTML. nginx sends the
  same headers for the files it serves itself (docs/deployment.md).
- Which documents a cache may keep is decided per document in home/document_serving.py.
"""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import ImageFileExtensionValidator
from wagtail.images.forms import BaseImageForm

MEDIA_CSP = "default-src 'none'; sandbox"
DOCUMENT_PREFIX = "/documents/"
SVG_HELP = _("SVG-filer kan ikke lastes opp, fordi de kan inneholde skript. Lagre tegningen som PNG.")


class SafeImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: the allowed types in the help text, SVG refused, one error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        # WagtailImageField.to_python checks the extension itself, with a message naming the
        # allowed types; the extra validator only repeated it in Django's words.
        field.validators = [
            validator
            for validator in field.validators
            if validator is not ImageFileExtensionValidator
            and not isinstance(validator, FileExtensionValidator)
        ]
        field.help_text = f"{field.help_text} {SVG_HELP}".strip()


def is_user_media(path: str) -> bool:
    return path.startswith((settings.MEDIA_URL, DOCUMENT_PREFIX))


class MediaHeadersMiddleware:
    """Placed before django-csp's middleware, so its header replaces the site policy on files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_user_media(request.path_info) and response.status_code < 300:
            response["Content-Security-Policy"] = MEDIA_CSP
            response["X-Content-Type-Options"] = "nosniff"
            response.headers.pop("Content-Security-Policy-Report-Only", None)
        return response
