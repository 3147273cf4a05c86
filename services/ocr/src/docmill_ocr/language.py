"""Which Tesseract languages to read a page with: hints, script detection, fallbacks."""

from __future__ import annotations

from docmill_contracts.messages import LANGUAGE_CODES

# The codes a user may send as `language_hint` (the gateway checks them against the same).
ISO_TO_TESSERACT = LANGUAGE_CODES
KANNADA = range(0x0C80, 0x0D00)
# Share of letters in Kannada script above which a page is Kannada, below which English.
KANNADA_PAGE = 0.6
LATIN_PAGE = 0.02
# Mean word confidence below which a page read with one language is re-read with all.
RETRY_BELOW_CONF = 60.0


def tesseract_lang(hint: str) -> str:
    """`en`, `kn`, `en+kn` or Tesseract codes, as a Tesseract `-l` value."""
    parts = [p.strip().lower() for p in hint.replace(",", "+").split("+") if p.strip()]
    return "+".join(ISO_TO_TESSERACT.get(p, p) for p in parts) or "eng"


def first_language(lang: str) -> str:
    """The first language of a `-l` value: the cheap first guess for a page."""
    return lang.split("+", 1)[0]


def script_language(text: str, *, allowed: str) -> str:
    """The page's language from the script of its letters, within the `allowed` set."""
    letters = [ch for ch in text if ch.isalpha() or ord(ch) in KANNADA]
    if not letters:
        return first_language(allowed)
    share = sum(1 for ch in letters if ord(ch) in KANNADA) / len(letters)
    codes = allowed.split("+")
    if share >= KANNADA_PAGE and "kan" in codes:
        return "kan"
    if share <= LATIN_PAGE and "eng" in codes:
        return "eng"
    return allowed
