"""Draft locale/vendor/nn from django-allauth's Bokmål catalogue with Apertium (nob-nno_e).

allauth ships no Nynorsk. Run this after upgrading allauth (needs `apertium-nno-nob` from
Debian), then review the result: login, logout and password-reset strings were checked by hand,
and FIXES below records the corrections Apertium needed.

    .venv/bin/python scripts/draft_vendor_nynorsk.py

The drafts come from the portal's own Apertium engine (home/machine_translation), the one editors
use, so both get the same fixes.
"""

import html
import os
import re
import sys
from pathlib import Path

import django

import polib
from allauth import __file__ as allauth_init

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

SOURCE = Path(allauth_init).parent / "locale" / "nb" / "LC_MESSAGES" / "django.po"
TARGET = ROOT / "locale" / "vendor" / "nn" / "LC_MESSAGES" / "django.po"
# Only what visitors and agents can meet: account pages, forms, messages, e-mails, MFA.
USED_BY_PORTAL = (
    "templates/account",
    "templates/allauth",
    "templates/mfa",
    "account/adapter.py",
    "account/forms.py",
    "account/fields.py",
    "account/models.py",
    "mfa/",
)
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{\{[^}]*\}\}|\{[a-z_]*\}|<[^>]+>")
FIXES = {
    "Are you sure you want to sign out?": "Er du sikker på at du vil logge ut?",
    "Change Password": "Endre passord",
    "Set Password": "Lag passord",
}
REPLACEMENTS = [
    ("Vennligst ", "Ver venleg og "),
    ("Ellers", "Elles"),
    ("ellers", "elles"),
    (" bruker ", " brukar "),
    ("Vennlegast sjekk", "Sjekk"),
    (", vennlegast sjekk", ", sjekk"),
    ("vêr ", "ver "),
    ("Vêr ", "Ver "),
]


def protect(text: str) -> tuple[str, list[str]]:
    found = PLACEHOLDER.findall(text)
    for index, placeholder in enumerate(found):
        text = text.replace(placeholder, f" Qph{index}q ", 1)
    return text.replace("\n", " Qnlq "), found


def restore(translated: str, found: list[str], original: str) -> str:
    for index, placeholder in enumerate(found):
        at = original.find(placeholder)
        before = " " if at > 0 and original[at - 1] == " " else ""
        after = (
            " " if at + len(placeholder) < len(original) and original[at + len(placeholder)] == " " else ""
        )
        translated = re.sub(
            rf"\s*Qph{index}q\s*", lambda _m, r=before + placeholder + after: r, translated, count=1
        )
    translated = re.sub(r"\s?Qnlq\s?", "\n", translated)
    translated = re.sub(r"  +", " ", translated)
    translated = re.sub(r"\s+([.,:;!?)])", r"\1", translated).replace("( ", "(").strip()
    for old, new in REPLACEMENTS:
        translated = translated.replace(old, new)
    if original.endswith("\n") and not translated.endswith("\n"):
        translated += "\n"
    return translated


def main() -> None:
    entries = [
        entry
        for entry in polib.pofile(str(SOURCE))
        if (entry.msgstr or entry.msgstr_plural)
        and any(f.startswith(USED_BY_PORTAL) for f, _ in entry.occurrences)
    ]
    texts = []
    for entry in entries:
        if entry.msgid_plural:
            texts += [entry.msgstr_plural[0], entry.msgstr_plural.get(1, entry.msgstr_plural[0])]
        else:
            texts.append(entry.msgstr)
    django.setup()
    from home.machine_translation import Apertium

    protected = [protect(text) for text in texts]
    # The engine takes inline HTML, as wagtail-localize gives it; catalogue texts are plain.
    sources = [html.escape(text, quote=False) for text, _ in protected]
    translated = Apertium.from_settings({"CACHE_SECONDS": 0}).translate("nob-nno_e", sources)
    parts = [html.unescape(translated[source].text) for source in sources]
    drafts = iter(
        restore(part, found, text) for part, (_, found), text in zip(parts, protected, texts, strict=True)
    )

    catalogue = polib.POFile()
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "nn",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for entry in entries:
        draft = polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural)
        if entry.msgid_plural:
            draft.msgstr_plural = {0: next(drafts), 1: next(drafts)}
        else:
            draft.msgstr = FIXES.get(entry.msgid) or next(drafts)
            if entry.msgid in FIXES:
                next(drafts)
        draft.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        catalogue.append(draft)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(TARGET))
    print(f"{len(catalogue)} strings written to {TARGET}")


if __name__ == "__main__":
    main()
