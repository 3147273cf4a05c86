"""Fee-table rows: an OCR line -> (label, amount), which row is the registration fee."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

# One figure as OCR gives it: `1,23,456`, `1,32000.00`, `4, 36,000`, `3052300.00`. The
# tail of a receipt or challan number (`CR94/59524`, `CR95/ 38056`) is not an amount.
_FIGURE = re.compile(r"(?<![A-Za-z\d/])(?<![A-Za-z\d]/ )\d(?:\d|,\s?(?=\d)|\.(?=\d))*")
_DECIMALS = re.compile(r"[.,](\d{1,2})$")
# A box clipped on the left leaves the tail of the word: `gistration`, `stration`.
_REGISTRATION = re.compile(r"\b(regi\w*|regn\w*|regd\w*|r?e?g?i?stration)\b", re.IGNORECASE)
_NOT_REGISTRATION = re.compile(
    r"\b(total|stamp|scan|cess|copy|surcharge|mutation|endorse|digiti|postage|duty)",
    re.IGNORECASE,
)
# Heads a sub-registrar's receipt lists beside the registration fee; garbled words near
# these are not the fee even when they end in `-ation` like `registration`.
OTHER_HEADS = (
    "total",
    "stamp",
    "duty",
    "scanning",
    "digitisation",
    "digitization",
    "surcharge",
    "copying",
    "certified",
    "mutation",
    "endorsement",
    "infrastructure",
    "additional",
    "postage",
)
# The sub-registrar's office and "Registered as Document No." are endorsement text, not fees.
_REGISTRAR = re.compile(r"registrar\b|regi\s?strar|\bregistered\b", re.IGNORECASE)
# Row labels are a few words; a longer "label" is a sentence of the endorsement.
MAX_LABEL_WORDS = 7
_TOTAL = re.compile(r"\btotal\b", re.IGNORECASE)
# "Registration fees u/Art. 1 of the Table of Fees" is long but starts as a fee head does.
_FEE_HEAD_FIRST = re.compile(
    r"^\W*(?:(?:regi\w*|regn\w*|r?e?g?i?stration)\W+fees?|fees?\W+for\W+regi\w*)\b",
    re.IGNORECASE,
)
_FEE_WORD = re.compile(r"\b(fees?|charges?)\b", re.IGNORECASE)
# Tables with separate rupee and paise columns: `Rs. | Ps.`, `Rupees | Paise`, `Rs. | P.`
_PAISE_HEADER = re.compile(r"\b(?:rs|rupees)\b\.?.*?(?:\bps\b|\bpaise\b|\bp\b\.)", re.IGNORECASE)
_PAISE_CELL = re.compile(r"^\d{2}$")
_NOISE = re.compile(r"[|\[\]{}_=~`\"“”‘’]+")


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str
    amount: float | None
    text: str  # the whole OCR line


def parse_figure(raw: str) -> float | None:
    """`1,32,000.00` -> 132000.0; separators anywhere, paise only after the last one.

    Fees are written in whole rupees or with two-digit paise; one digit after the last
    separator (`44.9`) is a misread group, so the figure is not trusted (None).
    """
    token = raw.replace(" ", "")
    paise = 0.0
    decimals = _DECIMALS.search(token)
    if decimals and len(re.sub(r"\D", "", token)) > len(decimals.group(1)):
        if len(decimals.group(1)) == 1:
            return None
        paise = int(decimals.group(1)) / 100
        token = token[: decimals.start()]
    digits = re.sub(r"\D", "", token)
    return float(int(digits)) + paise if digits else None


def last_figure(text: str) -> float | None:
    """The value of the last free-standing figure in `text`."""
    figures = list(_FIGURE.finditer(text))
    return parse_figure(figures[-1].group(0)) if figures else None


def split_row(line: str) -> TableRow:
    """Split one OCR line into its label and its amount (the last figure on the line).

    OCR leaves specks and seal fragments after the amount (`Rs. 4,18,600/- ql`), so
    the amount is the last free-standing figure, wherever the line ends.
    """
    text = " ".join(_NOISE.sub(" ", line).split())
    figures = list(_FIGURE.finditer(text))
    if not figures:
        return TableRow(label=_label_words(text), amount=None, text=line)
    last = figures[-1]
    label = _label_words(text[: last.start()])
    return TableRow(label=label, amount=parse_figure(last.group(0)), text=line)


def _label_words(text: str) -> str:
    # Serial numbers, receipt columns and `Rs.` sit between; keep only the label's words.
    words = [w for w in text.split() if re.search(r"[A-Za-z]{2,}", w)]
    while words and words[-1].lower().strip(".:") in {"rs", "inr"}:
        words.pop()
    return " ".join(words).strip(" :-.")


def _like(word: str, target: str, *, ratio: float) -> bool:
    return SequenceMatcher(None, word, target).ratio() >= ratio


def _words(label: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", label.lower()) if len(w) >= 3]


def is_other_head(label: str) -> bool:
    """True when `label` names a fee other than registration (stamp duty, a total, ...)."""
    if _NOT_REGISTRATION.search(label):
        return True
    return any(_like(w, head, ratio=0.8) for w in _words(label) for head in OTHER_HEADS)


def is_registration_label(label: str) -> bool:
    """True when `label` names the registration fee (and not stamp duty, totals, ...).

    OCR garbles words under seals (`Regiab ttin`, `Resstreuon`), so words match loosely.
    """
    if _REGISTRAR.search(label):
        return False
    if len(label.split()) > MAX_LABEL_WORDS and not _starts_as_fee_head(label):
        return False
    if _REGISTRATION.search(label) and not _NOT_REGISTRATION.search(label):
        return True
    if is_other_head(label):
        return False
    if _starts_as_fee_head(label):
        return True
    # Many fee heads end in "-ation" too; a garbled "registration" still starts with r.
    candidates = [w for w in _words(label) if w.startswith("r")]
    return any(_like(w, "registration", ratio=0.6) for w in candidates)


def _starts_as_fee_head(label: str) -> bool:
    if _FEE_HEAD_FIRST.search(label):
        return True
    # `Aogistration feos u/Art. ...` under a seal: the first two words, loosely.
    words = _words(label)[:2]
    return (
        len(words) == 2
        and _like(words[0], "registration", ratio=0.8)
        and _like(words[1], "fees", ratio=0.75)
    )


def is_total_label(label: str) -> bool:
    """True for `Total`, `Grand Total`, `Total Paid` and OCR slips of them."""
    return bool(_TOTAL.search(label)) or any(_like(w, "total", ratio=0.7) for w in _words(label))


def names_a_fee(label: str) -> bool:
    """True when `label` is a fee-table row: the registration fee, another head or a total."""
    return bool(label) and (
        is_registration_label(label) or is_total_label(label) or is_other_head(label)
    )


def registration_fee(rows: list[TableRow]) -> float | None:
    """The amount of the registration-fee row, else one implied by the total and the others."""
    named = [r for r in rows if is_registration_label(r.label)]
    if not named:
        return None
    # A seal's "SUB REGISTRAR" garbled to `UB REGIS` also names registration; the row
    # that says fee is the table's.
    row = next((r for r in named if _FEE_WORD.search(r.label)), named[0])
    implied = implied_fee(rows, row)
    if row.amount is None or row.amount < 1:
        # The fee's own amount was unreadable: the total minus every other fee gives it.
        return implied
    if implied is not None and not _REGISTRATION.search(row.label):
        # A label read only loosely was under a seal or a fold; its amount likely was too.
        return implied
    return row.amount


def implied_fee(rows: list[TableRow], fee_row: TableRow) -> float | None:
    """The total minus every other amount, when the table has a total."""
    totals = [i for i, r in enumerate(rows) if is_total_label(r.label) and r.amount is not None]
    if not totals:
        return None
    # The total closes the fee rows: what follows it (a receipt number, a signature's
    # scrawl read as a figure) is no fee.
    end = totals[-1]
    others = [
        r
        for i, r in enumerate(rows[:end])
        if r.amount is not None and i not in totals and r is not fee_row
    ]
    implied = rows[end].amount - sum(r.amount for r in others)  # type: ignore[operator]
    # Rupee fees come out whole; a fraction means some amount was misread.
    return implied if implied >= 1 and abs(implied - round(implied)) < 0.005 else None


def adds_up(rows: list[TableRow]) -> bool:
    """True when the table has a total and every other amount sums to it: a clean read."""
    totals = [r for r in rows if is_total_label(r.label) and r.amount is not None]
    others = [r for r in rows if r.amount is not None and r not in totals]
    if not (totals and others):
        return False
    return abs(sum(r.amount for r in others) - totals[-1].amount) < 1  # type: ignore[misc]


def _paise_split(text: str) -> tuple[str, str] | None:
    """(rupees, paise) when the line ends in a figure and a separate two-digit cell."""
    text = " ".join(_NOISE.sub(" ", text).split())
    figures = list(_FIGURE.finditer(text))
    if len(figures) < 2 or not _PAISE_CELL.match(figures[-1].group(0)):
        return None
    rupees = figures[-2]
    # Two cells apart (`2023-24` is one token), after the label: a figure with no
    # words before it is the serial number.
    if text[rupees.end() : figures[-1].start()].strip():
        return None
    if not re.search(r"[A-Za-z]{2}", text[: rupees.start()]):
        return None
    return rupees.group(0), figures[-1].group(0)


def _ends_in_paise_cell(text: str) -> bool:
    figures = list(_FIGURE.finditer(" ".join(_NOISE.sub(" ", text).split())))
    return bool(figures) and bool(_PAISE_CELL.match(figures[-1].group(0)))


def has_paise_column(rows: list[TableRow]) -> bool:
    """True when the table keeps paise in a column of its own, right of the rupees.

    Either the header names it (`Rs. Ps.`, `Rupees Paise`), or most rows with amounts
    end in a figure and then a two-digit cell (`3,49,000 00`).
    """
    if any(r.amount is None and _PAISE_HEADER.search(r.text) for r in rows):
        return True
    with_amounts = [r for r in rows if r.amount is not None and r.label]
    split = sum(_paise_split(r.text) is not None for r in with_amounts)
    return split >= 2 and split >= 0.6 * len(with_amounts)


def paise_of(row: TableRow) -> float:
    """The paise cell of `row` as rupees (`50` -> 0.5), 0 when it has none."""
    split = _paise_split(row.text)
    return int(split[1]) / 100 if split else 0.0


def join_paise(rows: list[TableRow], *, paise: bool | None = None) -> list[TableRow]:
    """Rows of a rupee/paise table with each amount as rupees + paise / 100.

    Read as one line, `3,49,000 | 00` ends in the paise cell; the rupees are the figure
    before it. A row left with only its paise cell lost its rupees: no amount.
    """
    if not (has_paise_column(rows) if paise is None else paise):
        return rows
    out = []
    for row in rows:
        split = _paise_split(row.text)
        if split is not None:
            rupees = parse_figure(split[0])
            amount = None if rupees is None else rupees + int(split[1]) / 100
            out.append(replace(row, amount=amount))
        elif row.amount is not None and _ends_in_paise_cell(row.text):
            out.append(replace(row, amount=None))
        else:
            out.append(row)
    return out
