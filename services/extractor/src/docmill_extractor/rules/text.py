"""Page text clean-up and the vocabulary every rule shares."""

from __future__ import annotations

import re

from docmill_contracts.messages import PageText
from docmill_normalize import mend_ordinals

STATES = [
    "Andhra Pradesh",
    "Arunachal Pradesh",
    "Assam",
    "Bihar",
    "Chhattisgarh",
    "Goa",
    "Gujarat",
    "Haryana",
    "Himachal Pradesh",
    "Jharkhand",
    "Karnataka",
    "Kerala",
    "Madhya Pradesh",
    "Maharashtra",
    "Manipur",
    "Meghalaya",
    "Mizoram",
    "Nagaland",
    "Odisha",
    "Punjab",
    "Rajasthan",
    "Sikkim",
    "Tamil Nadu",
    "Telangana",
    "Tripura",
    "Uttar Pradesh",
    "Uttarakhand",
    "West Bengal",
    "Delhi",
    "Puducherry",
    "Jammu and Kashmir",
    "Chandigarh",
]


def _state_pattern(state: str) -> str:
    # OCR reads "rn" as "m" ("Kamataka"); a state name is still told apart from the others.
    return state.replace(" ", r"\s+").replace("rn", "(?:rn|m)")


STATE_RE = re.compile(r"\b(" + "|".join(_state_pattern(s) for s in STATES) + r")\b", re.I)


def canonical_state(raw: str) -> str | None:
    """Return the state `raw` names, spelt as in STATES, or None."""
    return next((s for s in STATES if re.fullmatch(_state_pattern(s), raw.strip(), re.I)), None)


# Lookarounds keep pieces of "45,00,000" or "1,234.50" from passing as pincodes.
PINCODE_RE = re.compile(r"(?<![\d.])(?<!\d,)([1-9]\d{2})\s?(\d{3})(?!\d|[,.]\d)")
SELLER_WORDS = r"vendors?|sellers?|first\s+party|first\s+parties|executants?|transferors?|grantors?"
BUYER_WORDS = (
    r"purchasers?|buyers?|second\s+party|second\s+parties|claimants?|transferees?|vendees?"
    r"|grantees?"
)


def _ocr_spaced(words: str) -> str:
    # Tesseract sets spaces beside narrow letters ("F IRST PART Y"): allow one between any two.
    return re.sub(r"(?<=[a-z])(?=[a-z])", "[ ]?", words)


# A role word may run into its number ("EXECUTANT1").
ROLE_RE = re.compile(
    rf"\b(?:(?P<seller>{_ocr_spaced(SELLER_WORDS)})|(?P<buyer>{_ocr_spaced(BUYER_WORDS)}))"
    r"(?:\b|(?=\d))",
    re.I,
)
# A scan's footer can carry specks around it (": Page 1 of 2"). An unlabelled "2 / 5" has
# short figures: a line "7907240889 / 8307193162" lists two phone numbers.
_PAGE_FOOTER = re.compile(
    r"^\s*(?:(?:[^\w\s]{1,3}\s*)?page\.?\s*\d+\s*of\s*\d+\s*[^\w\s]{0,3}"
    r"|(?:page\s*)?\d{1,3}\s*(?:of|/)\s*\d{1,3})\s*$",
    re.IGNORECASE | re.M,
)
# Tesseract reads rules, fold marks and specks as bars standing alone ("Kankanady, | Mangaluru").
_STRAY_BARS = re.compile(r"(?<!\S)[|¦]{1,3}(?!\S)")
# Scanner specks OCR reads at the end of a line: short lower-case "words" and stray marks.
_SPECKS = re.compile(r"(?:\s+(?:[a-z]{1,2}|[^\w\s]{1,3}))+(?:\s+\d)?\s*$")
_TRANSLATE = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "\t": " "}
)


def join_pages(pages: list[PageText]) -> str:
    """Return the deed's text in page order, footers removed and spacing tidied."""
    text = "\n".join(
        p.text if p.source == "text_layer" else _STRAY_BARS.sub("", p.text)
        for p in sorted(pages, key=lambda p: p.page)
    )
    text = mend_ordinals(_PAGE_FOOTER.sub("", text.translate(_TRANSLATE)))
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{2,}", "\n", text).strip()


def drop_specks(value: str) -> str:
    """Return `value` without the specks OCR left after it ("Bengaluru a 4" -> "Bengaluru")."""
    return _SPECKS.sub("", value.strip())


def flatten(text: str) -> str:
    """Return `text` on one line, for rules where line breaks are only wrapping."""
    return re.sub(r"\s+", " ", text).strip()


def split_state_pincode(raw: str) -> tuple[str, str | None, str | None]:
    """Split "<address>, <State> - <pincode>" into its parts, in whatever order they come."""
    pin = PINCODE_RE.search(raw)
    state = STATE_RE.search(raw)
    cut = min([m.start() for m in (pin, state) if m] or [len(raw)])
    head = raw[:cut]
    head = re.sub(r"[\s,;:\-(]*(?:PIN(?:\s*code)?|Pincode)?[\s,;:\-(]*$", "", head, flags=re.I)
    state_name = None
    if state:
        state_name = canonical_state(state.group(1))
    return drop_specks(flatten(head)), pin.group(1) + pin.group(2) if pin else None, state_name
