"""Dates as deeds write them (`15th day of January 2024`, `15-01-2024`, ...) to ISO."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from docmill_normalize.ordinals import ORDINAL_FIGURES, read_ordinal

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
        rf"\b{_DAY}\s+(?:day\s+)?of\s+{_MONTH},?\s*(?:in\s+the\s+year\s+)?{_YEAR}\b", re.IGNORECASE
    ),
    re.compile(rf"\b{_DAY}[\s\-]*{_MONTH}[\s,\-]*{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s*{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s?[-/.]\s?(?P<mnum>\d{{1,2}})\s?[-/.]\s?{_YEAR}\b"),
]
# A day OCR garbled ("Qth day of November") is read when one reading fits its suffix.
_OCR_DAY = re.compile(
    rf"(?<![\w])(?P<raw>[{ORDINAL_FIGURES}]{{1,2}})(?P<suffix>st|nd|rd|th)\s+"
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
        day = read_ordinal(match.group("raw"), match.group("suffix"))
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
