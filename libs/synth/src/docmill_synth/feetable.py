"""The sub-registrar's fee table (the endorsement) as a raster image.

Two style families: `main` trains and tunes the detector and the fee reader;
`holdout` changes fonts, wording and layout so tests measure generalisation.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from docmill_normalize.amounts import format_indian

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
MAIN_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf")
HOLDOUT_FONTS = ("DejaVuSerifCondensed.ttf", "DejaVuSansCondensed.ttf", "DejaVuSerif-Bold.ttf")

MAIN_LABELS = {
    "registration": ("Registration Fee", "Registration Fees"),
    "stamp": ("Stamp Duty", "Stamp Duty Paid"),
    "scanning": ("Scanning Fee", "Scanning Charges"),
    "cess": ("Cess", "Surcharge"),
    "copy": ("Copying Fee", "Certified Copy Fee"),
    "total": ("Total", "Total Amount"),
}
HOLDOUT_LABELS = {
    "registration": ("Fee for Registration", "Registration Charges", "Regn. Fee"),
    "stamp": ("Stamp Duty (e-stamp)", "Duty on Stamp"),
    "scanning": ("Scanning & Digitisation", "Document Scanning Fee"),
    "cess": ("Infrastructure Cess", "Additional Duty"),
    "copy": ("Endorsement Charges", "Mutation Fee"),
    "total": ("Grand Total", "Total Paid"),
}
FAMILIES = ("main", "holdout")


class FeeTableFamilyError(ValueError):
    """The requested fee-table style family does not exist."""


@dataclass(frozen=True, slots=True)
class FeeRow:
    key: str  # registration, stamp, scanning, cess, copy, total
    label: str
    amount: int


@cache
def load_font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Return a TrueType font from the system's DejaVu set, else Pillow's bundled one."""
    for folder in FONT_DIRS:
        path = folder / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def sample_fee_rows(
    rng: random.Random, *, registration_fee: int, stamp_duty: int | None = None, family: str
) -> list[FeeRow]:
    """Return the fee rows of one endorsement, ending with the total."""
    if family not in FAMILIES:
        raise FeeTableFamilyError(f"unknown fee-table family {family!r}")
    labels = MAIN_LABELS if family == "main" else HOLDOUT_LABELS
    stamp = stamp_duty if stamp_duty is not None else registration_fee * rng.choice([5, 6, 7])
    amounts = {
        "registration": registration_fee,
        "stamp": stamp,
        "scanning": rng.choice([100, 200, 250, 300, 500]),
        "cess": round(stamp * rng.choice([0.1, 0.02, 0.03])),
        "copy": rng.choice([50, 100, 150, 210]),
    }
    keys = ["registration"] + rng.sample(["stamp", "scanning", "cess", "copy"], rng.randint(1, 4))
    rng.shuffle(keys)
    rows = [FeeRow(k, rng.choice(labels[k]), amounts[k]) for k in keys]
    if rng.random() < 0.8:
        rows.append(FeeRow("total", rng.choice(labels["total"]), sum(r.amount for r in rows)))
    return rows


def write_fee(amount: int, rng: random.Random) -> str:
    """Write a fee the way endorsements do: `1,230.00`, `Rs. 1,230/-`, `1230`."""
    grouped = format_indian(amount)
    return rng.choice([f"{grouped}.00", f"Rs. {grouped}/-", f"{grouped}", f"{amount}.00"])


@dataclass(frozen=True, slots=True)
class _Style:
    columns: int
    border: str  # grid, outer, rules, none
    header: bool
    font: str
    bold_font: str
    size: int
    pad: int
    ink: tuple[int, int, int]


def _sample_style(rng: random.Random, family: str, scale: float) -> _Style:
    fonts = MAIN_FONTS if family == "main" else HOLDOUT_FONTS
    font = rng.choice(fonts)
    border = rng.choice(["grid", "grid", "outer", "rules", "none"])
    if family == "holdout":
        border = rng.choice(["grid", "rules", "none", "double"])
    grey = rng.randint(0, 60)
    return _Style(
        columns=rng.randint(2, 4),
        border=border,
        header=rng.random() < (0.7 if family == "main" else 0.9),
        font=font,
        bold_font=font.replace(".ttf", "-Bold.ttf") if "Bold" not in font else font,
        size=max(9, round(rng.uniform(20, 30) * scale)),
        pad=max(3, round(rng.uniform(8, 16) * scale)),
        ink=(grey, grey, grey + rng.randint(0, 30)),
    )


