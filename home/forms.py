import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

# What the inside of each allowed file type must look like.
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
TEXT_SAMPLE = 64 * 1024


def content_matches_extension(uploaded, extension: str) -> bool:
    uploaded.seek(0)
    head = uploaded.read(TEXT_SAMPLE)
    uploaded.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("txt", "csv"):
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A cut in the middle of a multi-byte character at the end of the sample is fine.
            return error.start >= len(head) - 3
        return True
    if extension in OOXML_FOLDERS or extension in ODF_MIMETYPES:
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = archive.namelist()
                if extension in OOXML_FOLDERS:
                    return "[Content_Types].xml" in names and any(
                        name.startswith(OOXML_FOLDERS[extension]) for name in names
                    )
                return "mimetype" in names and archive.read("mimetype").strip() == ODF_MIMETYPES[extension]
        except (zipfile.BadZipFile, KeyError, OSError):
            return False
        finally:
            uploaded.seek(0)
    return False


class SafeDocumentForm(BaseDocumentForm):
    """Documents: an allow-list of types, checked by content, and a size limit."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not hasattr(uploaded, "size") or not hasattr(uploaded, "content_type"):
            return uploaded  # an existing file kept on edit
        if uploaded.size > settings.DOCUMENT_MAX_UPLOAD_SIZE:
            raise ValidationError(
                _("Filen er for stor (%(size)s). Største tillatte størrelse er %(limit)s."),
                params={
                    "size": filesizeformat(uploaded.size),
                    "limit": filesizeformat(settings.DOCUMENT_MAX_UPLOAD_SIZE),
                },
                code="too_large",
            )
        extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise ValidationError(
                _("Filtypen er ikke tillatt. Tillatte typer: %(types)s."),
                params={"types": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)},
                code="type_not_allowed",
            )
        if not content_matches_extension(uploaded, extension):
            raise ValidationError(
                _(
                    "Innholdet i filen stemmer ikke med filtypen .%(extension)s. Lagre filen på nytt i riktig format."
                ),
                params={"extension": extension},
                code="content_mismatch",
            )
        return uploaded
