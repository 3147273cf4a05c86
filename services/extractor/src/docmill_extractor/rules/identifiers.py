"""A party's Aadhaar, PAN, phones and email, as printed or as OCR returns them.

Tesseract splits figures at a narrow "1" ("8407101 186"), reads letters for digits
and puts spaces inside email addresses. Each repair here is taken only when the
result passes the identifier's own check: Verhoeff for Aadhaar, the PAN format,
ten digits starting 6-9 for a phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docmill_normalize import (
    OCR_DIGIT_CHARS,
    normalize_aadhaar,
    normalize_pan,
    normalize_phone,
    repair_aadhaar,
)

# Up to 25 characters to the number; a figure OCR read from a speck may open a line.
_AADHAAR_LABEL = r"(?i:aadhaa?r|uid)(?:[^\d\n]|\n(?:\d[ ])?){0,25}?"
_AADHAAR = re.compile(rf"{_AADHAAR_LABEL}(?P<num>\d{{4}}[\s\-]?\d{{4}}[\s\-]?\d{{4}})(?!\d)")
_AADHAAR_OCR = re.compile(
    rf"{_AADHAAR_LABEL}(?P<num>[{OCR_DIGIT_CHARS}](?:[ \-]?[{OCR_DIGIT_CHARS}]){{11}})"
    r"(?![ \-]?\d)"
)
# Twelve figures behind an Aadhaar label, however spaced: still a party's number even
# when OCR misread a figure (read_party warns that it fails Verhoeff).
_AADHAAR_LOOSE = re.compile(rf"{_AADHAAR_LABEL}(?P<num>\d(?:[ .\-]?\d){{11}})(?![ .\-]?\d)")
_PAN_LABEL = r"\bPAN\b(?:\s*(?:card\s*)?(?:No\.?|Number))?[\s:.\-]*"
_PAN = re.compile(rf"{_PAN_LABEL}(?P<pan>[A-Za-z0-9]{{9}}[A-Za-z0-9|!])(?![\w|!])", re.I)
# A PAN split once by OCR ("NFSPK5301 R"); its letters are printed in capitals.
_PAN_SPLIT = re.compile(rf"(?i:{_PAN_LABEL})(?P<pan>(?=[A-Z0-9 ]{{11}}\b)[A-Z0-9]+ [A-Z0-9]+)\b")
# A PAN a few specks after its label ("PAN. ce -WGGPD8643A"), or with one letter OCR
# inserted ("XLOPM8422kK"); taken only in the exact PAN shape, unrepaired.
_PAN_NEAR = re.compile(
    r"\bPAN\b[^\w]{0,4}(?:[a-z]{1,3}[^\n\w]{1,4})?[|!]?(?P<pan>[A-Za-z0-9|!]{10,11})(?![\w|!])"
)
_PAN_SHAPE = re.compile(r"[A-Z]{5}\d{4}[A-Z]")
# One space may fall between any two figures of a phone number; OCR reads "+91" as "491".
_PHONE = re.compile(r"(?<![\d\w])(?:(?:\+|4\+?)?91[\s\-]?|0)?(?P<body>[6-9](?:[\s\-]?\d){9})(?!\d)")
# "080-2345 6789", "0821 2345678": a trunk 0 and an STD code set apart is a landline.
_LANDLINE = re.compile(r"0\d{2,3}[\s\-]")
_SECONDARY = re.compile(r"(?:alt\w*|secondary|other|second|additional)\W*(?:\w+\W*){0,2}$", re.I)
_LIST_SEPARATOR = re.compile(r"\s*(?:[/,;|&]|\band\b|\bor\b)\s*", re.I)
# OCR spaces inside an address: after a dot, between figures, before the "@".
_EMAIL = re.compile(
    r"[\w+\-]+(?:(?:\.[ ]?|[ ](?=\d))[\w+\-]+)*[ ]?@[\w\-]+(?:[ ]?\.+[\w\-]+)+(?:(?<=\.co)[ ]in\b)?"
)


@dataclass(frozen=True, slots=True)
class Found:
    value: str | None
    start: int
    end: int


def find_aadhaar(window: str) -> Found | None:
    """Return the first Aadhaar in `window`; OCR-garbled ones only when they pass Verhoeff."""
    found: list[Found] = []
    strict = _AADHAAR.search(window)
    if strict:
        found.append(Found(normalize_aadhaar(strict.group("num")), strict.start(), strict.end()))
    for m in _AADHAAR_OCR.finditer(window, 0, strict.start() if strict else len(window)):
        repaired = repair_aadhaar(m.group("num"))
        if repaired:
            found.append(Found(repaired, m.start(), m.end()))
            break
    if not found:
        loose = _AADHAAR_LOOSE.search(window)
        if loose:
            found.append(Found(normalize_aadhaar(loose.group("num")), loose.start(), loose.end()))
    return min(found, key=lambda f: f.start, default=None)


def find_pan(window: str) -> tuple[str | None, str | None]:
    """Return (PAN, raw text) for the labelled PAN; a split PAN only when its format holds."""
    m = _PAN.search(window)
    if m:
        return normalize_pan(m.group("pan")), m.group("pan")
    split = _PAN_SPLIT.search(window)
    if split:
        pan = normalize_pan(split.group("pan").replace(" ", ""))  # None unless 10 valid
        if pan:
            return pan, split.group("pan")
    near = _PAN_NEAR.search(window)
    if near:
        # PANs are printed in capitals: one lower-case letter inside is OCR's insertion.
        raw = near.group("pan")
        lower = [i for i, ch in enumerate(raw) if ch.islower()]
        if len(raw) == 11 and len(lower) == 1:
            raw = raw[: lower[0]] + raw[lower[0] + 1 :]
        pan = normalize_pan(raw) if len(raw) == 10 else None
        if pan and _PAN_SHAPE.fullmatch(raw.replace("|", "I").replace("!", "I")):
            return pan, near.group("pan")
    return None, None


def read_phones(window: str) -> tuple[str | None, str | None]:
    """Return (primary, secondary) phone numbers of one party."""
    primary = secondary = None
    previous_end: int | None = None
    for m in _PHONE.finditer(window):
        phone = normalize_phone(m.group("body"))
        if not phone or _LANDLINE.match(m.group(0)):
            continue
        # "98450 12345 / 96320 54321": a number listed after the first is the other one.
        listed = previous_end is not None and _LIST_SEPARATOR.fullmatch(
            window[previous_end : m.start()]
        )
        previous_end = m.end()
        if phone in (primary, secondary):
            continue
        if listed or _SECONDARY.search(window[max(0, m.start() - 30) : m.start()]):
            secondary = secondary or phone
        else:
            primary = primary or phone
    return primary, secondary


def find_email(window: str) -> str | None:
    """Return the email address in `window`, with the spaces and doubled dots OCR adds removed."""
    m = _EMAIL.search(window)
    if not m:
        return None
    email = re.sub(r"\.{2,}", ".", m.group(0)).rstrip(".")
    return re.sub(r"[ ](?=in$)", ".", email).replace(" ", "")
