"""Identity fields of a party: Aadhaar, PAN, phone, pincode, gender."""

from __future__ import annotations

import re

# Verhoeff tables (dihedral group D5), as used by UIDAI for the Aadhaar check digit.
_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

# OCR confuses these shapes; PAN positions tell us which one was meant.
_TO_DIGIT = str.maketrans(
    {
        "O": "0",
        "D": "0",
        "Q": "0",
        "I": "1",
        "L": "1",
        "Z": "2",
        "S": "5",
        "B": "8",
        "G": "6",
        "T": "7",
    }
)
_TO_LETTER = str.maketrans({"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G"})
# Shapes Tesseract reads for digits inside a run of figures (lower case too).
_OCR_DIGIT = str.maketrans(
    {"O": "0", "o": "0", "Q": "0", "D": "0", "I": "1", "l": "1", "|": "1", "i": "1", "!": "1"}
    | {"Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "b": "6", "T": "7", "g": "9"}
)
OCR_DIGIT_CHARS = "0-9OoQDIl|i!ZzSsBGbTg"
_PAN = re.compile(r"^[A-Z]{5}\d{4}[A-Z]$")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def verhoeff_check_digit(digits: str) -> int:
    """Return the Verhoeff check digit to append to `digits`."""
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return _INV[c]


def is_valid_aadhaar(text: str) -> bool:
    """True when `text` holds 12 digits passing the Verhoeff check (first digit 2-9)."""
    digits = _digits(text)
    if len(digits) != 12 or digits[0] in "01":
        return False
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


def normalize_aadhaar(text: str) -> str | None:
    """Return 12 digits in any grouping as `1234-5678-9012`, else None (no checksum test)."""
    digits = _digits(text)
    if len(digits) != 12:
        return None
    return f"{digits[:4]}-{digits[4:8]}-{digits[8:]}"


def ocr_digits(text: str) -> str:
    """Return the figures in `text`, reading OCR look-alikes (O, l, S, B ...) as digits."""
    return _digits(text.translate(_OCR_DIGIT))


def repair_aadhaar(text: str) -> str | None:
    """Return an Aadhaar read from OCR text with look-alike letters or odd spacing.

    Only a number passing the Verhoeff check is returned: the check digit catches
    any single wrong digit, so a repair that passes it is the number printed.
    """
    digits = ocr_digits(text)
    return normalize_aadhaar(digits) if is_valid_aadhaar(digits) else None


def normalize_pan(text: str) -> str | None:
    """Return a PAN as `ABCDE1234F`, repairing OCR letter/digit swaps; None if not a PAN."""
    # A capital I often comes back as "|" or "!".
    raw = re.sub(r"[^A-Za-z0-9]", "", text.replace("|", "I").replace("!", "I")).upper()
    if len(raw) != 10:
        return None
    fixed = (
        raw[:5].translate(_TO_LETTER) + raw[5:9].translate(_TO_DIGIT) + raw[9].translate(_TO_LETTER)
    )
    return fixed if _PAN.match(fixed) else None


def normalize_phone(text: str) -> str | None:
    """Return a 10-digit Indian phone number, dropping +91 / 91 / 0 prefixes."""
    digits = _digits(text)
    if len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    return digits if len(digits) == 10 else None


def normalize_pincode(text: str) -> str | None:
    """Return a 6-digit pincode (`560 001` -> `560001`), else None."""
    digits = _digits(text)
    return digits if len(digits) == 6 and digits[0] != "0" else None


_FEMALE = re.compile(
    r"^\s*(?:mrs|smt|shrimati|srimathi|srimati|ms|miss|kum|kumari|km)\b"
    r"|\b(?:d\s*/\s*o|w\s*/\s*o|daughter\s+of|wife\s+of|widow\s+of)\b",
    re.IGNORECASE,
)
_MALE = re.compile(
    r"^\s*(?:mr|sri|shri|shree|sree|master|mister)\b|\b(?:s\s*/\s*o|son\s+of|husband\s+of)\b",
    re.IGNORECASE,
)
_FEMALE_TITLE = re.compile(
    r"^\s*(?:mrs|smt|shrimati|srimathi|srimati|ms|miss|kum|kumari|km)\b", re.IGNORECASE
)
_MALE_TITLE = re.compile(r"^\s*(?:mr|sri|shri|shree|sree|master|mister)\b", re.IGNORECASE)


def infer_gender(text: str) -> str | None:
    """Return "Male"/"Female" from an honorific or relation (Sri, Smt., S/o, W/o ...)."""
    # The honorific in front of the name decides; the relation is the fallback.
    if _FEMALE_TITLE.search(text):
        return "Female"
    if _MALE_TITLE.search(text):
        return "Male"
    female = _FEMALE.search(text)
    male = _MALE.search(text)
    if female and (not male or female.start() < male.start()):
        return "Female"
    if male:
        return "Male"
    return None
