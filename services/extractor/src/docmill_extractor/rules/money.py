"""The price, guidance value, stamp duty and registration fee a deed states.

An amount follows its label ("Stamp duty of Rs. 2,027,500/-"), sits on the line
under it in a table, or comes first ("paid Rs. 3,46,000/- towards registration
fee"). A label heading a table ("STAMP DUTY AND FEES") or recited from an earlier
deed ("sold ... under a Sale Deed ... for a consideration of Rs. ...") is passed over.
"""

from __future__ import annotations

import re

from docmill_extractor.rules.registration import sentence_before
from docmill_normalize import parse_amount

AMOUNT_LABELS = {
    "sale_consideration": r"consideration|price",
    "guidance_value": r"guidance\s+(?:\(\s*market\s*\)\s+)?value|market\s+value",
    # "Karnataka Stamp Act" names the law and "e-Stamp Certificate No." the paper, not the duty.
    # "e-stamp duty of Rs. ..." is the duty all the same.
    "stamp_duty_fee": r"(?<![-\w])stamp(?!\s+act\b)|\be-?stamp\s+duty",
    "registration_fee": (
        r"registration\s+(?:fees?|charges)|fees?\s+(?:for|of)\s+registration|regn\.?\s+fees?"
    ),
}
_ANY_LABEL = re.compile("|".join(f"(?:{labels})" for labels in AMOUNT_LABELS.values()), re.I)
_AMOUNT_FIRST = (
    r"(?P<amount>(?:Rs\.?|INR|₹)\s*\d[\d,]*(?:\.\d+)?(?:\s*/-)?)"
    r"\s+(?:towards|as|being)\s+(?:the\s+)?(?:{labels})"
)
# "Stamp Duty Amount (Rs.): 7,21,780": the currency in the label belongs to the figure.
_CURRENCY_IN_LABEL = re.compile(r"\(\s*(Rs\.?|INR|₹)\s*\)\s*[:\-]?")
# With no "consideration" or "price" named: "has purchased the Schedule Property for Rs. ...",
# "have agreed to sell the schedule property for Rs. ...".
_BOUGHT_FOR = (
    r"\b(?:purchased|bought|sold|sell|transferred|conveyed)\b[\w\s'()]{0,60}?\bfor"
    r"(?=\s+(?:Rs\b|INR|₹))"
)
# A recital of how the seller acquired the property quotes that earlier deed's price:
# "purchased ... under a Sale Deed dated ... for Rs. X" or "purchased ... for a
# consideration of Rs. X under a registered Sale Deed dated ...".
_ACQUIRED = re.compile(r"\b(?:sold|purchased|acquired|bought)\b", re.I)
_EARLIER_DEED = re.compile(
    r"\b(?:sale|gift|partition|settlement|release)\s+deed\s+dated\b"
    r"|\bregistered\s+as\s+(?:document|doc\.?)\s+no",
    re.I,
)
# The rest of a sentence after a label: up to a semicolon or a full stop before a word.
_SENTENCE_END = re.compile(r";|\.\s+(?=[A-Z][a-z]{2,}\s)")
_RECITAL_REACH = 160


def _recited(text: str, pos: int) -> bool:
    """True when the label at `pos` sits in a recital of an earlier deed."""
    before = sentence_before(text, pos)
    if not _ACQUIRED.search(before):
        return False
    after = text[pos : pos + _RECITAL_REACH]
    end = _SENTENCE_END.search(after)
    return _EARLIER_DEED.search(before + (after[: end.start()] if end else after)) is not None


_RUPEE_FIGURE = re.compile(r"(?:Rs\.?|INR|₹)\s*(\d[\d,]*)", re.I)


def _amount_after(text: str, m: re.Match[str]) -> float | None:
    window = _CURRENCY_IN_LABEL.sub(r" \1 ", text[m.end() : m.end() + 160], count=1)
    # Another label before the figure: this one heads a table or a longer phrase.
    other = _ANY_LABEL.search(window)
    return parse_amount(window[: other.start()] if other else window, require_currency=True)


