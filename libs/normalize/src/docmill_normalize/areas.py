"""Land and built-up areas, always returned in square feet."""

from __future__ import annotations

import re

SQFT_PER_SQM = 10.7639
_UNIT_FACTORS = [
    # "Mirs": OCR reads the t of "Mtrs" as an i.
    (r"sq(?:uare)?\.?\s*(?:m(?:e?t(?:er|re)?s?)?|m[ti]rs?)\b|m2\b|sqm\b", SQFT_PER_SQM),
    (r"sq(?:uare)?\.?\s*(?:ft|feet|foot)\.?|sft\b|sq\.?\s*ft\.?", 1.0),
    (r"sq(?:uare)?\.?\s*y(?:ar)?ds?\b", 9.0),
    (r"guntas?\b", 1089.0),
    (r"acres?\b", 43560.0),
]
# OCR can set a space before the decimal point ("781 .35").
_NUMBER = r"(?P<num>\d{1,3}(?:\s?,\s?\d{2,3})+(?:[ ]?\.\d+)?|\d+(?:[ ]?\.\d+)?)"
_AREA = re.compile(
    _NUMBER + r"\s*(?P<unit>" + "|".join(f"(?:{u})" for u, _ in _UNIT_FACTORS) + r")",
    re.IGNORECASE,
)
_DIMENSIONS = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s*(?:ft|feet|')?\s*[x×X*]\s*(?P<b>\d+(?:\.\d+)?)\s*(?:ft|feet|')",
    re.IGNORECASE,
)


def parse_area(text: str) -> float | None:
    """Return the first area in `text` in sq ft (sq.ft, sq m, sq yd, guntas, acres, 40 x 30 ft)."""
    match = _AREA.search(text)
    if match:
        value = float(re.sub(r"[\s,]", "", match.group("num")))
        unit = match.group("unit")
        for pattern, factor in _UNIT_FACTORS:
            if re.fullmatch(pattern, unit, re.IGNORECASE):
                return round(value * factor, 2)
    dims = _DIMENSIONS.search(text)
    if dims:
        return round(float(dims.group("a")) * float(dims.group("b")), 2)
    return None
