"""Whole A4 page images with or without fee tables, and their boxes, for the detector."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

from docmill_synth.feetable import (
    MAIN_FONTS,
    FeeRow,
    load_font,
    render_fee_table,
    sample_fee_rows,
)
from docmill_synth.scanfx import draw_seal, draw_signature, scan

PAGE_PX = (1240, 1754)  # A4 at 150 DPI; scale 1.0 of render_fee_table
WORDS = (
    "the vendor purchaser schedule property sale deed consideration executed registered "
    "sub-registrar office village taluk district survey number measuring boundaries north "
    "south east west hereby conveys absolutely rights title interest witnesses whereof "
    "said paid received rupees only khata site bearing ward layout endorsement presented "
    "admitted identified thumb impression book document number volume pages"
).split()


@dataclass(frozen=True, slots=True)
class FeePage:
    image: Image.Image
    boxes: list[tuple[float, float, float, float]]  # x0, y0, x1, y1 in image pixels
    rows: list[list[FeeRow]]  # one list of rows per box


def _paragraphs(
    draw: ImageDraw.ImageDraw,
    *,
    rng: random.Random,
    area: tuple[int, int, int, int],
    avoid: list[tuple[int, int, int, int]],
) -> None:
    x0, y0, x1, y1 = area
    size = rng.randint(18, 30)
    font = load_font(rng.choice(MAIN_FONTS), size)
    bold = load_font("DejaVuSans-Bold.ttf", size + 4)
    step = int(size * rng.uniform(1.3, 1.9))
    y = y0
    kv = rng.random() < 0.35  # label : value lines look table-like and must stay negatives
    while y + step < y1:
        if any(ay0 - step <= y <= ay1 for _, ay0, _, ay1 in avoid):
            y += step
            continue
        roll = rng.random()
        if roll < 0.06:
            draw.text(
                (x0 + rng.randint(0, 300), y),
                " ".join(rng.sample(WORDS, 3)).upper(),
                fill=(0, 0, 0),
                font=bold,
            )
        elif roll < 0.12:
            pass  # paragraph break
        elif kv and roll < 0.45:
            draw.text((x0, y), " ".join(rng.sample(WORDS, 2)).title(), fill=(20, 20, 20), font=font)
            draw.text(
                (x0 + (x1 - x0) // 2, y),
                f": {rng.choice(WORDS)} {rng.randint(1, 99999)}",
                fill=(20, 20, 20),
                font=font,
            )
        else:
            line, limit = [], (x1 - x0) * rng.uniform(0.6, 1.0)
            while draw.textlength(" ".join(line), font=font) < limit:
                line.append(rng.choice(WORDS) if rng.random() > 0.1 else str(rng.randint(1, 9999)))
            draw.text((x0, y), " ".join(line[:-1]), fill=(15, 15, 15), font=font)
        y += step


def _place_table(
    page: Image.Image,
    table: Image.Image,
    *,
    rng: random.Random,
    taken: list[tuple[int, int, int, int]],
) -> tuple[int, int, int, int] | None:
    w, h = table.size
    pw, ph = page.size
    for _ in range(30):
        x = rng.randint(40, max(41, pw - w - 40))
        y = rng.randint(40, max(41, ph - h - 40))
        box = (x, y, x + w, y + h)
        if all(box[2] < t[0] or box[0] > t[2] or box[3] < t[1] or box[1] > t[3] for t in taken):
            page.paste(table, (x, y))
            return box
    return None


def compose_page(
    seed: int,
    *,
    family: str = "main",
    table_rate: float = 0.6,
    size: int | None = 640,
    registration_fee: int | None = None,
) -> FeePage:
    """Return the page for `seed`: text, 0–2 fee tables, seals, scan noise; long side `size`.

    With `registration_fee`, the page holds exactly one table carrying that fee.
    """
    rng = random.Random(f"feepage:{family}:{seed}")
    page = Image.new("RGB", PAGE_PX, "white")
    draw = ImageDraw.Draw(page)
    boxes: list[tuple[int, int, int, int]] = []
    rows_per_box: list[list[FeeRow]] = []
    count = 0
    if rng.random() < table_rate:
        count = 2 if rng.random() < 0.1 else 1
    if registration_fee is not None:
        count = 1
    for _ in range(count):
        fee = registration_fee or round(rng.randint(500, 400_000) / 10) * 10
        rows = sample_fee_rows(rng, registration_fee=fee, family=family)
        table = render_fee_table(rows, rng=rng, family=family, scale=rng.uniform(0.6, 1.5))
        if table.width > PAGE_PX[0] - 100:
            ratio = (PAGE_PX[0] - 100) / table.width
            table = table.resize((int(table.width * ratio), int(table.height * ratio)))
        box = _place_table(page, table, rng=rng, taken=boxes)
        if box is not None:
            boxes.append(box)
            rows_per_box.append(rows)
            if rng.random() < 0.5:
                title = rng.choice(["FEES PAID", "Fee Details", "Endorsement", "Details of Fees"])
                font = load_font("DejaVuSans-Bold.ttf", rng.randint(20, 30))
                draw.text((box[0], box[1] - 40), title, fill=(0, 0, 0), font=font)
    margin = rng.randint(60, 160)
    text_bottom = rng.randint(600, PAGE_PX[1] - 80) if boxes else PAGE_PX[1] - 80
    if rng.random() < 0.9:
        _paragraphs(
            draw,
            rng=rng,
            area=(margin, rng.randint(60, 200), PAGE_PX[0] - margin, text_bottom),
            avoid=[(0, b[1] - 50, 0, b[3] + 10) for b in boxes],
        )
    for _ in range(rng.randint(0, 3)):
        cx, cy = rng.randint(100, PAGE_PX[0] - 100), rng.randint(100, PAGE_PX[1] - 100)
        if boxes and rng.random() < 0.5:  # seals are often pressed over the table itself
            b = rng.choice(boxes)
            cx, cy = rng.randint(b[0], b[2]), rng.randint(b[1], b[3])
        draw_seal(page, rng=rng, center=(cx, cy), radius=rng.randint(50, 130))
    for _ in range(rng.randint(0, 3)):
        x, y = rng.randint(60, PAGE_PX[0] - 300), rng.randint(100, PAGE_PX[1] - 120)
        draw_signature(page, rng=rng, box=(x, y, x + rng.randint(120, 260), y + 60))
    angle = rng.uniform(-2.0, 2.0) if rng.random() < 0.6 else 0.0
    if angle:
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    page = scan(page, rng=rng, strength=rng.uniform(0.3, 1.0))
    ratio = 1.0 if size is None else size / max(PAGE_PX)
    if ratio != 1.0:
        page = page.resize(
            (round(PAGE_PX[0] * ratio), round(PAGE_PX[1] * ratio)), Image.Resampling.LANCZOS
        )
    scaled = [_rotate_box(b, angle=angle, ratio=ratio) for b in boxes]
    return FeePage(image=page, boxes=scaled, rows=rows_per_box)


def _rotate_box(
    box: tuple[int, int, int, int], *, angle: float, ratio: float
) -> tuple[float, float, float, float]:
    """Axis-aligned box of `box` after PIL's rotation about the page centre, then scaling."""
    import math

    cx, cy = PAGE_PX[0] / 2, PAGE_PX[1] / 2
    a = math.radians(angle)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        # PIL rotates counter-clockwise on screen, i.e. clockwise in y-down maths.
        xs.append(cx + dx * math.cos(a) + dy * math.sin(a))
        ys.append(cy - dx * math.sin(a) + dy * math.cos(a))
    return (min(xs) * ratio, min(ys) * ratio, max(xs) * ratio, max(ys) * ratio)
