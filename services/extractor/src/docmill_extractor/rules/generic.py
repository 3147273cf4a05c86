"""Generic text documents (seed 001): the raw OCR text and a paragraph-tidied copy."""

from __future__ import annotations

import re

from docmill_contracts.invoice import TextDocument
from docmill_contracts.messages import PageText

_KANNADA = re.compile(r"[\u0C80-\u0CFF]")
_LATIN = re.compile(r"[A-Za-z]")
_FOOTER = re.compile(r"^\s*(?:page\s*)?\d+\s*(?:of|/)\s*\d+\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;!?)\]]$")


def detect_language(text: str) -> str | None:
    """`kn` when Kannada script dominates, `en` for Latin script, None for neither."""
    kannada, latin = len(_KANNADA.findall(text)), len(_LATIN.findall(text))
    if not kannada and not latin:
        return None
    return "kn" if kannada > latin else "en"


def tidy_paragraphs(text: str) -> str:
    """Join lines wrapped inside a paragraph; keep blank-line breaks; drop page footers."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = re.sub(r"\s+", " ", raw).strip()
        if _FOOTER.match(line):
            continue
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and current[-1].endswith("-") and line[:1].islower():
            current[-1] = current[-1][:-1] + line  # a word hyphenated across the wrap
            continue
        if current and _SENTENCE_END.search(current[-1]) and line[:1].isupper() and len(line) < 60:
            # A short capitalised line after a finished sentence reads as a new line item.
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def extract_text(pages: list[PageText]) -> TextDocument:
    """Raw text in page order, the tidied version, and the dominant language."""
    ordered = sorted(pages, key=lambda p: p.page)
    raw = "\n\n".join(page.text for page in ordered)
    return TextDocument(
        raw_text=raw, processed_text=tidy_paragraphs(raw), language=detect_language(raw)
    )
