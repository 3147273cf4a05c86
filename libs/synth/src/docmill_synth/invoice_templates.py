"""Invoice layouts: the same facts worded and arranged four ways."""

from __future__ import annotations

import random
from collections.abc import Callable

from docmill_normalize import format_indian, spell_amount
from docmill_synth.invoice_values import InvoiceFacts, Party
from docmill_synth.render import Block, Heading, Para

SYMBOLS = {
    "INR": ["Rs.", "INR", "Rs"],
    "USD": ["$", "USD", "US$"],
    "GBP": ["GBP", "£"],
    "EUR": ["EUR"],
}
DATE_STYLES = ["%d-%m-%Y", "%d/%m/%Y", "%B %d, %Y", "%d %b %Y", "%Y-%m-%d", "%d.%m.%Y", "ordinal"]

InvoiceTemplate = Callable[[InvoiceFacts, random.Random], list[Block]]


class _Style:
    """One invoice's formatting choices, drawn once so every amount and date agrees."""

    def __init__(self, facts: InvoiceFacts, rng: random.Random) -> None:
        self.facts = facts
        self.symbol = rng.choice(SYMBOLS[facts.currency])
        self.date_style = rng.choice(DATE_STYLES)

    def money(self, value: float, *, symbol: bool = False) -> str:
        if self.facts.currency == "INR":
            text = format_indian(value, decimals=2)
        else:
            text = f"{value:,.2f}"
        if not symbol:
            return text
        return f"{self.symbol}{text}" if len(self.symbol) == 1 else f"{self.symbol} {text}"

    def date(self, value) -> str:  # noqa: ANN001 - datetime.date
        if self.date_style == "ordinal":
            day = value.day
            suffix = (
                "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
            )
            return f"{day}{suffix} {value:%B %Y}"
        return value.strftime(self.date_style)

    def qty(self, value: float) -> str:
        return f"{value:g}"


def _address_lines(party: Party, rng: random.Random) -> list[str]:
    # Letterheads break the address after the street part about half the time.
    parts = party.address.split(", ")
    if len(parts) > 3 and rng.random() < 0.5:
        cut = len(parts) // 2
        return [", ".join(parts[:cut]), ", ".join(parts[cut:])]
    return [party.address]


def _tax_lines(st: _Style, *, sep: str) -> list[str]:
    f = st.facts
    rate = f"{f.tax_rate:g}%"
    if f.tax_kind == "cgst_sgst":
        half = f"{f.tax_rate / 2:g}%"
        return [
            f"CGST @ {half}{sep}{st.money(f.half_tax)}",
            f"SGST @ {half}{sep}{st.money(f.half_tax)}",
        ]
    if f.tax_kind == "igst":
        return [f"IGST @ {rate}{sep}{st.money(f.tax)}"]
    return [f"{f.tax_label} ({rate}){sep}{st.money(f.tax)}"]


def _discount_line(st: _Style, *, label: str, sep: str) -> list[str]:
    f = st.facts
    if not f.discount:
        return []
    pct = f" ({f.discount_pct:g}%)" if f.discount_pct else ""
    return [f"{label}{pct}{sep}-{st.money(f.discount)}"]


def classic(facts: InvoiceFacts, rng: random.Random) -> list[Block]:
    """Letterhead on top, `Bill To` block, numbered item table, GST split."""
    st = _Style(facts, rng)
    v, c = facts.vendor, facts.customer
    blocks: list[Block] = [Heading("TAX INVOICE" if facts.currency == "INR" else "INVOICE")]
    blocks += [Para(v.name), *[Para(line) for line in _address_lines(v, rng)]]
    if v.gstin:
        blocks.append(Para(f"GSTIN: {v.gstin}"))
    blocks += [Para(f"Invoice No: {facts.number}"), Para(f"Invoice Date: {st.date(facts.date)}")]
    if facts.due:
        blocks.append(Para(f"Due Date: {st.date(facts.due)}"))
    blocks += [Para("Bill To:"), Para(c.name), *[Para(line) for line in _address_lines(c, rng)]]
    if c.gstin:
        blocks.append(Para(f"GSTIN: {c.gstin}"))
    blocks.append(Para(f"Sl Description Qty Rate Amount ({facts.currency})"))
    for i, item in enumerate(facts.items, start=1):
        blocks.append(
            Para(
                f"{i} {item.description} {st.qty(item.quantity)} "
                f"{st.money(item.unit_price)} {st.money(item.total)}"
            )
        )
    lines = [f"Sub Total: {st.money(facts.subtotal)}"]
    lines += _discount_line(st, label="Less: Discount", sep=": ")
    lines += _tax_lines(st, sep=": ")
    lines.append(f"Grand Total: {st.money(facts.total, symbol=True)}")
    blocks += [Para(line) for line in lines]
    if facts.currency == "INR":
        words = spell_amount(int(facts.total))
        blocks.append(Para(f"Amount in words: Rupees {words} Only"))
    return blocks


