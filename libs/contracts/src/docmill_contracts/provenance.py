"""Where an extracted value came from, and how sure the extractor is of it."""

from __future__ import annotations

from msgspec import Struct


class Provenance(Struct, frozen=True, kw_only=True):
    """One value's source: the page, the span in that page's text, and a confidence."""

    page: int | None = None  # 1-based; None when the value was derived, not read
    start: int | None = None  # character offsets into the page's text
    end: int | None = None
    text: str | None = None  # the source span as printed
    confidence: float = 0.0  # 0..1


# Keyed by dotted field path: "invoice_number", "items[0].total_price", "sellers[1].name".
ProvenanceMap = dict[str, Provenance]
