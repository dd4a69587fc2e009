"""Find Norwegian national identity numbers (fødselsnummer and D-nummer) in free text.

Forms on the intranet are for evaluation and reporting; they must never hold data that
identifies a child or a family. A number counts as a national identity number when it has
11 digits (spaces or a dot/dash after the date part are tolerated), a real date of birth (for a
D-nummer the day is increased by 40), and both mod-11 control digits are right. Other 11-digit
numbers – account numbers, phone numbers with country code – pass."""

import datetime
import re

CANDIDATE = re.compile(r"(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)")
WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def control_digit(digits, weights) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return None if check == 10 else check


def has_valid_date(digits: str) -> bool:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if day > 40:  # D-nummer
        day -= 40
    for century in (1900, 2000, 1800):
        try:
            datetime.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def is_national_id(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if len(digits) != 11 or not has_valid_date(digits):
        return False
    k1 = control_digit(digits[:9], WEIGHTS_1)
    if k1 is None or k1 != int(digits[9]):
        return False
    k2 = control_digit(digits[:10], WEIGHTS_2)
    return k2 is not None and k2 == int(digits[10])


def contains_national_id(text: str) -> bool:
    return any(is_national_id(match.group(1) + match.group(2)) for match in CANDIDATE.finditer(text or ""))
