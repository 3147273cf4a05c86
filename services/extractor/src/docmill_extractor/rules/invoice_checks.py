"""Deterministic invoice checks: they warn, they never drop a value."""

from __future__ import annotations

import re

from docmill_contracts.invoice import Invoice

GSTIN_RE = re.compile(r"^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$")


def _close(a: float, b: float, *, items: int = 1) -> bool:
    # Each printed line amount may be rounded to the paisa/cent on its own.
    return abs(a - b) <= 0.01 * max(1, items) + 1e-9


def check_invoice(invoice: Invoice) -> list[str]:
    """Warnings for sums that do not add up, missing essentials and malformed GSTINs."""
    warnings: list[str] = []
    if not invoice.invoice_number:
        warnings.append("invoice: no invoice number found")
    if invoice.total is None:
        warnings.append("invoice: no total found")
    for i, item in enumerate(invoice.items, start=1):
        if not _close(item.quantity * item.unit_price, item.total_price):
            warnings.append(
                f"invoice: item {i} quantity x unit price = "
                f"{item.quantity * item.unit_price:.2f}, but its total is {item.total_price:.2f}"
            )
    if invoice.items and invoice.subtotal is not None:
        summed = round(sum(item.total_price for item in invoice.items), 2)
        if not _close(summed, invoice.subtotal, items=len(invoice.items)):
            warnings.append(
                f"invoice: line items sum to {summed:.2f}, subtotal is {invoice.subtotal:.2f}"
            )
    if None not in (invoice.subtotal, invoice.tax, invoice.total):
        expected = invoice.subtotal - (invoice.discount or 0.0) + invoice.tax  # type: ignore[operator]
        if not _close(expected, invoice.total):  # type: ignore[arg-type]
            warnings.append(
                f"invoice: subtotal - discount + tax = {expected:.2f}, total is {invoice.total:.2f}"
            )
    if (
        invoice.cgst is not None
        and invoice.sgst is not None
        and not _close(invoice.cgst, invoice.sgst)
    ):
        warnings.append(f"invoice: CGST {invoice.cgst:.2f} differs from SGST {invoice.sgst:.2f}")
    for role, gstin in (("vendor", invoice.vendor_gstin), ("customer", invoice.customer_gstin)):
        if gstin and not GSTIN_RE.match(gstin):
            warnings.append(f"invoice: {role} GSTIN {gstin} is not in the GSTIN format")
    return warnings
