"""The offline `rules` backend: regular expressions and docmill_normalize, no model."""

from __future__ import annotations

import msgspec

from docmill_contracts.messages import PageText
from docmill_contracts.provenance import Provenance
from docmill_contracts.saledeed import SaleDeed
from docmill_extractor.rules.checks import check_deed
from docmill_extractor.rules.generic import extract_text
from docmill_extractor.rules.invoice import InvoiceExtraction, extract_invoice
from docmill_extractor.rules.parties import find_parties
from docmill_extractor.rules.property import read_property
from docmill_extractor.rules.provenance import provenance_of
from docmill_extractor.rules.registration import read_registration_office, read_transaction_date
from docmill_extractor.rules.text import join_pages


class SaleDeedExtraction(msgspec.Struct, frozen=True, kw_only=True):
    deed: SaleDeed
    warnings: list[str] = msgspec.field(default_factory=list)
    # Dotted field path -> page, source span and confidence.
    provenance: dict[str, Provenance] = msgspec.field(default_factory=dict)


def extract_sale_deed(pages: list[PageText]) -> SaleDeedExtraction:
    """Extract every field of a sale deed from its page texts."""
    text = join_pages(pages)
    sellers, buyers, warnings = find_parties(text)
    deed = SaleDeed(
        transaction_date=read_transaction_date(text),
        registration_office=read_registration_office(text),
        property_details=read_property(text),
        buyers=buyers,
        sellers=sellers,
    )
    return SaleDeedExtraction(
        deed=deed, warnings=[*warnings, *check_deed(deed)], provenance=provenance_of(deed, pages)
    )


__all__ = [
    "InvoiceExtraction",
    "SaleDeedExtraction",
    "extract_invoice",
    "extract_sale_deed",
    "extract_text",
]
