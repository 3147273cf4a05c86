"""Sale deeds whose registration fee survives only on a scanned kiosk/office fee page."""

# Written apart from the vision step: its own table styles, stamps and scan wear.
from __future__ import annotations

import io
import math
import random
import re
from collections.abc import Callable

import pymupdf
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from docmill_synth.deed import generate_deed
from docmill_synth.feedeed import FeeDeed
from docmill_synth.render import PAGE_H, PAGE_W

STYLES = ("grid", "columns", "leaders", "receipt")
DPI = 200
PX_W, PX_H = round(PAGE_W / 72 * DPI), round(PAGE_H / 72 * DPI)
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
PLACES = ("Jayanagar", "Basavanagudi", "Hebbal", "Mysuru North", "Tumakuru", "Hubballi")
FEE_LABELS = (
    "Registration Fee",
    "Regn. Fee",
    "Fee for registration",
    "Registration charges (Art. 1)",
)
EXTRA_ROWS = (
    ("Scanning Fee", 100, 900),
    ("Copying Fee", 20, 400),
    ("DD / Challan charges", 30, 250),
    ("Service charge", 35, 500),
    ("Cess", 150, 2500),
)
TITLES = (
    "OFFICE OF THE SUB-REGISTRAR, {place}",
    "FEE RECEIPT - SUB-REGISTRAR {place}",
    "Kaveri Online Services - Receipt",
)
Box = tuple[int, int, int, int]
Row = tuple[str, int, bool]


def kiosk_style(seed: int) -> str:
    """The fee-table style chosen for `seed` (the first draw of its generator)."""
    return STYLES[random.Random(f"feetable_kiosk:{seed}").randrange(len(STYLES))]


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """A DejaVu font of `size` pixels."""
    return ImageFont.truetype(FONT_DIR + name, size)


def _indian(n: int) -> str:
    """`n` with Indian digit grouping, e.g. 4,01,080."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail]) if head else ",".join([*groups, tail])


def _amount_format(rng: random.Random) -> Callable[[int], str]:
    """A per-page amount formatter mixing grouping, prefix and suffix choices."""
    group, prefix = rng.random() < 0.7, rng.choice(["", "Rs. ", "Rs."])
    suffix = rng.choice(["", "/-", ".00"])
    return lambda n: f"{prefix}{_indian(n) if group else n}{suffix}"


def _rows(rng: random.Random, fee: int, stamp: float | None) -> list[Row]:
    """Fee-table rows (label, amount, is_fee), fee row included, an optional total last."""
    rows = [(rng.choice(FEE_LABELS), fee, True)]
    if stamp and int(stamp) != fee and rng.random() < 0.6:
        rows.append(("Stamp Duty", int(stamp), False))
    for label, lo, hi in rng.sample(EXTRA_ROWS, rng.randint(2, 3)):
        value = rng.randrange(lo, hi) // 5 * 5
        if value != fee:
            rows.append((label, value, False))
    rows = rows[:5]
    rng.shuffle(rows)
    if rng.random() < 0.55:
        rows.append(("Total", sum(r[1] for r in rows), False))
    return rows


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """Greedy word wrap of `text` into lines at most `width` pixels wide."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line]


