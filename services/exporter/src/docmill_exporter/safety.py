"""Keeping exported text inert (no formula injection) and masking identity numbers."""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# Spreadsheet programs treat a cell starting with these as a formula (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MASK = "X"
_NOT_DIGIT = re.compile(r"\D+")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could evaluate `text` if it were stored as typed."""
    return text.startswith(FORMULA_PREFIXES)


def clean_text(text: str) -> str:
    """Drop control characters XML (and so xlsx) cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def escape_csv(text: str) -> str:
    """Prefix formula-looking text with `'` so spreadsheets open it as text."""
    return "'" + text if is_formula_like(text) else text


def mask_aadhaar(value: str | None) -> str | None:
    """`1234 5678 9012` -> `XXXX-XXXX-9012`; only the last four digits survive."""
    if not value:
        return value
    digits = _NOT_DIGIT.sub("", value)
    if len(digits) < 4:
        return MASK * 4 + "-" + MASK * 4 + "-" + MASK * 4
    return f"{MASK * 4}-{MASK * 4}-{digits[-4:]}"


def mask_pan(value: str | None) -> str | None:
    """`ABCDE1234F` -> `XXXXXX234F`; only the last four characters survive."""
    if not value:
        return value
    chars = _NOT_ALNUM.sub("", value).upper()
    if len(chars) <= 4:
        return MASK * max(len(chars), 10)
    return MASK * (len(chars) - 4) + chars[-4:]
