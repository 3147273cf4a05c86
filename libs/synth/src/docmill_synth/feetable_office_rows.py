"""Facts and fee rows for the office fee pages: what each scanned table must show."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from docmill_contracts.saledeed import SaleDeed

STYLES = (
    "kaveri_receipt",
    "article_schedule",
    "pen_ledger",
    "typed_endorsement",
    "stamp_box",
    "khajane_challan",
)
FEE_LABELS = (
    "Registration Fee",
    "Regn. fee",
    "Fee for registration",
    "Registration fees",
    "Registration charges (Article 1)",
    "Regn. Fees (Art. 1)",
)
FEE_ARTICLE, FEE_HEAD = "Art. 1(a)", "0030-03-104-0-01"
TOTAL_LABELS = ("Total", "Total fees paid", "Grand Total", "Total amount")
# key: (labels split on "|", article, head of account); none of them is the registration fee.
OTHER_ROWS: dict[str, tuple[str, str, str]] = {
    "stamp": (
        "Stamp duty|Stamp duty (e-stamp)|Duty on instrument",
        "Art. 20(1)",
        "0030-02-102-0-01",
    ),
    "surcharge": ("Surcharge|Surcharge on stamp duty", "Sec. 3A", "0030-02-102-0-02"),
    "cess": ("Cess|Cess on stamp duty (10%)", "Sec. 3B", "0030-02-102-0-03"),
    "scan": ("Scanning fee|Scanning charges", "Art. 9", "0030-03-104-0-04"),
    "copy": ("Copying fee|Certified copy fee", "Art. 11", "0030-03-104-0-03"),
    "dd": ("DD charges|Challan charges|DD commission", "-", "8443-00-106-0-01"),
    "service": (
        "Service charges|Kaveri service charges|Computer service charges",
        "-",
        "0030-03-800-0-01",
    ),
    "filing": ("Filing fee (Form No. 1)|Memo filing fee", "Art. 7", "0030-03-104-0-05"),
    "endorse": ("Endorsement fee|Fee for endorsement", "Art. 2", "0030-03-104-0-06"),
}


def _other_amount(key: str, rng: random.Random, stamp: int) -> int:
    """A plausible amount for a non-registration row; cess and surcharge follow the duty."""
    match key:
        case "stamp":
            return stamp
        case "surcharge":
            return round(stamp * rng.choice((0.02, 0.03)))
        case "cess":
            return round(stamp * 0.1)
        case "scan":
            return rng.randrange(4, 30) * 25
        case "copy":
            return rng.randrange(2, 14) * 50
        case "dd":
            return rng.choice((25, 50, 75, 100, 150))
        case "service":
            return rng.choice((100, 200, 250, 300, 500))
        case "filing":
            return rng.choice((100, 200, 250))
    return rng.choice((10, 20, 50, 100))


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    amount: int
    article: str
    head: str
    is_fee: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """What a style needs to know about the deed, and the rows it must show."""

    fee: int
    office: str
    date: str
    doc_no: str
    buyer: str
    seller: str
    rows: list[Row]
    total: Row | None
    fmt: Callable[[int], str]


def indian(n: int) -> str:
    """`n` with Indian digit grouping: 1,20,000."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


def _formatter(rng: random.Random) -> Callable[[int], str]:
    group = indian if rng.random() < 0.7 else str
    decor = rng.choice(("{}", "Rs. {}", "{}/-", "{}.00", "Rs.{}/-", "Rs. {}.00"))
    return lambda n: decor.format(group(n))


def _rows(rng: random.Random, fee: int, stamp: int) -> tuple[list[Row], Row | None]:
    keys = rng.sample(sorted(OTHER_ROWS), rng.randint(2, 5))
    rows = []
    for key in keys:
        labels, article, head = OTHER_ROWS[key]
        value = _other_amount(key, rng, stamp)
        # Another row must never carry the fee's figure.
        while value == fee or value <= 0:
            value += 10
        rows.append(Row(rng.choice(labels.split("|")), value, article, head))
    fee_row = Row(rng.choice(FEE_LABELS), fee, FEE_ARTICLE, FEE_HEAD, is_fee=True)
    rows.insert(rng.randrange(len(rows) + 1), fee_row)
    total = None
    if rng.random() < 0.75:
        total = Row(rng.choice(TOTAL_LABELS), sum(r.amount for r in rows), "", "")
    return rows, total


def page_facts(rng: random.Random, truth: SaleDeed) -> Page:
    fee = int(truth.property_details.registration_fee or 0)
    stamp = int(truth.property_details.stamp_duty_fee or 0)
    office = (truth.registration_office or "Sub-Registrar Office").split(",")[-1].strip()
    date = dt.date.fromisoformat(truth.transaction_date or "2020-01-01").strftime("%d-%m-%Y")
    code = re.sub(r"[^A-Z]", "", office.upper())[:3] or "SRO"
    doc_no = f"{code}-1-{rng.randrange(1000, 9999):04d}-{date[-4:]}-{int(date[-2:]) + 1:02d}"
    rows, total = _rows(rng, fee, stamp)
    return Page(
        fee=fee,
        office=office,
        date=date,
        doc_no=doc_no,
        buyer=truth.buyers[0].name if truth.buyers else "the claimant",
        seller=truth.sellers[0].name if truth.sellers else "the executant",
        rows=rows,
        total=total,
        fmt=_formatter(rng),
    )


def cells(p: Page, kinds: str, numbered: bool) -> list[list[str]]:
    """Row cells by column kinds: n sl. no., a article, h head of account, d label, m amount."""
    out = []
    rows = [*p.rows, *([p.total] if p.total else [])]
    for i, r in enumerate(rows):
        is_total = p.total is not None and r is p.total
        pick = {
            "n": "" if is_total else (f"{i + 1}." if numbered else str(i + 1)),
            "a": r.article,
            "h": r.head,
            "d": r.label,
            "m": p.fmt(r.amount),
        }
        out.append([pick[k] for k in kinds])
    return out


def fee_index(p: Page) -> int:
    return next(i for i, r in enumerate(p.rows) if r.is_fee)


def prose(p: Page, rng: random.Random) -> str:
    hour = rng.randint(10, 16)
    return rng.choice(
        (
            f"Presented in the office of the Sub-Registrar, {p.office}, between {hour} and "
            f"{hour + 1} hours on {p.date} by {p.buyer}, and the fees as detailed below were paid.",
            f"Execution admitted by {p.seller} before me on {p.date}. Fees levied and collected "
            f"under the Karnataka Registration (Fees) Rules are entered below.",
            f"Received from {p.buyer} the following fees in respect of document No. {p.doc_no} "
            f"presented at the office of the Sub-Registrar, {p.office}.",
        )
    )