def _cells(rows: list[FeeRow], style: _Style, rng: random.Random, family: str) -> list[list[str]]:
    heads = {
        2: ["Particulars", "Amount (Rs.)"],
        3: ["Sl. No.", "Description", "Amount"],
        4: ["No.", "Head of Account", "Receipt No.", "Rupees"],
    }
    if family == "holdout":
        heads = {
            2: ["Item", "Paid (INR)"],
            3: ["Head", "Challan", "INR"],
            4: ["#", "Fee Head", "Mode", "Amount Paid"],
        }
    table = [heads[style.columns]] if style.header else []
    for i, row in enumerate(rows, start=1):
        amount = write_fee(row.amount, rng)
        is_total = row.key == "total"
        match style.columns:
            case 2:
                table.append([row.label, amount])
            case 3 if family == "holdout":
                table.append(
                    [row.label, "" if is_total else f"CH{rng.randint(1000, 99999)}", amount]
                )
            case 3:
                table.append(["" if is_total else str(i), row.label, amount])
            case _:
                extra = (
                    rng.choice(["Cash", "DD", "e-Pay", "Online"])
                    if family == "holdout"
                    else (f"R{rng.randint(100, 9999)}")
                )
                table.append(
                    ["" if is_total else str(i), row.label, "" if is_total else extra, amount]
                )
    return table


def render_fee_table(
    rows: list[FeeRow], *, rng: random.Random, family: str = "main", scale: float = 1.0
) -> Image.Image:
    """Draw `rows` as an RGB table on white, tight to its grid; `scale` 1.0 ≈ 150 DPI."""
    style = _sample_style(rng, family, scale)
    table = _cells(rows, style, rng, family)
    font = load_font(style.font, style.size)
    bold = load_font(style.bold_font, style.size)
    probe = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    amount_col = style.columns - 1
    widths = [0] * style.columns
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            f = bold if (r == 0 and style.header) else font
            widths[c] = max(widths[c], int(probe.textlength(text, font=f)))
    widths = [w + 2 * style.pad + rng.randint(0, style.pad * 3) for w in widths]
    row_h = style.size + 2 * style.pad
    width, height = sum(widths) + 2, row_h * len(table) + 2
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    line_w = max(1, round(2 * scale * rng.uniform(0.6, 1.4)))
    y = 0
    for r, row in enumerate(table):
        x = 0
        is_head = r == 0 and style.header
        for c, text in enumerate(row):
            f = (
                bold
                if is_head or row[1 if style.columns > 2 else 0] in {"Total", "Grand Total"}
                else font
            )
            tw = probe.textlength(text, font=f)
            tx = (
                x + widths[c] - style.pad - tw if c == amount_col and not is_head else x + style.pad
            )
            draw.text((tx, y + style.pad), text, fill=style.ink, font=f)
            x += widths[c]
        y += row_h
    _draw_rules(draw, style=style, widths=widths, row_h=row_h, rows=len(table), line_w=line_w)
    return image


def _draw_rules(
    draw: ImageDraw.ImageDraw,
    *,
    style: _Style,
    widths: list[int],
    row_h: int,
    rows: int,
    line_w: int,
) -> None:
    width, height = sum(widths), row_h * rows
    ink = style.ink
    if style.border in {"grid", "outer", "double"}:
        draw.rectangle([0, 0, width, height], outline=ink, width=line_w)
    if style.border == "double":
        gap = line_w * 3
        draw.rectangle([gap, gap, width - gap, height - gap], outline=ink, width=line_w)
    if style.border in {"grid", "rules", "double"}:
        for r in range(1, rows):
            draw.line([0, r * row_h, width, r * row_h], fill=ink, width=line_w)
    if style.border == "rules":
        draw.line([0, 0, width, 0], fill=ink, width=line_w)
        draw.line([0, height, width, height], fill=ink, width=line_w)
    if style.border in {"grid", "double"}:
        x = 0
        for w in widths[:-1]:
            x += w
            draw.line([x, 0, x, height], fill=ink, width=line_w)
    if style.border == "outer" and style.header:
        draw.line([0, row_h, width, row_h], fill=ink, width=line_w)
