"""Deeds whose registration fee survives only in a scanned sub-registrar fee page.

Written apart from the vision step and the other fee-table generators, so that the styles here
(office receipts, fee schedules, pen ledgers, typed endorsements, rubber-stamp boxes, e-challans)
measure how the vision step does on tables it has never been shaped by.
"""

from __future__ import annotations

import io
import random
import re

import pymupdf

from docmill_contracts.saledeed import SaleDeed
from docmill_synth.deed import GeneratedDeed, generate_deed
from docmill_synth.feedeed import FeeDeed
from docmill_synth.feetable_office_draw import Canvas, apply_overlays, scan_wear
from docmill_synth.feetable_office_rows import STYLES, indian, page_facts
from docmill_synth.feetable_office_styles import DRAW, companion, seals
from docmill_synth.render import PAGE_H, PAGE_W

__all__ = ["STYLES", "fee_patterns", "office_fee_deed", "office_fee_style", "office_fee_truth"]

FAMILIES = ("main", "holdout", "blind")


def _jpeg(c: Canvas, rng: random.Random) -> bytes:
    photocopy = rng.random() < 0.45
    img = scan_wear(apply_overlays(c, rng), rng, c.dpi, photocopy)
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=rng.randint(50, 85), dpi=(c.dpi, c.dpi))
    return buffer.getvalue()


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _value(word: str) -> float | None:
    m = _NUMBER.search(word)
    return float(m.group().replace(",", "").rstrip(".")) if m else None


def _fee_words(words: list[tuple], fee: int) -> list[pymupdf.Rect]:
    """Boxes of every word spelling the fee: the figure, its Rs. prefix, lakh or words form."""
    out: list[pymupdf.Rect] = []
    texts = [w[4] for w in words]
    i = 0
    while i < len(words):
        value = _value(texts[i])
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        span = 0
        if value is not None and abs(value - fee) < 0.5:
            span = 1
        elif value is not None and nxt.lower().startswith("lakh") and abs(value * 1e5 - fee) < 1:
            span = 2
        if not span:
            i += 1
            continue
        first, last = i, i + span
        if first > 0 and texts[first - 1].rstrip(".:").lower() in ("rs", "inr", "rupees"):
            first -= 1
        if last < len(texts) and texts[last].startswith("(R"):
            # The amount in words in brackets names the fee too.
            while last < len(texts) and ")" not in texts[last]:
                last += 1
            last += 1
        for w in words[first:last]:
            r = pymupdf.Rect(w[:4])
            inset = r.height * 0.2
            out.append(pymupdf.Rect(r.x0 + 0.3, r.y0 + inset, r.x1 - 0.3, r.y1 - inset))
        i = last
    return out


def fee_patterns(fee: int) -> list[re.Pattern[str]]:
    """Every spelling of the fee figure a text layer could carry."""
    forms = {indian(fee), f"{fee:,}", str(fee)}
    digits = [rf"(?<![\d,.]){re.escape(f)}(?:\.00)?(?![\d]|,\d)" for f in forms]
    lakh = rf"(?<![\d.]){re.escape(f'{fee / 1e5:g}')}\s*Lakh"
    return [re.compile(p) for p in [*digits, lakh]]


def _strip_fee(doc: pymupdf.Document, fee: int) -> None:
    for page in doc:
        rects = _fee_words(page.get_text("words", sort=False), fee)
        for rect in rects:
            page.add_redact_annot(rect, fill=(1, 1, 1))
        if rects:
            page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE)
    for page in doc:
        text = " ".join(page.get_text().split())
        if any(p.search(text) for p in fee_patterns(fee)):
            raise RuntimeError(f"registration fee {fee} still in the text of page {page.number}")


def _deed(seed: int) -> GeneratedDeed:
    return generate_deed(seed, family=FAMILIES[seed % len(FAMILIES)])


def office_fee_truth(seed: int) -> SaleDeed:
    """The SaleDeed truth of the office fee-table deed for `seed`."""
    return _deed(seed).truth


def office_fee_style(seed: int) -> str:
    """The fee-page style `office_fee_deed(seed)` draws."""
    return random.Random(f"feetable_office:{seed}").choice(STYLES)


def office_fee_deed(seed: int) -> FeeDeed:
    """The deed for `seed` with its fee removed from the text and shown only on a scanned page."""
    rng = random.Random(f"feetable_office:{seed}")
    style = rng.choice(STYLES)
    deed = _deed(seed)
    p = page_facts(rng, deed.truth)
    dpi = rng.choice((150, 200, 240, 300))
    c = Canvas(dpi, PAGE_W, PAGE_H)
    layout = DRAW[style](c, rng, p)
    seals(c, rng, p, layout)
    scans = [_jpeg(c, rng)]
    fee_at = 0
    if rng.random() < 0.35:
        endorsement = _jpeg(companion(rng, p, dpi), rng)
        fee_at = rng.randrange(2)
        scans.insert(1 - fee_at, endorsement)
    doc = pymupdf.open("pdf", deed.pdf)
    _strip_fee(doc, p.fee)
    where = rng.choice([n for n in (1, 2, doc.page_count) if n <= doc.page_count])
    for k, jpeg in enumerate(scans):
        at = where + k if where + k < doc.page_count else -1
        page = doc.new_page(pno=at, width=PAGE_W, height=PAGE_H)
        page.insert_image(page.rect, stream=jpeg)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return FeeDeed(
        pdf=data,
        registration_fee=float(p.fee),
        fee_page=where + fee_at + 1,
        filename=f"{deed.filename}_feeoffice",
    )