def _table(
    draw: ImageDraw.ImageDraw,
    style: str,
    rows: list[Row],
    fmt: Callable[[int], str],
    x0: int,
    y: int,
    w: int,
    rng: random.Random,
) -> Box:
    """Draw the fee table; return the bounding box of the fee's digits."""
    mono = style == "receipt"
    font = _font(
        "DejaVuSansMono.ttf" if mono else rng.choice(["DejaVuSerif.ttf", "DejaVuSans.ttf"]), 36
    )
    bold = _font("DejaVuSansMono-Bold.ttf" if mono else "DejaVuSans-Bold.ttf", 36)
    fee_box: Box = (0, 0, 0, 0)
    row_h = 66
    if style == "grid":
        cols = [x0, x0 + 150, x0 + w - 360, x0 + w]
        for i, head in enumerate(["Sl.No", "Particulars", "Amount (Rs.)"]):
            draw.text((cols[i] + 16, y + 14), head, font=bold, fill=0)
        lines_y = [y]
        y += row_h
        lines_y.append(y)
    for n, (label, value, is_fee) in enumerate(rows):
        f = bold if label == "Total" else font
        text = fmt(value)
        if style == "grid":
            draw.text(
                (cols[0] + 16, y + 14), "" if label == "Total" else f"{n + 1}.", font=f, fill=0
            )
            draw.text((cols[1] + 16, y + 14), label, font=f, fill=0)
            pos = (cols[3] - 20 - draw.textlength(text, font=f), y + 14)
        elif style == "receipt":
            line = f"{label[:24]:<24} : {text:>13}"
            draw.text((x0, y + 10), line, font=f, fill=0)
            pos = (x0 + draw.textlength(line[: -len(text)], font=f), y + 10)
        else:
            draw.text((x0, y + 10), label, font=f, fill=0)
            pos = (x0 + w - draw.textlength(text, font=f), y + 10)
            if style == "leaders":
                start = x0 + draw.textlength(label, font=f) + 14
                step = draw.textlength(". ", font=f)
                dots = ". " * max(2, int((pos[0] - 20 - start) / step))
                draw.text((start, y + 10), dots, font=f, fill=150)
        draw.text(pos, text, font=f, fill=0)
        if is_fee:
            fee_box = tuple(int(v) for v in draw.textbbox(pos, text, font=f))  # type: ignore[assignment]
        y += row_h
        if style == "grid":
            lines_y.append(y)
        elif style == "receipt" and rows[n + 1 : n + 2] and rows[n + 1][0] == "Total":
            draw.text((x0, y - 8), "-" * 40, font=font, fill=0)
    if style == "grid":
        for ly in lines_y:
            draw.line([(x0, ly), (x0 + w, ly)], fill=90, width=2)
        for cx in cols:
            draw.line([(cx, lines_y[0]), (cx, lines_y[-1])], fill=90, width=2)
    return fee_box


def _stamp(size: int, place: str, color: tuple[int, int, int], rng: random.Random) -> Image.Image:
    """A round rubber-stamp ring with text round its rim, on white."""
    img = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(img)
    c, r = size / 2, size / 2 - 6
    draw.ellipse([c - r, c - r, c + r, c + r], outline=color, width=7)
    draw.ellipse([c - r * 0.68, c - r * 0.68, c + r * 0.68, c + r * 0.68], outline=color, width=4)
    font = _font("DejaVuSans-Bold.ttf", int(size * 0.085))
    text = f" SUB-REGISTRAR * {place.upper()} * "
    for i, ch in enumerate(text):
        ang = 2 * math.pi * i / len(text) - math.pi / 2
        glyph = Image.new("L", (60, 60), 0)
        ImageDraw.Draw(glyph).text((30, 30), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.Resampling.BICUBIC)
        px, py = c + r * 0.84 * math.cos(ang), c + r * 0.84 * math.sin(ang)
        img.paste(Image.new("RGB", (60, 60), color), (int(px - 30), int(py - 30)), glyph)
    mid = _font("DejaVuSans-Bold.ttf", int(size * 0.1))
    draw.text((c, c), rng.choice(["PAID", "RECEIVED", "REGD."]), font=mid, fill=color, anchor="mm")
    return img


