"""Invoices (seed 002 ExtractionResponse) from page text: labels, item rows, totals."""

from __future__ import annotations

import re

import msgspec

from docmill_contracts.invoice import Invoice, InvoiceItem
from docmill_contracts.messages import PageText
from docmill_contracts.provenance import Provenance
from docmill_extractor.rules.invoice_checks import check_invoice
from docmill_extractor.rules.provenance import provenance_of
from docmill_extractor.rules.text import join_pages
from docmill_normalize import parse_date

AMOUNT = r"\d{1,3}(?:\s?,\s?\d{2,3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_AMOUNT_RE = re.compile(rf"(?<![\w.])(?:{AMOUNT})(?![\w])")
_CUR = r"(?:Rs\.?|INR|US\$|USD|GBP|EUR|[$£€₹])?\s?"
_ITEM_RE = re.compile(
    rf"^(?P<desc>.*?\S)\s+(?P<qty>\d+(?:\.\d+)?)\s+(?:[xX×]\s+)?{_CUR}(?P<price>{AMOUNT})"
    rf"\s+{_CUR}(?P<total>{AMOUNT})$"
)
_NUMBER_RE = re.compile(
    r"\b(?:invoice\s*(?:no\.?|number|#)|bill\s*no\.?|inv\s*no\.?)\s*[:#.]?\s*(?P<v>[A-Z0-9][A-Z0-9/\-]*\d[A-Z0-9/\-]*)",
    re.IGNORECASE,
)
_DUE_RE = re.compile(r"^(?:due\s*date|payment\s*due|pay\s*by|due\s*on)\b[:\s]*(?P<v>.*)$", re.I)
_DATE_RE = re.compile(r"^(?:invoice\s*date|issued(?:\s*on)?|dated|date)\b[:\s]*(?P<v>.*)$", re.I)
_VENDOR_LABEL = re.compile(r"^(?:vendor|supplier|seller|sold\s*by|from)\b\s*:?\s*(?P<v>.*)$", re.I)
_CUSTOMER_LABEL = re.compile(
    r"^(?:customer|recipient|buyer|bill(?:ed)?\s*to|invoice\s*to|sold\s*to)\b\s*:?\s*(?P<v>.*)$",
    re.I,
)
_ADDRESS_LABEL = re.compile(
    r"^(?:(?:vendor|customer|supplier|recipient)\s+)?address\s*:?\s*(?P<v>.*)$", re.I
)
_GSTIN_RE = re.compile(r"\bGSTIN\b[^:\w]*(?:/UIN)?\s*:?\s*(?P<v>\d{2}[A-Z0-9]{13})\b", re.I)
# Lines that end an address block printed under a name.
_STOP_RE = re.compile(
    r"^(?:gstin|invoice|bill|billed|issued|payment|due|pay\s|phone|tel|email|sl\b|item|"
    r"description|particulars|no\.|currency|customer|recipient|from\b|to\b|dated)",
    re.I,
)
_HEADER_RE = re.compile(r"\b(?:description|particulars|item)\b", re.I)
_SUBTOTAL_RE = re.compile(
    r"^(?:sub\s*-?\s*total|net\s+amount|total\s+before\s+tax|taxable\s+value)\b", re.I
)
_DISCOUNT_RE = re.compile(r"^(?:less\s*:?\s*)?(?:trade\s+)?discount\b", re.I)
_TAX_RE = re.compile(r"^(?P<kind>cgst|sgst|utgst|igst|vat|sales\s+tax|gst|tax)\b", re.I)
_TOTAL_RE = re.compile(r"^(?:grand\s+total|total\s+due|amount\s+due|invoice\s+total|total)\b", re.I)
_TITLE_RE = re.compile(
    r"^(?:tax\s+invoice|invoice|gst\s+invoice|commercial\s+invoice|bill)\b", re.I
)
_CODES = ("INR", "USD", "GBP", "EUR")
_SYMBOLS = (("Rs", "INR"), ("₹", "INR"), ("£", "GBP"), ("€", "EUR"), ("$", "USD"))


class InvoiceExtraction(msgspec.Struct, frozen=True, kw_only=True):
    invoice: Invoice
    warnings: list[str] = msgspec.field(default_factory=list)
    provenance: dict[str, Provenance] = msgspec.field(default_factory=dict)


def to_amount(text: str) -> float | None:
    """The last amount printed in `text` (after any label and rate)."""
    found = _AMOUNT_RE.findall(text)
    if not found:
        return None
    return round(float(re.sub(r"[\s,]", "", found[-1])), 2)


def _block_after(lines: list[str], start: int) -> tuple[str | None, str | None]:
    """Name on line `start`, address on the following lines up to a stop line."""
    if start >= len(lines):
        return None, None
    name = lines[start].strip() or None
    parts: list[str] = []
    for line in lines[start + 1 : start + 4]:
        if _STOP_RE.match(line) or _ADDRESS_LABEL.match(line) or to_items_header(line):
            break
        parts.append(line.strip().rstrip(","))
    return name, ", ".join(parts) or None


def to_items_header(line: str) -> bool:
    """True for the header row of the item table."""
    return bool(_HEADER_RE.search(line)) and bool(re.search(r"\b(?:qty|quantity)\b", line, re.I))


