"""Where each extracted value sits in the page text: page, span and a confidence."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import msgspec

from docmill_contracts.messages import PageText
from docmill_contracts.provenance import Provenance
from docmill_normalize import format_indian

# Found as printed: near certain. Found only in another spelling: likely. Not found: derived.
VERBATIM, REWRITTEN, DERIVED = 0.98, 0.85, 0.6


def _date_forms(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [
        iso,
        f"{d:%d-%m-%Y}",
        f"{d:%d/%m/%Y}",
        f"{d:%d.%m.%Y}",
        f"{d:%B} {d.day}, {d.year}",
        f"{d.day} {d:%b %Y}",
        f"{d:%d %b %Y}",
        f"{d.day}\\w* (?:day of )?{d:%B},? {d.year}",
    ]


def _number_forms(value: float) -> list[str]:
    forms = [
        format_indian(value, decimals=2),
        f"{value:,.2f}",
        format_indian(value),
        f"{value:,.0f}",
    ]
    return [re.escape(f) for f in forms] + [re.escape(f"{value:g}")]


# Values the rules infer (from honorifics, payment wording) rather than read verbatim.
INFERRED = {"yes", "no", "male", "female"}


def _patterns(value: Any) -> list[tuple[str, float]]:
    if isinstance(value, bool) or value is None or str(value).casefold() in INFERRED:
        return []
    if isinstance(value, int | float):
        return [(p, VERBATIM) for p in _number_forms(float(value))]
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return [(p if "\\w" in p else re.escape(p), VERBATIM) for p in _date_forms(text)]
    if re.fullmatch(r"\d{4}-\d{4}-\d{4}", text):
        return [(r"\s?-?\s?".join(text.split("-")), VERBATIM)]
    if re.fullmatch(r"\d{10}", text):
        return [(r"[\s-]?".join(text), VERBATIM)]
    words = [re.escape(w) for w in re.split(r"[\s,]+", text) if w]
    if not words:
        return []
    return [(re.escape(text), VERBATIM), (r"[\s,]+".join(words), REWRITTEN)]


def locate(pages: list[PageText], value: Any) -> Provenance:
    """The first place `value` is printed, or a low-confidence `derived` provenance."""
    for pattern, confidence in _patterns(value):
        regex = re.compile(rf"(?<![\w,]){pattern}(?![\w]|[.,]\d)", re.IGNORECASE)
        for page in pages:
            m = regex.search(page.text)
            if m:
                conf = confidence if page.source == "text_layer" else confidence - 0.1
                return Provenance(
                    page=page.page, start=m.start(), end=m.end(), text=m.group(0), confidence=conf
                )
    return Provenance(confidence=DERIVED)


def _walk(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            _walk(f"{prefix}.{name}" if prefix else name, getattr(value, name), out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(f"{prefix}[{i}]", item, out)
    elif value is not None:
        out[prefix] = value


def provenance_of(document: msgspec.Struct, pages: list[PageText]) -> dict[str, Provenance]:
    """Provenance of every non-empty value of `document`, by dotted field path."""
    values: dict[str, Any] = {}
    _walk("", document, values)
    return {path: locate(pages, value) for path, value in values.items()}
