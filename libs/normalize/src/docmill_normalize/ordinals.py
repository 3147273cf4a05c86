"""Ordinal numbers (1st, 22nd, 5th): the suffix says which figures OCR must have misread."""

from __future__ import annotations

import re

# What Tesseract prints for figures in short numbers; Q stands for a 0 or a 9.
_LOOK_ALIKES = {"O": "0", "o": "0", "Q": "09", "D": "0", "I": "1", "l": "1", "|": "1"}
_LOOK_ALIKES |= {"i": "1", "S": "5", "s": "5", "B": "8", "G": "6", "g": "9", "q": "9", "A": "4"}
ORDINAL_FIGURES = "0-9" + "".join(_LOOK_ALIKES)
_SUFFIX_DIGIT = {"st": "1", "nd": "2", "rd": "3"}
_ORDINAL = re.compile(rf"(?<![\w,.])(?P<raw>[{ORDINAL_FIGURES}]{{1,3}})(?P<suffix>st|nd|rd|th)\b")


def ordinal_suffix(number: int) -> str:
    """Return the English ordinal suffix of `number`: 1 -> "st", 12 -> "th", 22 -> "nd"."""
    if 11 <= number % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def read_ordinal(raw: str, suffix: str) -> int | None:
    """Return the one number `raw` can be read as that takes `suffix` ("Sth" -> 5, "4st" -> 1)."""
    suffix = suffix.lower()
    if len(raw) > 1 and not any(ch.isdigit() for ch in raw):
        return None  # a word ("Both", "gist"), not a number
    readings = [""]
    for ch in raw:
        options = ch if ch.isdigit() else _LOOK_ALIKES[ch]
        readings = [r + o for r in readings for o in options]
    if raw.isdigit() and suffix in _SUFFIX_DIGIT:
        # A clean figure with the wrong suffix: the last figure is the misread one.
        readings.append(raw[:-1] + _SUFFIX_DIGIT[suffix])
    fits = {int(r) for r in readings if int(r) > 0 and ordinal_suffix(int(r)) == suffix}
    return fits.pop() if len(fits) == 1 else None


def mend_ordinals(text: str) -> str:
    """Rewrite ordinals whose figures contradict their suffix, when one reading fits."""

    def mend(m: re.Match[str]) -> str:
        if m.group("raw").isdigit() and ordinal_suffix(int(m.group("raw"))) == m.group("suffix"):
            return m.group(0)
        number = read_ordinal(m.group("raw"), m.group("suffix"))
        return f"{number}{m.group('suffix')}" if number is not None else m.group(0)

    return _ORDINAL.sub(mend, text)
