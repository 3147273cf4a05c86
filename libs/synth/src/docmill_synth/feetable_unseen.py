"""Scanned endorsement pages whose fee tables use styles the fee reader was never tuned on.

Other fonts (URW, Noto), grey header bands, tables turned by up to two degrees,
2-5 columns, a round seal pressed across part of the table, initials, scan noise
and heavy JPEG. Exactly one row is the registration fee.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFont

from docmill_contracts.saledeed import SaleDeed
from docmill_normalize import format_indian
from docmill_synth.deed import generate_deed
from docmill_synth.feedeed import FeeDeed
from docmill_synth.feetable import FeeRow, load_font
from docmill_synth.render import PAGE_H, PAGE_W
from docmill_synth.scanfx import scan
from docmill_synth.values import MALE_NAMES, SURNAMES

URW = Path("/usr/share/fonts/opentype/urw-base35")
NOTO = Path("/usr/share/fonts/truetype/noto")
# (regular, bold) pairs; DejaVu stands in where a machine lacks them.
FONT_PAIRS = (
    (URW / "NimbusSans-Regular.otf", URW / "NimbusSans-Bold.otf"),
    (URW / "NimbusRoman-Regular.otf", URW / "NimbusRoman-Bold.otf"),
    (URW / "NimbusSansNarrow-Regular.otf", URW / "NimbusSansNarrow-Bold.otf"),
    (URW / "C059-Roman.otf", URW / "C059-Bold.otf"),
    (URW / "URWGothic-Book.otf", URW / "URWGothic-Demi.otf"),
    (NOTO / "NotoSansMono-Regular.ttf", NOTO / "NotoSansMono-Bold.ttf"),
)
LABELS = {
    "registration": (
        "Registration Fee",
        "Regn. Fee",
        "Registration Fees (Rs.)",
        "Registration charges",
    ),
    "stamp": ("Stamp Duty", "Stamp duty paid (e-stamp)", "Stamp Duty (Art. 20)"),
    "scanning": ("Scanning fee", "Scanning & Archival Fee"),
    "cess": ("Cess", "Cess on Stamp Duty"),
    "surcharge": ("Surcharge", "Additional Duty (Surcharge)"),
    "service": ("Service charges", "Document handling charges"),
    "total": ("Total", "TOTAL", "Total (Rs.)"),
}
LAYOUTS = (
    ("particulars", "amount"),
    ("sl", "particulars", "amount"),
    ("particulars", "receipt", "amount"),
    ("sl", "particulars", "amount", "remarks"),
    ("sl", "particulars", "amount", "receipt"),
    ("sl", "particulars", "receipt", "amount", "remarks"),
)
HEADS = {
    "sl": ("Sl. No.", "S.No.", "Sl."),
    "particulars": ("Particulars", "Description of fee", "Head"),
    "amount": ("Amount", "Amount (Rs.)", "Rupees"),
    "receipt": ("Receipt No.", "Rcpt. No.", "Challan No."),
    "remarks": ("Remarks", "Mode"),
}
SEAL_INKS = ((70, 40, 150), (30, 60, 160), (150, 30, 60))


@dataclass(frozen=True, slots=True)
class UnseenFeePage:
    image: Image.Image
    jpeg: bytes  # `image` as encoded, the bytes the PDF page embeds
    box: tuple[int, int, int, int]  # the turned table on the page, in pixels
    rows: list[FeeRow]
    fee_at: tuple[float, float]  # centre of the registration fee's figures, in pixels


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return load_font("DejaVuSans-Bold.ttf" if "Bold" in path.name else "DejaVuSans.ttf", size)


def sample_unseen_rows(
    rng: random.Random, *, registration_fee: int, stamp_duty: int
) -> list[FeeRow]:
    """The rows of one endorsement: the registration fee once, distractors, maybe a total."""
    amounts = {
        "registration": registration_fee,
        "stamp": stamp_duty,
        "scanning": rng.choice([100, 150, 200, 300]),
        "cess": round(stamp_duty * 0.1),
        "surcharge": round(stamp_duty * 0.02),
        "service": rng.choice([20, 50, 75, 120]),
    }
    keys = ["registration", *rng.sample(list(amounts)[1:], rng.randint(1, 4))]
    rng.shuffle(keys)
    rows = [FeeRow(k, rng.choice(LABELS[k]), amounts[k]) for k in keys]
    if rng.random() < 0.75:
        rows.append(FeeRow("total", rng.choice(LABELS["total"]), sum(amounts[k] for k in keys)))
    return rows


def write_unseen_amount(amount: int, style: int) -> str:
    """`Rs. 12,345/-`, `12345.00`, `12,345.00`, `Rs.12,345`, `12,345/-`."""
    grouped = format_indian(amount)
    return [f"Rs. {grouped}/-", f"{amount}.00", f"{grouped}.00", f"Rs.{grouped}", f"{grouped}/-"][
        style
    ]


def _cells(rows: list[FeeRow], layout: tuple[str, ...], rng: random.Random) -> list[list[str]]:
    style = rng.randrange(5)
    table = [[rng.choice(HEADS[c]) for c in layout]]
    for i, row in enumerate(rows, 1):
        total = row.key == "total"
        if rng.random() < 0.15:
            style = rng.randrange(5)  # clerks are not always consistent
        values = {
            "sl": "" if total else f"{i}.",
            "particulars": row.label,
            "amount": write_unseen_amount(row.amount, style),
            "receipt": "" if total else f"CR{rng.randint(10, 99)}/{rng.randint(1000, 99999)}",
            "remarks": "" if total else rng.choice(["e-payment", "Cash", "K2 challan", "-", ""]),
        }
        table.append([values[c] for c in layout])
    return table


def render_unseen_table(
    rows: list[FeeRow], *, rng: random.Random, scale: float = 1.0
) -> tuple[Image.Image, tuple[float, float]]:
    """Draw the table upright; return it with the centre of the registration-fee amount."""
    layout = rng.choice(LAYOUTS)
    table = _cells(rows, layout, rng)
    regular, bold_path = rng.choice(FONT_PAIRS)
    size = round(rng.uniform(20, 27) * scale)
    font, bold = _font(regular, size), _font(bold_path, size)
    pad = round(rng.uniform(7, 14) * scale)
    probe = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    widths = [
        max(int(probe.textlength(r[c], font=bold)) for r in table) + 2 * pad + rng.randint(0, 30)
        for c in range(len(layout))
    ]
    row_h = size + 2 * pad
    width, height = sum(widths) + 1, row_h * len(table) + 1
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    ink = (rng.randint(0, 40),) * 3
    band = rng.random() < 0.7
    if band:
        draw.rectangle([0, 0, width, row_h], fill=(rng.randint(185, 225),) * 3)
    zebra = rng.random() < 0.25
    amount_col, fee_at = layout.index("amount"), (0.0, 0.0)
    for r, cells in enumerate(table):
        y, x = r * row_h, 0
        if zebra and r and r % 2 == 0:
            draw.rectangle([0, y, width, y + row_h], fill=(238, 238, 238))
        is_total = r and rows[r - 1].key == "total"
        for c, text in enumerate(cells):
            f = bold if r == 0 or is_total else font
            tw = probe.textlength(text, font=f)
            tx = x + widths[c] - pad - tw if c == amount_col and r else x + pad
            draw.text((tx, y + pad), text, fill=ink, font=f)
            if r and c == amount_col and rows[r - 1].key == "registration":
                fee_at = (tx + tw / 2, y + row_h / 2)
            x += widths[c]
    _rules(draw, widths=widths, row_h=row_h, rows=len(table), rng=rng, ink=ink, band=band)
    return image, fee_at


def _rules(
    draw: ImageDraw.ImageDraw,
    *,
    widths: list[int],
    row_h: int,
    rows: int,
    rng: random.Random,
    ink: tuple[int, ...],
    band: bool,
) -> None:
    width, height = sum(widths), row_h * rows
    style = rng.choice(["grid", "hlines", "box", "dotted"])
    line = rng.randint(1, 3)
    if style in {"grid", "box"}:
        draw.rectangle([0, 0, width, height], outline=ink, width=line)
    if style in {"grid", "hlines"}:
        for r in range(0 if style == "hlines" else 1, rows + 1):
            draw.line([0, r * row_h, width, r * row_h], fill=ink, width=line)
    if style == "grid":
        x = 0
        for w in widths[:-1]:
            x += w
            draw.line([x, 0, x, height], fill=ink, width=line)
    if style == "dotted":
        for r in (1, rows - 1, rows):
            for x in range(0, width, 9):
                draw.line([x, r * row_h, x + 4, r * row_h], fill=ink, width=line)
    if style == "box" or (band and style != "grid"):
        draw.line([0, row_h, width, row_h], fill=ink, width=line)


def _turn(
    point: tuple[float, float], *, size: tuple[int, int], turned: tuple[int, int], angle: float
) -> tuple[float, float]:
    """Where `point` lands after PIL's counter-clockwise `rotate(angle, expand=True)`."""
    a = math.radians(angle)
    dx, dy = point[0] - size[0] / 2, point[1] - size[1] / 2
    return (
        turned[0] / 2 + dx * math.cos(a) + dy * math.sin(a),
        turned[1] / 2 - dx * math.sin(a) + dy * math.cos(a),
    )


