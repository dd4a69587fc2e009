"""schema.org data for search engines, as a <script> element."""

import json

from django.utils.safestring import mark_safe


def json_ld_script(data: dict) -> str:
    """<script type="application/ld+json"> that no text inside can close (as Django's json_script)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 – escaped above
