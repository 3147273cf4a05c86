"""Audit deeds whose registration fee is only in a scanned sub-registrar endorsement page.

Written apart from the vision step's detector data and reader: the honest check of whether
fee-table reading generalises to endorsement layouts it has never seen.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pymupdf
from PIL import Image, ImageDraw

from docmill_contracts.saledeed import SaleDeed
from docmill_synth.deed import generate_deed
from docmill_synth.feedeed import FeeDeed
from docmill_synth.feetable_audit_draw import (
    FeeRow,
    TableStyle,
    draw_marks,
    draw_seal,
    draw_signature,
    draw_table,
    draw_thumb,
    load_face,
    scan_page,
    wrap,
)
from docmill_synth.render import PAGE_H, PAGE_W

REG_LABELS = (
    "Registration Fee",
    "Regn. Fee",
    "Registration fees u/Art. 1 of the Table of Fees",
    "Fees for registration",
    "Registration fee (Art. I-A)",
    "REGISTRATION FEE",
)
OTHER_LABELS = {
    "stamp": ("Stamp Duty", "Stamp duty paid (e-stamp)", "Stamp Duty (e-Stamp)", "Stamp duty paid"),
    "surcharge": ("Surcharge", "Surcharge on stamp duty", "Surcharge (2%)"),
    "cess": ("Cess", "Cess (10% of S.D.)", "Cess on stamp duty"),
    "infra": ("Infrastructure cess", "Infra. cess", "Additional duty (Infrastructure)"),
    "scan": ("Scanning Fee", "Scanning fees", "Scanning charges"),
    "copy": ("Copying fee", "Copying / Filing fee", "Copying charges"),
    "service": ("Service charges", "Kaveri service charges", "Service charge"),
    "misc": ("Miscellaneous", "Misc. fee", "Other fees"),
}
TOTAL_LABELS = ("Total", "TOTAL", "Grand Total", "Total Rs.")
TITLES = (
    "Endorsement under Section 52 of the Registration Act, 1908",
    "ENDORSEMENT UNDER SECTION 52 OF THE REGISTRATION ACT",
    "Endorsement u/s 52 of the Indian Registration Act",
    "OFFICE OF THE SUB-REGISTRAR",
)
WITNESSES = (
    "Sri Manjunath K.",
    "Sri Ravi Kumar B.",
    "Smt. Lakshmi Devi",
    "Sri Prakash Gowda",
    "Sri Suresh H. N.",
    "Smt. Kavitha R.",
)
# Amount tokens near "registration fee" in a deed's text layer: Rs., INR, figures, Lakhs.
_AMOUNT_WORD = re.compile(
    r"^(Rs\.?|INR|₹)?[\d,.]*\d[\d,.]*(/-)?[.,;]?$|^(Rs\.?|INR|₹)$|^Lakhs?[.,;]?$"
)


def _fee_rows(rng: random.Random, *, fee: int, stamp_duty: int) -> list[FeeRow]:
    amounts = {
        "stamp": stamp_duty,
        "surcharge": round(stamp_duty * rng.choice([0.02, 0.03]) / 10) * 10,
        "cess": round(stamp_duty * 0.10 / 10) * 10,
        "infra": round(stamp_duty * rng.choice([0.01, 0.02]) / 10) * 10,
        "scan": rng.randint(8, 45) * rng.choice([5, 10, 20]),
        "copy": rng.randrange(50, 400, 10),
        "service": rng.choice([100, 150, 200, 250, 300]),
        "misc": rng.randrange(20, 200, 10),
    }
    kinds = rng.sample(sorted(amounts), rng.randint(2, 6))
    if "stamp" not in kinds and rng.random() < 0.7:
        kinds[0] = "stamp"
    receipt = rng.randint(10000, 99999)
    rows = [
        FeeRow(rng.choice(OTHER_LABELS[k]), amounts[k], f"{receipt + i}")
        for i, k in enumerate(kinds)
        if amounts[k] != fee  # exactly one row may carry the fee's amount
    ]
    reg = FeeRow(rng.choice(REG_LABELS), fee, f"{receipt - 1}")
    rows.insert(0 if rng.random() < 0.45 else rng.randint(0, len(rows)), reg)
    if rng.random() < 0.85:
        rows.append(FeeRow(rng.choice(TOTAL_LABELS), sum(r.amount for r in rows)))
    return rows


def _draw_lines(
    page: Image.Image, *, lines: list[str], origin: tuple[int, int], font, center: bool = False
) -> int:
    """Draw `lines` down from `origin`; return the y below them."""
    draw = ImageDraw.Draw(page)
    x, y = origin
    step = int(font.size * 1.45)
    for line in lines:
        if center:
            draw.text((page.width // 2, y), line, fill=(20, 20, 20), font=font, anchor="ma")
        else:
            draw.text((x, y), line, fill=(20, 20, 20), font=font)
        y += step
    return y


def _compose(rng: random.Random, *, truth: SaleDeed, fee: int, dpi: int) -> Image.Image:
    scale = dpi / 72
    page = Image.new("RGB", (int(PAGE_W * scale), int(PAGE_H * scale)), "white")
    place = truth.registration_office.removeprefix("Sub-Registrar Office, ")
    date = dt.date.fromisoformat(truth.transaction_date)
    fy = f"{date.year - (date.month < 4)}-{str(date.year + (date.month >= 4))[2:]}"
    code = "".join(w[0] for w in place.split())[:2].upper() + place[1].upper()
    doc_no = f"{code}-1-{rng.randint(100, 12999):05d}-{fy}"
    body = rng.choice(["typed", "print", "serif", "narrow"])
    size = int(rng.uniform(9.5, 12) * scale)
    font, bold = load_face(body, size), load_face(f"{body}-bold", int(size * 1.1))
    margin = int(rng.uniform(40, 80) * scale)
    text_w = page.width - 2 * margin
    y = margin + int(rng.uniform(0, 60) * scale)
    if body == "print" and rng.random() < 0.7:
        y = _draw_lines(
            page,
            lines=["GOVERNMENT OF KARNATAKA", "DEPARTMENT OF STAMPS AND REGISTRATION"],
            origin=(margin, y),
            font=bold,
            center=True,
        )
    y = _draw_lines(
        page, lines=[rng.choice(TITLES)], origin=(margin, y + size), font=bold, center=True
    )
    seller = truth.sellers[0].name
    when = f"{rng.choice(['10', '11', '12', '02', '03', '04'])}:{rng.randrange(0, 60, 5):02d}"
    when += " AM" if when[:2] in ("10", "11") else " PM"
    presented = (
        f"Presented in the office of the Sub-Registrar, {place} at {when} on "
        f"{date.strftime(rng.choice(['%d/%m/%Y', '%d-%m-%Y', '%d %B %Y']))} by {seller}, "
        f"executant, along with the fees detailed below."
    )
    y = _draw_lines(
        page, lines=wrap(presented, font=font, width=text_w), origin=(margin, y + size), font=font
    )
    y = _draw_lines(
        page, lines=[f"Document No. {doc_no}   Book I"], origin=(margin, y + size // 2), font=font
    )
    rows = _fee_rows(rng, fee=fee, stamp_duty=int(truth.property_details.stamp_duty_fee or fee * 5))
    style = TableStyle(
        columns=rng.choice(["slno_rs_ps", "particulars", "receipt", "slno_amount"]),
        borders=rng.choice(["grid", "grid", "rules", "outer", "none"]),
        amounts=rng.choice(["decimal", "dash", "rs", "plain", "rs_dash"]),
        face=rng.choice([body, body, "typed", "print"]),
        size=int(size * rng.uniform(0.9, 1.15)),
        ink=rng.choice([(15, 15, 15), (35, 35, 40), (25, 25, 70)]),
    )
    table_first = rng.random() < 0.7
    if not table_first:
        y = _draw_admission(
            page, rng, truth=truth, origin=(margin, y + size), font=font, scale=scale
        )
    if rng.random() < 0.6:
        y = _draw_lines(
            page,
            lines=[rng.choice(["Details of fees paid:", "Fees paid:", "FEES"])],
            origin=(margin, y + size),
            font=font,
        )
    width = int(text_w * rng.uniform(0.55, 0.95))
    left = margin + rng.randint(0, text_w - width)
    box = draw_table(page, rows=rows, style=style, origin=(left, y + size // 2), width=width)
    y = box[3] + size
    if rng.random() < 0.5:
        draw_marks(
            page, rng=rng, spots=[(box[2] + int(6 * scale), (box[1] + box[3]) // 2)], scale=scale
        )
    if table_first:
        y = _draw_admission(
            page, rng, truth=truth, origin=(margin, y + size), font=font, scale=scale
        )
    # Sub-registrar's signature and seal; the seal may land on the table as on real pages.
    sign_y = max(y + 2 * size, page.height - margin - int(120 * scale))
    sx = page.width - margin - int(180 * scale)
    draw_signature(page, rng=rng, box=(sx, sign_y, sx + int(150 * scale), sign_y + int(40 * scale)))
    _draw_lines(
        page, lines=["Sub-Registrar", place], origin=(sx, sign_y + int(48 * scale)), font=font
    )
    seal_at = (sx - int(70 * scale), sign_y + int(30 * scale))
    if rng.random() < 0.45:
        seal_at = (rng.randint(box[0], box[2]), rng.choice([box[1], box[3]]) + rng.randint(-20, 20))
    words = rng.choice(["SUB-REGISTRAR", "SUB REGISTRAR OFFICE", f"SRO {place.upper()}"])
    draw_seal(page, rng=rng, center=seal_at, radius=int(rng.uniform(45, 70) * scale), words=words)
    if rng.random() < 0.5:
        draw_seal(
            page,
            rng=rng,
            center=(margin + int(90 * scale), page.height - margin - int(50 * scale)),
            radius=int(rng.uniform(40, 60) * scale),
            words="REGISTERED",
        )
    return page


def _draw_admission(
    page: Image.Image,
    rng: random.Random,
    *,
    truth: SaleDeed,
    origin: tuple[int, int],
    font,
    scale: float,
) -> int:
    """Executants with thumb boxes and signatures, then identifying witnesses."""
    x, y = origin
    y = _draw_lines(page, lines=["Execution admitted by:"], origin=(x, y), font=font)
    parties = [p.name for p in [*truth.sellers, *truth.buyers]][: rng.randint(2, 4)]
    box_h = int(46 * scale)
    for i, name in enumerate(parties, start=1):
        _draw_lines(page, lines=[f"{i}. {name}"], origin=(x, y + box_h // 3), font=font)
        tx = x + int(260 * scale)
        draw_thumb(page, rng=rng, box=(tx, y, tx + int(40 * scale), y + box_h))
        draw_signature(
            page, rng=rng, box=(tx + int(55 * scale), y + 4, tx + int(165 * scale), y + box_h - 4)
        )
        y += box_h + int(6 * scale)
    if rng.random() < 0.7:
        y = _draw_lines(page, lines=["Identified by:"], origin=(x, y + font.size // 2), font=font)
        for i, name in enumerate(rng.sample(WITNESSES, 2), start=1):
            _draw_lines(page, lines=[f"{i}. {name}"], origin=(x, y), font=font)
            sx = x + int(260 * scale)
            draw_signature(
                page, rng=rng, box=(sx, y - 2, sx + int(110 * scale), y + int(22 * scale))
            )
            y += int(28 * scale)
    return y


def _blank_text_fee(doc: pymupdf.Document) -> None:
    """Blank the figure after "registration fee" in text pages: the endorsement alone holds it."""
    for page in doc:
        words = page.get_text("words", sort=True)
        for i in range(len(words) - 1):
            if not (
                words[i][4].lower().startswith("registration")
                and words[i + 1][4].lower().startswith("fee")
            ):
                continue
            j = i + 2
            if j < len(words) and words[j][4].lower() in ("of", ":", "paid:", "paid", "-"):
                j += 1
            hits = []
            while j < len(words) and j < i + 8 and _AMOUNT_WORD.match(words[j][4]):
                hits.append(pymupdf.Rect(words[j][:4]))
                j += 1
            for k, rect in enumerate(hits):
                page.add_redact_annot(rect, text="________" if k == 0 else "", fontsize=8)
        page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE)


def audit_fee_truth(seed: int) -> SaleDeed:
    """The ground truth of `audit_fee_deed(seed)`; its registration fee is the table's."""
    return generate_deed(seed, family="main").truth


def audit_fee_deed(seed: int, *, blank_text_fee: bool = True) -> FeeDeed:
    """A main-family deed plus a scanned endorsement page whose fee table holds its fee."""
    rng = random.Random(f"feetable_audit:{seed}")
    deed = generate_deed(seed, family="main")
    fee = deed.truth.property_details.registration_fee
    assert fee is not None
    dpi = rng.choice([150, 200, 200, 240, 300])
    page = _compose(rng, truth=deed.truth, fee=int(fee), dpi=dpi)
    jpeg = scan_page(page, rng=rng, dpi=dpi)
    doc = pymupdf.open("pdf", deed.pdf)
    if blank_text_fee:
        _blank_text_fee(doc)
    # Endorsements sit after the last page or on the back of the first sheet.
    at = doc.page_count if rng.random() < 0.7 else 1
    scan = doc.new_page(pno=-1 if at == doc.page_count else at, width=PAGE_W, height=PAGE_H)
    scan.insert_image(scan.rect, stream=jpeg)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return FeeDeed(
        pdf=data, registration_fee=fee, fee_page=at + 1, filename=f"{deed.filename}_feeaudit"
    )