def modern(facts: InvoiceFacts, rng: random.Random) -> list[Block]:
    """`From` / `Billed To` blocks, `qty x price` item lines, symbols on every amount."""
    st = _Style(facts, rng)
    v, c = facts.vendor, facts.customer
    blocks: list[Block] = [Heading(f"INVOICE # {facts.number}")]
    blocks.append(Para(f"Issued: {st.date(facts.date)}"))
    if facts.due:
        blocks.append(Para(f"Payment due: {st.date(facts.due)}"))
    blocks += [Para("From"), Para(v.name), *[Para(line) for line in _address_lines(v, rng)]]
    if v.gstin:
        blocks.append(Para(f"GSTIN {v.gstin}"))
    blocks += [Para("Billed To"), Para(c.name), *[Para(line) for line in _address_lines(c, rng)]]
    if c.gstin:
        blocks.append(Para(f"GSTIN {c.gstin}"))
    blocks.append(Para("Item Quantity x Unit price Line total"))
    for item in facts.items:
        blocks.append(
            Para(
                f"{item.description} {st.qty(item.quantity)} x "
                f"{st.money(item.unit_price, symbol=True)} "
                f"{st.money(item.total, symbol=True)}"
            )
        )
    lines = [f"Subtotal {st.money(facts.subtotal, symbol=True)}"]
    lines += _discount_line(st, label="Discount", sep=" ")
    lines += _tax_lines(st, sep=" ")
    lines.append(f"Total Due {st.money(facts.total, symbol=True)}")
    return [*blocks, *(Para(line) for line in lines)]


def service(facts: InvoiceFacts, rng: random.Random) -> list[Block]:
    """Labelled header fields (`Vendor:`, `Customer:`), hours-style items, `Amount Due`."""
    st = _Style(facts, rng)
    v, c = facts.vendor, facts.customer
    blocks: list[Block] = [
        Heading("INVOICE"),
        Para(f"Invoice Number: {facts.number}"),
        Para(f"Invoice Date: {st.date(facts.date)}"),
    ]
    if facts.due:
        blocks.append(Para(f"Payment Due: {st.date(facts.due)}"))
    blocks += [Para(f"Vendor: {v.name}"), Para(f"Vendor Address: {v.address}")]
    if v.gstin:
        blocks.append(Para(f"Vendor GSTIN: {v.gstin}"))
    blocks += [Para(f"Customer: {c.name}"), Para(f"Customer Address: {c.address}")]
    if c.gstin:
        blocks.append(Para(f"Customer GSTIN: {c.gstin}"))
    blocks.append(Para(f"Currency: {facts.currency}"))
    blocks.append(Para("Description Qty Unit Price Amount"))
    for item in facts.items:
        blocks.append(
            Para(
                f"{item.description} {st.qty(item.quantity)} "
                f"{st.money(item.unit_price)} {st.money(item.total)}"
            )
        )
    lines = [f"Net Amount: {st.money(facts.subtotal)}"]
    lines += _discount_line(st, label="Discount", sep=": ")
    lines += _tax_lines(st, sep=": ")
    lines.append(f"Amount Due ({facts.currency}): {st.money(facts.total)}")
    return [*blocks, *(Para(line) for line in lines)]


def bill(facts: InvoiceFacts, rng: random.Random) -> list[Block]:
    """Supplier / recipient wording, `Bill No.` and `Dated`, totals before taxes listed."""
    st = _Style(facts, rng)
    v, c = facts.vendor, facts.customer
    blocks: list[Block] = [
        Heading("GST INVOICE" if facts.currency == "INR" else "COMMERCIAL INVOICE")
    ]
    blocks += [Para(f"Supplier: {v.name}"), Para(f"Address: {v.address}")]
    if v.gstin:
        blocks.append(Para(f"GSTIN/UIN: {v.gstin}"))
    blocks += [Para(f"Bill No. {facts.number}"), Para(f"Dated {st.date(facts.date)}")]
    if facts.due:
        blocks.append(Para(f"Pay by {st.date(facts.due)}"))
    blocks += [Para(f"Recipient: {c.name}"), Para(f"Address: {c.address}")]
    if c.gstin:
        blocks.append(Para(f"GSTIN/UIN: {c.gstin}"))
    blocks.append(Para("No. Particulars Quantity Rate Amount"))
    for i, item in enumerate(facts.items, start=1):
        blocks.append(
            Para(
                f"{i}. {item.description} {st.qty(item.quantity)} "
                f"{st.money(item.unit_price)} {st.money(item.total)}"
            )
        )
    lines = [f"Total Before Tax: {st.money(facts.subtotal)}"]
    lines += _discount_line(st, label="Trade Discount", sep=": ")
    lines += _tax_lines(st, sep=": ")
    lines.append(f"Invoice Total: {st.money(facts.total, symbol=True)}")
    return [*blocks, *(Para(line) for line in lines)]


INVOICE_TEMPLATES: dict[str, InvoiceTemplate] = {
    "classic": classic,
    "modern": modern,
    "service": service,
    "bill": bill,
}
