"""One synthetic invoice: facts -> layout -> PDF, with its ground truth."""

from __future__ import annotations

import random
from dataclasses import dataclass

from docmill_contracts.invoice import Invoice, InvoiceItem
from docmill_synth.invoice_templates import INVOICE_TEMPLATES
from docmill_synth.invoice_values import InvoiceFacts, sample_invoice
from docmill_synth.render import render_pdf


@dataclass(frozen=True, slots=True)
class GeneratedInvoice:
    pdf: bytes
    truth: Invoice
    filename: str  # without extension
    template: str


def build_invoice_truth(facts: InvoiceFacts) -> Invoice:
    """Return the Invoice a perfect extractor would produce for `facts`."""
    half = facts.half_tax if facts.tax_kind == "cgst_sgst" else None
    return Invoice(
        invoice_number=facts.number,
        invoice_date=facts.date.isoformat(),
        due_date=facts.due.isoformat() if facts.due else None,
        vendor_name=facts.vendor.name,
        vendor_address=facts.vendor.address,
        customer_name=facts.customer.name,
        customer_address=facts.customer.address,
        subtotal=facts.subtotal,
        tax=facts.tax,
        total=facts.total,
        currency=facts.currency,
        items=[
            InvoiceItem(
                description=item.description,
                quantity=item.quantity,
                unit_price=item.unit_price,
                total_price=item.total,
            )
            for item in facts.items
        ],
        discount=facts.discount or None,
        cgst=half,
        sgst=half,
        igst=facts.tax if facts.tax_kind == "igst" else None,
        vendor_gstin=facts.vendor.gstin,
        customer_gstin=facts.customer.gstin,
    )


def generate_invoice(seed: int) -> GeneratedInvoice:
    """Return the invoice for `seed`; the same seed always gives the same invoice."""
    rng = random.Random(f"invoice:{seed}")
    facts = sample_invoice(rng)
    name = sorted(INVOICE_TEMPLATES)[rng.randrange(len(INVOICE_TEMPLATES))]
    blocks = INVOICE_TEMPLATES[name](facts, rng)
    return GeneratedInvoice(
        pdf=render_pdf(blocks, title="Invoice"),
        truth=build_invoice_truth(facts),
        filename=f"invoice_{seed:05d}_{name}",
        template=name,
    )