def _party(lines: list[str], label: re.Pattern[str]) -> tuple[str | None, str | None, int]:
    for i, line in enumerate(lines):
        m = label.match(line)
        if not m:
            continue
        if m.group("v").strip():
            name = m.group("v").strip()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            am = _ADDRESS_LABEL.match(nxt)
            if am and am.group("v").strip():
                return name, am.group("v").strip(), i
            _, address = _block_after(lines, i)
            return name, address, i
        name, address = _block_after(lines, i + 1)
        return name, address, i
    return None, None, -1


def _letterhead(lines: list[str]) -> tuple[str | None, str | None, int]:
    """Vendor printed unlabelled at the top, under the title."""
    for i, line in enumerate(lines[:4]):
        if _TITLE_RE.match(line):
            continue
        name, address = _block_after(lines, i)
        return name, address, i
    return None, None, -1


def _items(lines: list[str]) -> tuple[list[InvoiceItem], int]:
    header = next((i for i, line in enumerate(lines) if to_items_header(line)), None)
    if header is None:
        return [], -1
    numbered = bool(re.match(r"^(?:sl|no\.?|#|s\.?\s*no)\b", lines[header], re.I))
    items: list[InvoiceItem] = []
    for line in lines[header + 1 :]:
        if _SUBTOTAL_RE.match(line) or _TOTAL_RE.match(line):
            break
        row = re.sub(r"^\d{1,3}[.)]?\s+", "", line) if numbered else line
        m = _ITEM_RE.match(row.strip())
        if not m:
            continue
        items.append(
            InvoiceItem(
                description=m.group("desc").strip(" -|"),
                quantity=float(m.group("qty")),
                unit_price=to_amount(m.group("price")) or 0.0,
                total_price=to_amount(m.group("total")) or 0.0,
            )
        )
    return items, header


def _currency(text: str, *, has_gstin: bool) -> str:
    counts = {code: len(re.findall(rf"\b{code}\b", text)) for code in _CODES}
    best = max(counts, key=lambda code: counts[code])
    if counts[best]:
        return best
    for symbol, code in _SYMBOLS:
        if symbol in text:
            return code
    return "INR" if has_gstin else "USD"


def _first(lines: list[str], pattern: re.Pattern[str]) -> str | None:
    for line in lines:
        m = pattern.match(line)
        if m:
            return m.group("v")
    return None


def extract_invoice(pages: list[PageText]) -> InvoiceExtraction:
    """Extract seed 002's invoice fields (and GST detail) from an invoice's page texts."""
    text = join_pages(pages)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    number = _NUMBER_RE.search(text)
    due_raw = _first(lines, _DUE_RE)
    date_raw = _first(lines, _DATE_RE)
    vendor, vendor_address, vendor_at = _party(lines, _VENDOR_LABEL)
    if vendor is None:
        vendor, vendor_address, vendor_at = _letterhead(lines)
    customer, customer_address, customer_at = _party(lines, _CUSTOMER_LABEL)
    items, header_at = _items(lines)
    totals = lines[header_at + 1 :] if header_at >= 0 else lines
    subtotal = discount = total = None
    taxes: dict[str, float] = {}
    for line in totals:
        value = to_amount(line)
        if value is None:
            continue
        if _SUBTOTAL_RE.match(line) and subtotal is None:
            subtotal = value
        elif _DISCOUNT_RE.match(line):
            discount = value
        elif m := _TAX_RE.match(line):
            kind = re.sub(r"\s+", " ", m.group("kind").lower())
            taxes[kind] = round(taxes.get(kind, 0.0) + value, 2)
        elif _TOTAL_RE.match(line):
            total = value
    if subtotal is None and items:
        subtotal = round(sum(item.total_price for item in items), 2)
    tax = round(sum(taxes.values()), 2) if taxes else None
    if tax is None and total is not None and subtotal is not None:
        tax = round(total - subtotal + (discount or 0.0), 2)
    gstins = [
        (i, m.group("v").upper()) for i, line in enumerate(lines) if (m := _GSTIN_RE.search(line))
    ]
    split = customer_at if customer_at >= 0 else len(lines)
    vendor_gstin = next((g for i, g in gstins if vendor_at <= i < split), None)
    customer_gstin = next((g for i, g in gstins if i > split), None)
    invoice = Invoice(
        invoice_number=number.group("v") if number else None,
        invoice_date=parse_date(date_raw) if date_raw else None,
        due_date=parse_date(due_raw) if due_raw else None,
        vendor_name=vendor,
        vendor_address=vendor_address,
        customer_name=customer,
        customer_address=customer_address,
        subtotal=subtotal,
        tax=tax,
        total=total,
        currency=_currency(text, has_gstin=bool(gstins)),
        items=items,
        discount=discount,
        cgst=taxes.get("cgst"),
        sgst=taxes.get("sgst"),
        igst=taxes.get("igst"),
        vendor_gstin=vendor_gstin,
        customer_gstin=customer_gstin,
    )
    return InvoiceExtraction(
        invoice=invoice, warnings=check_invoice(invoice), provenance=provenance_of(invoice, pages)
    )
