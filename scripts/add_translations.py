"""Add or update strings in locale/nb and locale/nn, then compile them. Safe to run concurrently.

Input: a JSON file mapping each Bokmål msgid to its Nynorsk text. For plurals, the key is
"singular||plural" and the value a two-item list [nynorsk singular, nynorsk plural].

    .venv/bin/python scripts/add_translations.py my-strings.json

The Bokmål catalogue gets msgstr = msgid (the source language is Bokmål)."""

import fcntl
import json
import sys
from pathlib import Path

import polib
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def upsert(catalogue: polib.POFile, msgid: str, msgid_plural: str | None, singular: str, plural: str | None):
    entry = catalogue.find(msgid)
    if entry is None:
        entry = polib.POEntry(msgid=msgid, msgid_plural=msgid_plural or "")
        catalogue.append(entry)
    if entry.obsolete:
        entry.obsolete = False
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    if msgid_plural:
        entry.msgid_plural = msgid_plural
        entry.msgstr_plural = {0: singular, 1: plural or singular}
    else:
        entry.msgstr = singular
    if "%(" in msgid and "python-format" not in entry.flags:
        entry.flags.append("python-format")


def compile_catalogue(po_path: Path) -> None:
    with po_path.open("rb") as source:
        catalogue = read_po(source)
    with po_path.with_suffix(".mo").open("wb") as target:
        write_mo(target, catalogue)


def main(json_path: str) -> None:
    strings = json.loads(Path(json_path).read_text(encoding="utf-8"))
    with (LOCALE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for language in ("nb", "nn"):
            po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
            catalogue = polib.pofile(str(po_path), wrapwidth=0)
            for key, nynorsk in strings.items():
                msgid, _, msgid_plural = key.partition("||")
                if language == "nb":
                    upsert(catalogue, msgid, msgid_plural, msgid, msgid_plural or None)
                elif msgid_plural:
                    upsert(catalogue, msgid, msgid_plural, nynorsk[0], nynorsk[1])
                else:
                    upsert(catalogue, msgid, None, nynorsk, None)
            catalogue.save(str(po_path))
            compile_catalogue(po_path)
    print(f"{len(strings)} strings added or updated in locale/nb and locale/nn")


if __name__ == "__main__":
    main(sys.argv[1])
