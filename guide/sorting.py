"""Norwegian alphabetical order (the service directory and the brochure sort by it)."""

NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e", "ä": "{", "ö": "|"})


def norwegian_sort_key(text: str) -> str:
    """Alphabetical order as in a Norwegian dictionary: … x y z æ ø å."""
    return text.lower().translate(NORWEGIAN_ORDER)
