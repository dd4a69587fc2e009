"""Honest headers on every document response (Wagtail's /documents/ view and the portal's own).

Wagtail's serve view, as of this version, sends `Content-Encoding: None` (the text of Python's
None) when the file name suggests no encoding, and `ETag: ""` for a document whose hash was never
computed, so that any request with `If-None-Match: ""` would get a 304 for it. And nothing in it
says whether a shared cache may keep the file. Here:

- the hash is computed before serving, so the ETag is real (or absent when the file is gone);
- a `Content-Encoding` that names no encoding is dropped;
- a document in a collection with a view restriction (the intranet's minutes, anything behind
  login or a password) is `Cache-Control: private, no-store`; every other document may be kept by
  any cache for an hour and is then revalidated with its ETag.
"""

import contextlib

from django.utils.cache import patch_cache_control

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve

PUBLIC_MAX_AGE = 60 * 60
MEANINGLESS_HEADER_VALUES = {"", "None", '""', 'W/""'}


def is_private(collection) -> bool:
    """Whether the collection, or one of its ancestors, restricts who may see its documents."""
    return collection is not None and bool(collection.get_view_restrictions())


def set_cache_headers(response, private: bool):
    if private:
        patch_cache_control(response, private=True, no_store=True)
        response.headers.pop("Expires", None)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def drop_meaningless_headers(response):
    for header in ("Content-Encoding", "ETag"):
        if response.headers.get(header) in MEANINGLESS_HEADER_VALUES:
            del response.headers[header]
    return response


def serve(request, document_id, document_filename):
    """Wagtail's document view (permission hooks, signal, conditional GET) with the headers above."""
    document = get_document_model().objects.select_related("collection").filter(pk=document_id).first()
    if document is not None and not document.file_hash:
        # Saved, so Wagtail's own query sees it. A missing file is Wagtail's view's to answer for.
        with contextlib.suppress(OSError, ValueError):
            document.get_file_hash()
    response = drop_meaningless_headers(wagtail_serve(request, document_id, document_filename))
    return set_cache_headers(response, private=document is None or is_private(document.collection))