def read_amount(text: str, labels: str, *, recited: bool = True) -> float | None:
    """Return the amount `labels` names in `text`, None when not stated.

    With `recited`, an amount only an earlier deed's recital states is taken when
    nothing else names one.
    """
    first = re.search(_AMOUNT_FIRST.format(labels=labels), text, re.I)
    if first:
        value = parse_amount(first.group("amount"), require_currency=True)
        if value is not None:
            return value
    earlier: float | None = None
    for m in re.finditer(labels, text, re.I):
        value = _amount_after(text, m)
        if value is None:
            continue
        if not _recited(text, m.start()):
            return value
        earlier = earlier if earlier is not None else value
    return earlier if recited else None


def _well_grouped(figure: str) -> bool:
    """`1,25,350`, `125,350`, even `1,32000`; but `4,0` is a figure OCR cut short."""
    _head, *groups = figure.rstrip(",").split(",")
    return not groups or (len(groups[-1]) >= 3 and all(len(g) >= 2 for g in groups))


def read_registration_fee(text: str) -> float | None:
    """The registration fee `text` states; None when its only figure is malformed.

    A fee table read by OCR loses digits under seals and folds (`Rs.4,0` for
    `Rs.4,01,080`); such a fee is left missing so the vision step reads the table.
    """
    fee = read_amount(text, AMOUNT_LABELS["registration_fee"])
    if fee is None:
        return None
    printed = [
        m.group(1)
        for m in _RUPEE_FIGURE.finditer(text)
        if parse_amount(m.group(0), require_currency=True) == fee
    ]
    if printed and not any(_well_grouped(f) for f in printed):
        return None
    # Read from a table, the figure must sit in the fee's own row and the rows must add
    # up to the table's total: OCR that lost the fee's figure hands over the next row's
    # (`REGISTRATION FEE | Recd.` then `Cess Rs.3,03,000/-`), and the vision step reads
    # such a table better than a guess from its text.
    lines = [line for line in text.splitlines() if line.strip()]

    def amounts(line: str) -> list[float | None]:
        return [
            parse_amount(m.group(0), require_currency=True) for m in _RUPEE_FIGURE.finditer(line)
        ]

    for i, line in enumerate(lines):
        label = re.search(AMOUNT_LABELS["registration_fee"], line, re.I)
        if label is None:
            continue
        row = i
        if fee not in amounts(line[label.end() :]):
            row = i + 1
            if row >= len(lines) or fee not in amounts(lines[row]):
                continue
            first = _RUPEE_FIGURE.search(lines[row])
            if first and re.search(r"[A-Za-z]{3}", lines[row][: first.start()]):
                return None  # the figure is another row's, under its own label
        top = row
        while top > 0 and amounts(lines[top - 1]) and len(lines[top - 1].split()) <= 12:
            top -= 1
        end = row
        while end + 1 < len(lines) and amounts(lines[end + 1]):
            end += 1
        block = lines[top : end + 1]
        totals = [k for k, b in enumerate(block) if re.match(r"\W*(?:grand\s+)?total\b", b, re.I)]
        if totals and totals[0] > row - top:
            total = amounts(block[totals[0]])[-1]
            rows = [fee if k == row - top else amounts(b)[-1] for k, b in enumerate(block)]
            parts = rows[: totals[0]]
            if total is None or None in parts or abs(sum(parts) - total) >= 1:  # type: ignore[arg-type]
                return None
        return fee
    return fee


def read_amounts(text: str) -> dict[str, float | None]:
    """Return the four amounts of a deed by field name."""
    amounts = {name: read_amount(text, labels) for name, labels in AMOUNT_LABELS.items()}
    amounts["registration_fee"] = read_registration_fee(text)
    price = AMOUNT_LABELS["sale_consideration"]
    amounts["sale_consideration"] = (
        read_amount(text, price, recited=False)
        or read_amount(text, _BOUGHT_FOR, recited=False)
        or read_amount(text, price)
    )
    return amounts
