"""Dates as deeds write them (`15th day of January 2024`, `15-01-2024`, ...) to ISO."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})\s*(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# Ordered: the most specific shapes first, so "2024-01-15" is never read as day-first.
_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})\b"),
    re.compile(
        rf"\b{_DAY}\s+day\s+of\s+{_MONTH},?\s*(?:in\s+the\s+year\s+)?{_YEAR}\b", re.IGNORECASE
    ),
    re.compile(rf"\b{_DAY}[\s\-]*{_MONTH}[\s,\-]*{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s*{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s?[-/.]\s?(?P<mnum>\d{{1,2}})\s?[-/.]\s?{_YEAR}\b"),
]
# What Tesseract may print for a day's digits ("Qth day of November"). The ordinal
# suffix says which digit was meant, so such a day is read only when one reading fits it.
_OCR_DAY_DIGITS = {"O": "0", "o": "0", "Q": "09", "D": "0", "I": "1", "l": "1", "|": "1"}
_OCR_DAY_DIGITS |= {"i": "1", "S": "5", "s": "5", "B": "8", "G": "6", "g": "9", "q": "9"}
_OCR_DAY = re.compile(
    rf"(?<![\w])(?P<raw>[\d{''.join(_OCR_DAY_DIGITS)}]{{1,2}})(?P<suffix>st|nd|rd|th)\s+"
    rf"(?i:(?:day\s+of\s+)?{_MONTH},?\s*(?:in\s+the\s+year\s+)?){_YEAR}\b"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in running text, with where it was."""

    iso: str
    start: int
    end: int


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = _MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mnum"])
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _ocr_day(raw: str, suffix: str) -> int | None:
    """The one day number `raw` can be read as that takes `suffix`, else None."""
    readings = [""]
    for ch in raw:
        options = ch if ch.isdigit() else _OCR_DAY_DIGITS[ch]
        readings = [r + o for r in readings for o in options]
    days = {int(r) for r in readings if 1 <= int(r) <= 31 and _ordinal(int(r)) == suffix.lower()}
    return days.pop() if len(days) == 1 else None


def find_dates(text: str) -> list[DateMatch]:
    """Return every valid date in `text`, in reading order, without overlaps."""
    found: list[DateMatch] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            iso = _to_iso(match)
            if iso:
                found.append(DateMatch(iso=iso, start=match.start(), end=match.end()))
    for match in _OCR_DAY.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        day = _ocr_day(match.group("raw"), match.group("suffix"))
        month = _MONTHS[match.group("month").lower()]
        try:
            iso = dt.date(int(match.group("year")), month, day or 0).isoformat()
        except ValueError:
            continue
        found.append(DateMatch(iso=iso, start=match.start(), end=match.end()))
    return sorted(found, key=lambda m: m.start)


def parse_date(text: str) -> str | None:
    """Return the first date in `text` as `YYYY-MM-DD`, or None."""
    dates = find_dates(text)
    return dates[0].iso if dates else None