def _fee_image(rng: random.Random, style: str, fee: int, stamp: float | None) -> bytes:
    """The scanned fee page as JPEG bytes."""
    page = Image.new("L", (PX_W, PX_H), 255)
    draw = ImageDraw.Draw(page)
    place = rng.choice(PLACES)
    margin = 170
    title = rng.choice(TITLES).format(place=place.upper())
    tfont = _font("DejaVuSerif-Bold.ttf" if style != "receipt" else "DejaVuSansMono-Bold.ttf", 48)
    draw.text((PX_W / 2, 230), title, font=tfont, fill=0, anchor="mm")
    prose = (
        f"Presented for registration at the office of the Sub-Registrar, {place}, "
        f"between {rng.randint(10, 15)} and {rng.randint(16, 17)} hours, "
        "admitted by the executant, and the fees noted below have been received "
        "and entered in the register."
    )
    pfont = _font("DejaVuSerif-Italic.ttf", 34)
    y = 340
    for line in _wrap(draw, prose, pfont, PX_W - 2 * margin):
        draw.text((margin, y), line, font=pfont, fill=20)
        y += 50
    y += 60
    rows = _rows(rng, fee, stamp)
    width = PX_W - 2 * margin - (rng.randrange(0, 300) if style != "grid" else 0)
    fee_box = _table(draw, style, rows, _amount_format(rng), margin, y, width, rng)
    table_bottom = y + 66 * (len(rows) + 1)
    page = page.convert("RGB")
    draw = ImageDraw.Draw(page)
    sy = table_bottom + 160
    ink = (20, 30, 110)
    pts = [
        (PX_W - 640 + i * 14, sy + 40 * math.sin(i * rng.uniform(0.4, 0.9)) + rng.randint(-12, 12))
        for i in range(30)
    ]
    draw.line(pts, fill=ink, width=5, joint="curve")
    draw.text((PX_W - 640, sy + 90), "Sub-Registrar", font=_font("DejaVuSerif.ttf", 34), fill=0)
    size = rng.randint(330, 420)
    color = rng.choice([(110, 50, 160), (40, 60, 190), (90, 40, 170)])
    ring = _stamp(size, place, color, rng).rotate(rng.uniform(-25, 25), fillcolor="white")
    fx0, fy0, fx1, fy1 = fee_box
    spots = [
        (PX_W - margin - size, table_bottom - size // 2),
        (margin, table_bottom + 60),
        (PX_W - 700, sy - 80),
    ]
    rng.shuffle(spots)
    for sx, sy2 in spots:
        if sx > fx1 + 15 or sx + size < fx0 - 15 or sy2 > fy1 + 15 or sy2 + size < fy0 - 15:
            page = ImageChops.multiply(page, _placed(ring, sx, sy2))
            break
    noise = Image.frombytes("L", (PX_W, PX_H), rng.randbytes(PX_W * PX_H))
    speck = noise.point(lambda v: 110 if v > 253 else 255).convert("RGB")
    page = ImageChops.darker(page, speck).filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    page = page.rotate(rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, fillcolor="white")
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=rng.randint(55, 85))
    return out.getvalue()


def _placed(ring: Image.Image, x: int, y: int) -> Image.Image:
    """A white page-sized layer holding `ring` at (x, y)."""
    layer = Image.new("RGB", (PX_W, PX_H), "white")
    layer.paste(ring, (x, y))
    return layer


def _fee_in(text: str, fee: int) -> bool:
    """Whether `text` holds the fee figure in any digit grouping."""
    return re.search(rf"(?<!\d){fee}(?!\d)", re.sub(r"(?<=\d),(?=\d)", "", text)) is not None


def kiosk_fee_deed(seed: int) -> FeeDeed:
    """The deed for `seed` with its fee redacted from text and shown only on a scanned page."""
    rng = random.Random(f"feetable_kiosk:{seed}")
    style = STYLES[rng.randrange(len(STYLES))]
    deed = generate_deed(seed, family=["main", "holdout", "blind"][seed % 3])
    details = deed.truth.property_details
    assert details.registration_fee is not None
    fee = int(details.registration_fee)
    doc = pymupdf.open("pdf", deed.pdf)
    for page in doc:
        hits = [w for w in page.get_text("words") if _fee_in(w[4], fee)]
        for w in hits:
            page.add_redact_annot(pymupdf.Rect(w[:4]))
        if hits:
            page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE)
        assert not _fee_in(page.get_text(), fee), f"fee still in text of page {page.number}"
    jpeg = _fee_image(rng, style, fee, details.stamp_duty_fee)
    at = doc.page_count if rng.random() < 0.6 or doc.page_count < 2 else 1
    scan = doc.new_page(pno=at, width=PAGE_W, height=PAGE_H)
    scan.insert_image(scan.rect, stream=jpeg)
    # A fresh document without a random /ID keeps the bytes a function of the seed.
    out = pymupdf.open()
    out.insert_pdf(doc)
    out.set_metadata(doc.metadata or {})
    data = out.tobytes(garbage=3, deflate=True, no_new_id=True)
    out.close()
    doc.close()
    return FeeDeed(
        pdf=data,
        registration_fee=details.registration_fee,
        fee_page=at + 1,
        filename=f"{deed.filename}_feekiosk",
    )
