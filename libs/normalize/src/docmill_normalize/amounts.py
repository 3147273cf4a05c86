"""Indian rupee amounts: `Rs. 45,00,000/-`, `INR 4500000`, `1.2 crores`, words."""

from __future__ import annotations

import re

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
_WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
# Common misspellings seen in deeds typed by hand.
_WORD_VALUES.update({"fourty": 40, "ninty": 90, "nineity": 90})
_SCALES = {
    "thousand": 1_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "million": 1_000_000,
}
_SUFFIX_SCALE = {"lakh": 100_000, "lac": 100_000, "crore": 10_000_000, "cr": 10_000_000}

# A number in Indian or western grouping; OCR sometimes puts spaces around the commas.
_NUMBER = r"\d{1,3}(?:\s?,\s?\d{2,3})+(?:\.\d{1,2})?|\d+(?:\.\d+)?"
_NUMERIC_AMOUNT = re.compile(
    rf"(?P<cur>rs\.?|inr|₹|rupees)?\s*(?P<num>{_NUMBER})\s*"
    r"(?P<scale>lakhs?|lacs?|crores?|cr\b\.?)?",
    re.IGNORECASE,
)
# The same figures as Tesseract may return them: a narrow "1" split off ("2,1 0,50,000"),
# a comma read as a full stop or colon ("1.31,00,000.00") or as a space ("5,32,29 000").
_OCR_FIGURES = re.compile(
    r"\d(?:[ ]?\d)*(?:(?:[ ]?[,.:][ ]?|[ ])\d(?:[ ]?\d){1,2})+(?:[ ]?\.[ ]?\d{1,2})?(?!\d)"
)
_WORD_RUN = re.compile(
    r"\b(?:(?:"
    + "|".join(sorted(set(_WORD_VALUES) | set(_SCALES) | {"hundred"}, key=len, reverse=True))
    + r")\b[\s,-]*(?:and\s+)?)+",
    re.IGNORECASE,
)


def _grouped(groups: list[str]) -> bool:
    """True when digit groups follow Indian (12,34,567) or western (1,234,567) grouping."""
    head, *middle, last = groups
    if len(last) != 3 or not 1 <= len(head) <= 3:
        return False
    indian = len(head) <= 2 and all(len(g) == 2 for g in middle)
    return indian or all(len(g) == 3 for g in middle)


def _read_ocr_figures(raw: str) -> float | None:
    """Return the value of figures OCR split or mis-punctuated, when their grouping proves it."""
    for spaces in ("", ","):  # a space splitting a group, else one standing for a comma
        text = re.sub(r"[ ]*([,.:])[ ]*", r"\1", raw).replace(":", ",").replace(" ", spaces)
        parts = re.split(r"([,.])", text)
        groups, seps = parts[0::2], parts[1::2]
        fraction = ""
        if seps and seps[-1] == "." and len(groups[-1]) <= 2:
            fraction = groups.pop()
            seps.pop()
        if seps and _grouped(groups):
            return round(float("".join(groups) + (f".{fraction}" if fraction else "")), 2)
    return None


def _scaled(value: float, scale: str | None) -> float:
    if scale:
        value *= _SUFFIX_SCALE.get(scale.lower().rstrip(".").rstrip("s"), 1)
    return round(value, 2)


def parse_amount(text: str, *, require_currency: bool = False) -> float | None:
    """Return the first rupee amount in `text` (figures, lakh/crore suffixes or words)."""
    for match in _NUMERIC_AMOUNT.finditer(text):
        if require_currency and not match.group("cur") and not match.group("scale"):
            continue
        figures = _OCR_FIGURES.match(text, match.start("num"))
        repaired = _read_ocr_figures(figures.group(0)) if figures else None
        if repaired is not None and figures and figures.end() > match.end("num"):
            return repaired
        digits = re.sub(r"[\s,]", "", match.group("num"))
        return _scaled(float(digits), match.group("scale"))
    return parse_amount_words(text)


def parse_amount_words(text: str) -> float | None:
    """Return the amount spelt out in `text` ("Rupees Forty Five Lakhs Only"), if any."""
    match = _WORD_RUN.search(text)
    if not match:
        return None
    tokens = re.findall(r"[a-z]+", match.group(0).lower())
    total = 0
    current = 0
    seen_number = False
    for token in tokens:
        if token in _WORD_VALUES:
            current += _WORD_VALUES[token]
            seen_number = True
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALES:
            total += max(current, 1) * _SCALES[token]
            current = 0
    if not seen_number:
        return None
    return float(total + current)


def format_indian(value: float, *, decimals: int = 0) -> str:
    """Format `value` with Indian digit grouping: 4500000 -> "45,00,000"."""
    whole = int(round(value, decimals)) if decimals == 0 else int(value)
    text = str(abs(whole))
    if len(text) > 3:
        head, tail = text[:-3], text[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        text = ",".join([*groups, tail])
    if decimals:
        fraction = f"{abs(value) - abs(whole):.{decimals}f}"[1:]
        text += fraction
    return ("-" if value < 0 else "") + text


def _spell_below_thousand(n: int) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [_ONES[n // 100].title(), "Hundred"]
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10 - 2].title())
        n %= 10
    if n:
        words.append(_ONES[n].title())
    return words


def spell_amount(value: int, *, lakh_word: str = "Lakh") -> str:
    """Spell a whole rupee amount the Indian way: 4520000 -> "Forty Five Lakh Twenty Thousand"."""
    if value == 0:
        return "Zero"
    words: list[str] = []
    crores, rest = divmod(value, 10_000_000)
    if crores:
        words += [*_spell_below_thousand(crores), "Crore"]
    lakhs, rest = divmod(rest, 100_000)
    if lakhs:
        words += [*_spell_below_thousand(lakhs), lakh_word]
    thousands, rest = divmod(rest, 1_000)
    if thousands:
        words += [*_spell_below_thousand(thousands), "Thousand"]
    words += _spell_below_thousand(rest)
    return " ".join(words)
