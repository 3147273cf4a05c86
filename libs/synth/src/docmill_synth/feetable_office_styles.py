"""The six fee-page styles of the office fee deeds, each drawn onto a point-based canvas."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from docmill_synth.feetable_office_draw import (
    BLACK,
    PEN_INKS,
    Box,
    Canvas,
    box_stamp,
    hand_text,
    round_seal,
    signature,
    table,
)
from docmill_synth.feetable_office_rows import Page, cells, fee_index, indian, prose
from docmill_synth.render import PAGE_H, PAGE_W


@dataclass(frozen=True, slots=True)
class Layout:
    fee_box: Box  # the fee amount's box in points; seals keep clear of it
    sign_xy: tuple[float, float]


def columns(
    kinds: str, heads: dict[str, str], fixed: dict[str, float], *, width: float
) -> list[tuple[str, float, str]]:
    """Table columns in `kinds` order; the description ("d") takes what the others leave."""
    rest = width - sum(fixed[k] for k in kinds if k != "d")
    return [(heads[k], rest if k == "d" else fixed[k], "r" if k == "m" else "l") for k in kinds]


def _kaveri_receipt(c: Canvas, rng: random.Random, p: Page) -> Layout:
    x, w = rng.uniform(45, 80), rng.uniform(400, 480)
    y = rng.uniform(45, 110)
    c.text((x + w / 2, y), "GOVERNMENT OF KARNATAKA", "sans_bold", 10, anchor="ma")
    c.text((x + w / 2, y + 14), "Department of Stamps and Registration", "sans", 9, anchor="ma")
    c.text(
        (x + w / 2, y + 32),
        rng.choice(("KAVERI ONLINE SERVICES", "KAVERI 2.0")),
        "sans_bold",
        13,
        anchor="ma",
    )
    c.text(
        (x + w / 2, y + 52),
        rng.choice(("FEE RECEIPT", "Receipt for Fees Paid")),
        "sans_bold",
        11,
        anchor="ma",
    )
    y += 80
    for label, value in (
        ("Receipt No.", f"RCPT/{p.date[-4:]}/{rng.randrange(10000, 99999)}"),
        ("Document No.", p.doc_no),
        ("Date", p.date),
        ("Received from", p.buyer),
        ("Office", f"Sub-Registrar, {p.office}"),
    ):
        c.text((x, y), f"{label}", "sans", 9)
        c.text((x + 95, y), f": {value}", "sans", 9)
        y += 14
    y += rng.uniform(10, 30)
    kinds = rng.choice(("ndm", "ndm", "nhdm"))
    heads = {"n": "Sl. No.", "h": "Head of Account", "d": "Description", "m": "Amount (Rs.)"}
    cols = columns(kinds, heads, {"n": 45, "h": 115, "m": 110}, width=w)
    size = rng.uniform(9, 10.5)
    fee_box, y = table(
        c,
        rng,
        x,
        y,
        cols,
        cells(p, kinds, False),
        fee_index(p),
        "grid",
        rng.choice(("sans", "condensed")),
        size,
    )
    c.text((x, y + 16), "This is a computer generated receipt.", "sans", 8)
    box_stamp(
        c,
        rng,
        (x + 10, y + 40, x + 170, y + 90),
        ["FEES RECEIVED", p.date, f"SRO {p.office.upper()}"],
    )
    return Layout(fee_box, (x + w - 150, y + 80))


def _article_schedule(c: Canvas, rng: random.Random, p: Page) -> Layout:
    x, w = rng.uniform(55, 90), rng.uniform(380, 450)
    y = rng.uniform(60, 140)
    c.text(
        (x + w / 2, y),
        f"OFFICE OF THE SUB-REGISTRAR, {p.office.upper()}",
        "serif_bold",
        11,
        anchor="ma",
    )
    c.text(
        (x + w / 2, y + 22),
        rng.choice(("SCHEDULE OF FEES LEVIED", "Schedule of Fees")),
        "serif_bold",
        12,
        anchor="ma",
    )
    y = c.wrap(x, y + 50, w, prose(p, rng), "serif", 10, 1.45) + rng.uniform(8, 24)
    kinds = rng.choice(("adm", "nadm"))
    heads = {"n": "No.", "a": "Article", "d": "Particulars of fee", "m": "Amount"}
    cols = columns(kinds, heads, {"n": 40, "a": 75, "m": 120}, width=w)
    fee_box, y = table(
        c,
        rng,
        x,
        y,
        cols,
        cells(p, kinds, True),
        fee_index(p),
        rng.choice(("horizontal", "grid")),
        "serif",
        rng.uniform(9.5, 11),
    )
    y = c.wrap(x, y + 20, w, f"Document No. {p.doc_no}.", "serif", 10, 1.4)
    return Layout(fee_box, (x + w - 140, y + 50))


def _pen_ledger(c: Canvas, rng: random.Random, p: Page) -> Layout:
    pitch = rng.uniform(24, 30)
    top = rng.uniform(70, 110)
    rule_ink = (140, 170, 215)
    for i in range(int((PAGE_H - top - 30) / pitch)):
        c.line(20, top + i * pitch, PAGE_W - 20, top + i * pitch, 0.5, rule_ink)
    margin = rng.uniform(60, 85)
    c.line(margin, 20, margin, PAGE_H - 20, 0.8, (205, 90, 90))
    amount_x = PAGE_W - rng.uniform(150, 200)
    c.line(amount_x, top, amount_x, PAGE_H - 30, 0.8, (205, 90, 90))
    c.text(
        (margin + 10, top - 40),
        rng.choice(("FEE BOOK", "Register of Fees Levied")),
        "serif_bold",
        12,
    )
    ink = rng.choice(PEN_INKS)
    hs = rng.uniform(12, 14)
    line = 1
    base = top + pitch * 0.2
    hand_text(c, rng, (margin + 10, base), f"Doc. No. {p.doc_no}   dt. {p.date}", hs, ink)
    hand_text(c, rng, (margin + 10, base + pitch), f"Presented by {p.buyer}", hs, ink)
    line = 3
    rows = [*p.rows, *([p.total] if p.total else [])]
    fee_box: Box = (0, 0, 0, 0)
    for r in rows:
        y = top + line * pitch - hs * 1.4
        hand_text(c, rng, (margin + 10, y), r.label, hs, ink)
        box = hand_text(c, rng, (PAGE_W - 40, y), p.fmt(r.amount), hs, ink, anchor_right=True)
        if r.is_fee:
            fee_box = box
        line += 1
    y = top + (line + 2) * pitch
    return Layout(fee_box, (amount_x - 60, y))


def _typed_endorsement(c: Canvas, rng: random.Random, p: Page) -> Layout:
    x, w = rng.uniform(50, 80), rng.uniform(420, 480)
    y = rng.uniform(50, 120)
    size = rng.uniform(9.5, 11)
    c.text((x + w / 2, y), "ENDORSEMENT", "mono_bold", 12, anchor="ma")
    c.text(
        (x + w / 2, y + 16),
        "(Sections 52 and 58 of the Registration Act, 1908)",
        "mono",
        9,
        anchor="ma",
    )
    y = c.wrap(x, y + 40, w, prose(p, rng), "mono", size, 1.5) + rng.uniform(10, 24)
    c.text((x, y), "Fees paid:", "mono_bold", size)
    y += size * 2
    split = rng.random() < 0.4
    if split:
        # Old registers keep rupees and paise in separate columns.
        fmt = indian if rng.random() < 0.7 else str
        cols = [("Particulars", w - 160, "l"), ("Rs.", 110, "r"), ("Ps.", 50, "r")]
        grid = [[r.label, fmt(r.amount), "00"] for r in p.rows]
        if p.total:
            grid.append([p.total.label, fmt(p.total.amount), "00"])
        fee_box, y = table(c, rng, x, y, cols, grid, fee_index(p), "none", "mono", size)
        fee_box = (fee_box[0] - 120, fee_box[1], fee_box[2], fee_box[3])
    else:
        kinds = rng.choice(("dm", "ndm"))
        heads = {"n": "", "d": "Particulars", "m": "Amount"}
        cols = columns(kinds, heads, {"n": 40, "m": 150}, width=w)
        fee_box, y = table(
            c,
            rng,
            x,
            y,
            cols,
            cells(p, kinds, True),
            fee_index(p),
            rng.choice(("none", "header")),
            "mono",
            size,
        )
    y = c.wrap(x, y + 18, w, f"Registered as No. {p.doc_no} of Book I.", "mono", size, 1.5)
    return Layout(fee_box, (x + w - 170, y + 45))


def _stamp_box(c: Canvas, rng: random.Random, p: Page) -> Layout:
    x, w = rng.uniform(50, 80), rng.uniform(430, 470)
    y = rng.uniform(50, 90)
    title = rng.choice(("ENDORSEMENT", "Endorsement of the Sub-Registrar", "CERTIFICATE OF FEES"))
    c.text((x, y), title, "serif_bold", 12)
    y = c.wrap(x, y + 28, w, prose(p, rng), "serif", 10.5, 1.5)
    y = c.wrap(x, y + 6, w, f"Identified by witnesses known to {p.seller}.", "serif", 10.5, 1.5)
    ink = (95, 45, 150)
    bx, bw = x + rng.uniform(0, 80), rng.uniform(300, 360)
    by = y + rng.uniform(30, 80)
    c.text((bx + 8, by + 6), f"SUB-REGISTRAR, {p.office.upper()}", "sans_bold", 9.5, ink)
    cols = [("Fees", bw - 150, "l"), ("Rs.", 150, "r")]
    grid = [[r.label, p.fmt(r.amount)] for r in p.rows]
    if p.total:
        grid.append([p.total.label, p.fmt(p.total.amount)])
    fee_box, bottom = table(
        c,
        rng,
        bx,
        by + 22,
        cols,
        grid,
        fee_index(p),
        "grid",
        "sans",
        rng.uniform(9.5, 10.5),
        ink,
        hand_cols=(1,),
    )
    c.rect((bx - 4, by, bx + bw + 4, bottom + 4), 1.2, ink)
    return Layout(fee_box, (bx + bw - 120, bottom + 50))


def _khajane_challan(c: Canvas, rng: random.Random, p: Page) -> Layout:
    x, w = rng.uniform(40, 70), rng.uniform(460, 510)
    y = rng.uniform(40, 90)
    c.text((x, y), "KHAJANE-II", "condensed_bold", 14)
    c.text((x + w, y + 2), "e-Challan / Remittance Advice", "condensed", 10, anchor="ra")
    c.line(x, y + 22, x + w, y + 22, 1.0, BLACK)
    y += 34
    for label, value in (
        ("Challan Ref. No.", f"CR{rng.randrange(10**9, 10**10)}"),
        ("Department", "Stamps and Registration"),
        ("DDO", f"Sub-Registrar, {p.office}"),
        ("Remitter", p.buyer),
        ("Date of remittance", p.date),
    ):
        c.text((x, y), label, "condensed", 9.5)
        c.text((x + 120, y), value, "condensed", 9.5)
        y += 14
    y += rng.uniform(12, 40)
    kinds = rng.choice(("nhdm", "hdm"))
    heads = {"n": "Sl", "h": "Head of Account", "d": "Purpose", "m": "Amount (Rs)"}
    cols = columns(kinds, heads, {"n": 35, "h": 125, "m": 115}, width=w)
    fee_box, y = table(
        c,
        rng,
        x,
        y,
        cols,
        cells(p, kinds, False),
        fee_index(p),
        rng.choice(("grid", "horizontal")),
        "condensed",
        rng.uniform(9, 10.5),
    )
    c.text(
        (x, y + 16),
        f"Bank: {rng.choice(('SBI', 'Canara Bank', 'Karnataka Bank'))}   Status: SUCCESS",
        "condensed",
        9,
    )
    return Layout(fee_box, (x + w - 150, y + 70))


DRAW: dict[str, Callable[[Canvas, random.Random, Page], Layout]] = {
    "kaveri_receipt": _kaveri_receipt,
    "article_schedule": _article_schedule,
    "pen_ledger": _pen_ledger,
    "typed_endorsement": _typed_endorsement,
    "stamp_box": _stamp_box,
    "khajane_challan": _khajane_challan,
}


def seals(c: Canvas, rng: random.Random, p: Page, layout: Layout) -> None:
    """Sign the page and press one or two round seals somewhere clear of the fee digits."""
    sx, sy = layout.sign_xy
    signature(c, rng, sx, sy, rng.uniform(70, 120), rng.choice(PEN_INKS))
    c.text((sx, sy + 14), rng.choice(("Sub-Registrar", "Sub Registrar", "SRO")), "serif", 9.5)
    fx0, fy0, fx1, fy1 = layout.fee_box
    for _ in range(rng.randint(1, 2)):
        r = rng.uniform(32, 48)
        for _attempt in range(40):
            cx = rng.choice((sx + rng.uniform(-20, 60), rng.uniform(r + 20, PAGE_W - r - 20)))
            cy = rng.choice((sy + rng.uniform(-40, 20), rng.uniform(r + 40, PAGE_H - r - 40)))
            nx, ny = min(max(cx, fx0), fx1), min(max(cy, fy0), fy1)
            if (nx - cx) ** 2 + (ny - cy) ** 2 > (r + 6) ** 2:
                break
        else:
            continue
        ring = f"SUB-REGISTRAR * {p.office.upper()} *"
        round_seal(c, rng, cx, cy, r, ring, ["GOVT. OF", "KARNATAKA", p.date[-4:]])


def companion(rng: random.Random, p: Page, dpi: int) -> Canvas:
    """A second scanned endorsement page (admission, identification) that carries no fee."""
    c = Canvas(dpi, PAGE_W, PAGE_H)
    x, w = 60.0, PAGE_W - 120
    c.text((PAGE_W / 2, 60), "CERTIFICATE OF REGISTRATION", "serif_bold", 12, anchor="ma")
    y = 100.0
    for text in (
        f"Execution of this document is admitted by {p.seller}, the executant, before me.",
        f"The claimant {p.buyer} is identified by two witnesses whose signatures and thumb "
        "impressions are affixed below.",
        f"Registered at the office of the Sub-Registrar, {p.office}, as document No. {p.doc_no} "
        f"of Book I, on {p.date}.",
    ):
        y = c.wrap(x, y, w, text, "serif", 10.5, 1.5) + 10
    for i in range(2):
        bx = x + i * 240
        c.rect((bx, y + 20, bx + 90, y + 110), 0.8, BLACK)
        c.text((bx, y + 116), f"Witness {i + 1}", "serif", 9)
        signature(c, rng, bx + 100, y + 70, 90, rng.choice(PEN_INKS))
    signature(c, rng, x + w - 140, y + 220, 110, rng.choice(PEN_INKS))
    c.text((x + w - 140, y + 236), "Sub-Registrar", "serif", 9.5)
    round_seal(
        c,
        rng,
        x + w - 110,
        y + 200,
        40,
        f"SUB-REGISTRAR * {p.office.upper()} *",
        ["GOVT. OF", "KARNATAKA"],
    )
    return c
