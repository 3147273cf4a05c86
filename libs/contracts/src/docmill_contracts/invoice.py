"""The invoice shape of seed 002 (`ExtractionResponse`), plus Indian GST detail."""

from __future__ import annotations

import msgspec
from msgspec import Struct

from docmill_contracts.saledeed import IsoDate


class InvoiceItem(Struct, frozen=True, kw_only=True):
    """One line item (seed 002 `ExtractedItem`)."""

    description: str
    quantity: float
    unit_price: float
    total_price: float


class Invoice(Struct, frozen=True, kw_only=True):
    """Everything extracted from one invoice; amounts in `currency`."""

    invoice_number: str | None = None
    invoice_date: IsoDate | None = None
    due_date: IsoDate | None = None
    vendor_name: str | None = None
    vendor_address: str | None = None
    customer_name: str | None = None
    customer_address: str | None = None
    subtotal: float | None = None
    tax: float | None = None
    total: float | None = None
    currency: str = "USD"
    items: list[InvoiceItem] = msgspec.field(default_factory=list)
    # Beyond seed 002: what Indian tax invoices print separately.
    discount: float | None = None
    cgst: float | None = None
    sgst: float | None = None
    igst: float | None = None
    vendor_gstin: str | None = None
    customer_gstin: str | None = None


class TextDocument(Struct, frozen=True, kw_only=True):
    """Generic text (seed 001): what OCR read, and the same tidied into paragraphs."""

    raw_text: str
    processed_text: str
    language: str | None = None


invoice_decoder = msgspec.json.Decoder(Invoice)
text_document_decoder = msgspec.json.Decoder(TextDocument)
