"""What a visitor typed into a search or filter box, made safe to use: the one cleaning rule for the
site search (home/search.py) and the service directory's text filter (guide/directory_filters.py)."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200


def clean_query(raw: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    """Drop what no search needs (control characters such as NUL, lone surrogates), collapse
    white space and cap the length at `max_length` characters."""
    text = "".join(
        char
        for char in raw[: max_length * 4]
        if unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn"} or char in " \t"
    )
    return re.sub(r"\s+", " ", text).strip()[:max_length]
