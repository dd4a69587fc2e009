"""Find what may be a Norwegian national identity number (fødselsnummer, D-nummer, H-nummer) in
free text.

Forms on the intranet are for evaluation and reporting; they must never hold data that identifies
a child or a family. The guard therefore errs on the side of refusing: a text is refused when it
holds 11 digits in a row whose first six form a date of birth (ddmmyy; a D-nummer adds 40 to the
day, an H-nummer 40 to the month), whether or not the control digits are right. A number typed
wrongly by one digit still identifies the child to anyone who has the register, and a checksum
test let exactly those numbers through. The price is that the odd account number or order number
that happens to start with a date is refused too; the agent can write it differently, a child's
identity cannot be taken back out of the database.

"In a row" is read as a person (or a copy-paste) writes it: the text is NFKC-normalised (full-width
digits and punctuation become plain ones), every Unicode decimal digit counts as its value, and
up to MAX_SEPARATOR characters that are neither letters nor digits may stand between two digits
(spaces, dots, hyphens, slashes, zero-width and other invisible characters). Digits joined that
way form groups of "chunks" (digits written together); any run of neighbouring chunks with 11
digits in all is a candidate, so `15.03.87 10041` is one and so is an 11-digit number written
next to a phone number, but 11 digits inside a longer unbroken number are not.

`is_valid_national_id` still checks the control digits (Skatteetaten's mod-11 rule) for code
that needs to know whether a number is a real one; the form guard does not use it."""

import datetime
import re
import unicodedata

# Enough for "15 . 03" or a zero-width space beside a space; more, and unrelated numbers in a list
# would be read as one.
MAX_SEPARATOR = 3
DIGITS_IN_ID = 11
WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
D_NUMBER_OFFSET = H_NUMBER_OFFSET = 40


def _normalised(text: str) -> str:
    """NFKC, then every decimal digit of any script as an ASCII digit."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


# A run of digits, then more runs each after at most MAX_SEPARATOR characters that are neither
# letters nor digits (`[\W_]`: punctuation, spaces, symbols, invisible format characters).
CHUNK_GROUP = re.compile(rf"[0-9]+(?:[\W_]{{1,{MAX_SEPARATOR}}}[0-9]+)*")


def digit_chunk_groups(text: str) -> list[list[str]]:
    """The text's digits as groups of chunks: a chunk is digits written together, a group is
    chunks with at most MAX_SEPARATOR separator characters between them."""
    return [re.findall("[0-9]+", match.group()) for match in CHUNK_GROUP.finditer(_normalised(text or ""))]


def has_date_of_birth(digits: str) -> bool:
    """Whether ddmmyy is a real date in some century, with D- and H-nummer offsets."""
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if day > D_NUMBER_OFFSET:
        day -= D_NUMBER_OFFSET
    if month > H_NUMBER_OFFSET:
        month -= H_NUMBER_OFFSET
    for century in (1900, 2000, 1800):
        try:
            datetime.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def candidates(text: str):
    """Every 11-digit number in the text that starts with a date of birth."""
    for chunks in digit_chunk_groups(text):
        for start in range(len(chunks)):
            digits = ""
            for chunk in chunks[start:]:
                digits += chunk
                if len(digits) >= DIGITS_IN_ID:
                    break
            if len(digits) == DIGITS_IN_ID and has_date_of_birth(digits):
                yield digits


def contains_national_id(text: str) -> bool:
    """What the form guard refuses: anything that may be a national identity number."""
    return next(candidates(text), None) is not None


def control_digit(digits, weights) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return None if check == 10 else check


def is_valid_national_id(number: str) -> bool:
    """A real fødselsnummer/D-nummer/H-nummer: a date of birth and both control digits right."""
    digits = "".join(c for c in _normalised(number) if c.isdigit() and c.isascii())
    if len(digits) != DIGITS_IN_ID or not has_date_of_birth(digits):
        return False
    k1 = control_digit(digits[:9], WEIGHTS_1)
    if k1 is None or k1 != int(digits[9]):
        return False
    k2 = control_digit(digits[:10], WEIGHTS_2)
    return k2 is not None and k2 == int(digits[10])