def draw_round_seal(
    page: Image.Image, *, rng: random.Random, center: tuple[int, int], radius: int, place: str
) -> None:
    """Press a patchy round office seal, lettered around its ring, over `page`."""
    layer = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(layer)
    cx, cy = center
    line = max(2, radius // 22)
    for r in (radius, int(radius * 0.68)):
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=255, width=line)
    size = max(10, radius // 6)
    font = _font(URW / "NimbusSans-Bold.otf", size)
    text = f"SUB-REGISTRAR * {place.upper()} * "
    start, ring = rng.uniform(0, 360), radius * 0.84
    for i, ch in enumerate(text):
        theta = start + 360 * i / len(text)  # clockwise from the top
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size, size), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(-theta, resample=Image.Resampling.BICUBIC)
        x = cx + ring * math.sin(math.radians(theta)) - size
        y = cy - ring * math.cos(math.radians(theta)) - size
        layer.paste(255, (round(x), round(y)), glyph)
    small = _font(URW / "NimbusSans-Bold.otf", max(8, radius // 8))
    draw.text((cx, cy - radius // 8), "GOVT. OF", fill=255, font=small, anchor="mm")
    draw.text((cx, cy + radius // 8), "KARNATAKA", fill=255, font=small, anchor="mm")
    opacity = rng.uniform(0.5, 0.8)
    alpha = layer.point(lambda v: int(v * opacity))
    holes = ImageDraw.Draw(alpha)
    for _ in range(rng.randint(5, 25)):  # uneven inking leaves gaps
        hx, hy = cx + rng.randint(-radius, radius), cy + rng.randint(-radius, radius)
        r = rng.randint(3, max(4, radius // 6))
        holes.ellipse([hx - r, hy - r, hx + r, hy + r], fill=0)
    page.paste(Image.new("RGB", page.size, rng.choice(SEAL_INKS)), (0, 0), alpha)


def draw_initials(page: Image.Image, *, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    """A looping pen scribble inside `box`."""
    x0, y0, x1, y1 = box
    loops, steps = rng.randint(2, 5), 80
    r = (y1 - y0) / 3
    points = [
        (
            x0 + (x1 - x0) * t / steps + r * math.cos(loops * 2 * math.pi * t / steps),
            (y0 + y1) / 2 + r * math.sin(loops * 2 * math.pi * t / steps) * rng.uniform(0.7, 1.3),
        )
        for t in range(steps + 1)
    ]
    tail = points[-1]
    points.append((tail[0] + r * rng.uniform(1, 3), tail[1] - r * rng.uniform(0.5, 2)))
    ink = rng.choice(((20, 30, 120), (25, 25, 25), (40, 40, 140)))
    ImageDraw.Draw(page).line(points, fill=ink, width=rng.randint(2, 3), joint="curve")


def _write_lines(
    draw: ImageDraw.ImageDraw,
    text: str,
    *,
    at: tuple[int, int],
    width: int,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    step: int,
) -> int:
    """Wrap `text` into `width` pixels from `at`; return the y below it."""
    x, y = at
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > width and line:
            draw.text((x, y), line, fill=(20, 20, 20), font=font)
            y, line = y + step, word
        else:
            line = candidate
    draw.text((x, y), line, fill=(20, 20, 20), font=font)
    return y + step


def _endorsement_text(rng: random.Random, *, place: str, date: dt.date, presenter: str) -> str:
    hour = rng.randint(10, 16)
    return (
        f"Presented in the office of the Sub-Registrar, {place} on {date:%d-%m-%Y} between "
        f"{hour}:00 and {hour + 1}:00 hours by {presenter} with the fees noted below, and the "
        f"document is admitted to registration."
    )


def _party_strip(
    page: Image.Image,
    *,
    rng: random.Random,
    truth: SaleDeed,
    at: tuple[int, int],
    scale: float,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
) -> int:
    """Photo, thumb impression and signature boxes of the executants and the claimant."""
    draw = ImageDraw.Draw(page)
    people = [("Executant", p.name) for p in truth.sellers[:2]]
    people += [("Claimant", p.name) for p in truth.buyers[:1]]
    x, y = at
    cell = round(150 * scale)
    for role, name in people:
        if y + cell + 40 > page.height - round(300 * scale):
            break
        draw.rectangle([x, y, x + cell, y + cell], outline=(60, 60, 60), width=2)
        draw.text((x + 10, y + cell // 2 - 10), "Photo", fill=(140, 140, 140), font=font)
        tx = x + cell + 20
        draw.rectangle([tx, y, tx + cell, y + cell], outline=(60, 60, 60), width=2)
        for _ in range(40):  # a smudged thumb print of short ridges
            cx, cy = tx + cell / 2 + rng.gauss(0, cell / 9), y + cell / 2 + rng.gauss(0, cell / 7)
            draw.arc([cx - 12, cy - 8, cx + 12, cy + 8], 180, 360, fill=(70, 70, 110), width=2)
        draw.text((tx + cell + 30, y + 10), f"{role}: {name}", fill=(20, 20, 20), font=font)
        sx = tx + cell + 30
        draw_initials(page, rng=rng, box=(sx, y + cell // 2, sx + round(180 * scale), y + cell))
        y += cell + 25
    return y


def _seal_center(
    rng: random.Random, *, box: tuple[int, int, int, int], fee_at: tuple[float, float], radius: int
) -> tuple[int, int]:
    """A point on or near the table far enough from the fee that its digits stay readable."""
    x0, y0, x1, y1 = box
    for _ in range(60):
        cx, cy = rng.randint(x0 - radius // 2, x1 + radius // 2), rng.randint(y0, y1)
        if math.dist((cx, cy), fee_at) >= radius * 1.05:
            return cx, cy
    return x1 + radius, y1 + radius


def compose_unseen_page(seed: int, *, truth: SaleDeed) -> UnseenFeePage:
    """The endorsement page for the deed `truth`: text, one fee table, seal, initials, scan."""
    rng = random.Random(f"feeunseen:{seed}")
    pd = truth.property_details
    assert pd.registration_fee is not None and pd.stamp_duty_fee is not None
    rows = sample_unseen_rows(
        rng, registration_fee=int(pd.registration_fee), stamp_duty=int(pd.stamp_duty_fee)
    )
    scale = rng.choice([1.0, 1.0, 1.33])
    page = Image.new("RGB", (round(1240 * scale), round(1754 * scale)), "white")
    draw = ImageDraw.Draw(page)
    regular, bold_path = rng.choice(FONT_PAIRS)
    size = round(rng.uniform(19, 25) * scale)
    font, bold = _font(regular, size), _font(bold_path, size + 4)
    step, margin = round(size * rng.uniform(1.4, 1.8)), round(rng.uniform(70, 150) * scale)
    width = page.width - 2 * margin
    place = (truth.registration_office or "Sub-Registrar Office, Jayanagar").split(", ", 1)[-1]
    date = dt.date.fromisoformat(truth.transaction_date or "2020-01-01")
    presenter = truth.buyers[0].name if truth.buyers else "the claimant"
    y = round(rng.uniform(70, 160) * scale)
    heading = rng.choice(
        [
            "ENDORSEMENT",
            "CERTIFICATE OF REGISTRATION",
            f"OFFICE OF THE SUB-REGISTRAR, {place.upper()}",
        ]
    )
    draw.text((margin, y), heading, fill=(0, 0, 0), font=bold)
    y += step * 2
    y = _write_lines(
        draw,
        _endorsement_text(rng, place=place, date=date, presenter=presenter),
        at=(margin, y),
        width=width,
        font=font,
        step=step,
    )
    if rng.random() < 0.6:
        y += step // 2
        title = rng.choice(["Fees collected:", "DETAILS OF FEES", "Fee particulars"])
        draw.text((margin, y), title, fill=(0, 0, 0), font=bold)
        y += step
    table, fee_at = render_unseen_table(rows, rng=rng, scale=scale)
    if table.width > width:
        ratio = width / table.width
        table = table.resize((width, round(table.height * ratio)), Image.Resampling.LANCZOS)
        fee_at = (fee_at[0] * ratio, fee_at[1] * ratio)
    angle = rng.uniform(-2.0, 2.0)
    turned = table.rotate(
        angle, expand=True, fillcolor=(255, 255, 255), resample=Image.Resampling.BICUBIC
    )
    fee_at = _turn(fee_at, size=table.size, turned=turned.size, angle=angle)
    x = margin + rng.randint(0, max(0, width - turned.width))
    y += step // 2
    page.paste(turned, (x, y))
    box = (x, y, x + turned.width, y + turned.height)
    fee_on_page = (x + fee_at[0], y + fee_at[1])
    y = box[3] + step
    names = [f"{rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}" for _ in range(2)]
    fy = date.year if date.month >= 4 else date.year - 1
    for text in (
        f"Execution admitted by the executants, identified by Sri {names[0]} and Sri {names[1]}.",
        f"Registered as Document No. {place[:3].upper()}-1-{rng.randint(100, 19999)}/{fy}-"
        f"{(fy + 1) % 100:02d} of Book-I and stored in CD No. {place[:3].upper()}D"
        f"{rng.randint(100, 999)}.",
    ):
        y = _write_lines(draw, text, at=(margin, y), width=width, font=font, step=step)
    y = _party_strip(page, rng=rng, truth=truth, at=(margin, y + step), scale=scale, font=font)
    sign_x = page.width - margin - round(260 * scale)
    sign_y = min(page.height - round(160 * scale), y + step * 2)
    draw_initials(page, rng=rng, box=(sign_x, sign_y, sign_x + round(200 * scale), sign_y + step))
    draw.text((sign_x, sign_y + step * 2), f"Sub-Registrar, {place}", fill=(0, 0, 0), font=font)
    radius = round(rng.uniform(70, 115) * scale)
    center = _seal_center(rng, box=box, fee_at=fee_on_page, radius=radius)
    draw_round_seal(page, rng=rng, center=center, radius=radius, place=place)
    if rng.random() < 0.6:  # initials across the table's corner, clear of the fee digits
        ix, iy = box[2] - round(80 * scale), box[3] - step
        if math.dist((ix, iy), fee_on_page) > 2 * step:
            draw_initials(page, rng=rng, box=(ix, iy, ix + round(150 * scale), iy + step))
    page = scan(page, rng=rng, strength=rng.uniform(0.4, 1.0))
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=rng.randint(35, 70))
    jpeg = buffer.getvalue()
    return UnseenFeePage(
        image=Image.open(io.BytesIO(jpeg)), jpeg=jpeg, box=box, rows=rows, fee_at=fee_on_page
    )


def unseen_fee_deed(seed: int, *, family: str = "unseen") -> FeeDeed:
    """The deed for `seed` plus a last page that is a scan of its unseen-style endorsement."""
    deed = generate_deed(seed, family=family)
    fee = deed.truth.property_details.registration_fee
    assert fee is not None
    page = compose_unseen_page(seed, truth=deed.truth)
    doc = pymupdf.open("pdf", deed.pdf)
    scanned = doc.new_page(width=PAGE_W, height=PAGE_H)
    scanned.insert_image(scanned.rect, stream=page.jpeg)
    data = doc.tobytes(garbage=3, deflate=True)
    fee_page = doc.page_count
    doc.close()
    return FeeDeed(
        pdf=data, registration_fee=fee, fee_page=fee_page, filename=f"{deed.filename}_feescan"
    )
