"""Telephone numbers as people write them ("12 34 56 78", "116 111") turned into tel: addresses:
the one place both the templates (the `tel_href` filter) and schema.org data build them."""

import re


def tel_number(number: str) -> str:
    """The dialable number: digits only, a bare eight-digit Norwegian number with +47."""
    digits = re.sub(r"[^\d+]", "", number or "")
    if len(digits) == 8 and not digits.startswith("+"):
        return f"+47{digits}"
    return digits


def tel_href(number: str) -> str:
    """href for a telephone link: tel:+4712345678, tel:116111."""
    return f"tel:{tel_number(number)}"
