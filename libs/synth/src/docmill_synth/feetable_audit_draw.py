"""Drawing helpers for the audit fee pages: fonts, the fee table, ink marks and the scanner."""

from __future__ import annotations

import functools
import io
import math
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from docmill_normalize.amounts import format_indian

FONT_ROOTS = (Path("/usr/share/fonts"), Path(__file__).parent / "fonts")
# First existing file wins; DejaVu is last so a bare Debian with fonts-dejavu still works.
FACES: dict[str, tuple[str, ...]] = {
    "typed": ("NimbusMonoPS-Regular.otf", "DejaVuSansMono.ttf"),
    "typed-bold": ("NimbusMonoPS-Bold.otf", "DejaVuSansMono-Bold.ttf"),
    "print": ("NimbusSans-Regular.otf", "DejaVuSans.ttf"),
    "print-bold": ("NimbusSans-Bold.otf", "DejaVuSans-Bold.ttf"),
    "narrow": ("NimbusSansNarrow-Regular.otf", "DejaVuSansCondensed.ttf", "DejaVuSans.ttf"),
    "narrow-bold": ("NimbusSansNarrow-Bold.otf", "DejaVuSansCondensed-Bold.ttf"),
    "serif": ("NimbusRoman-Regular.otf", "DejaVuSerif.ttf"),
    "serif-bold": ("NimbusRoman-Bold.otf", "DejaVuSerif-Bold.ttf"),
}
BLUE_INKS = ((35, 55, 160), (60, 40, 140), (100, 45, 150), (30, 80, 170))
PEN_INKS = ((20, 30, 110), (25, 25, 25), (40, 40, 150))


@functools.cache
def _font_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in FONT_ROOTS:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix.lower() in (".ttf", ".otf"):
                    found.setdefault(path.name, path)
    return found


@functools.cache
def load_face(face: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The font for `face` at `size` px, falling back to DejaVu and then PIL's own font."""
    files = _font_files()
    for name in (*FACES.get(face, ()), "DejaVuSans.ttf"):
        if name in files:
            return ImageFont.truetype(str(files[name]), size)
    return ImageFont.load_default(size)


def wrap(text: str, *, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    """Split `text` into lines no wider than `width` px."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


@dataclass(frozen=True, slots=True)
class FeeRow:
    label: str
    amount: int
    receipt: str = ""


@dataclass(frozen=True, slots=True)
class TableStyle:
    columns: str  # "slno_rs_ps" | "particulars" | "receipt" | "slno_amount"
    borders: str  # "grid" | "rules" | "outer" | "none"
    amounts: str  # "decimal" | "dash" | "rs" | "plain" | "rs_dash"
    face: str
    size: int  # px
    ink: tuple[int, int, int]


def format_amount(value: int, style: str) -> str:
    """An amount as one printed cell: "1,12,500.00", "22,500/-", "Rs. 3,400", "112500.00"."""
    grouped = format_indian(value)
    return {
        "decimal": f"{grouped}.00",
        "dash": f"{grouped}/-",
        "rs": f"Rs. {grouped}",
        "plain": f"{value}.00",
        "rs_dash": f"Rs.{grouped}/-",
    }[style]


def is_total(label: str) -> bool:
    """Whether a row label is the table's total line."""
    return label.lower().startswith(("total", "grand"))


def _header_and_cells(rows: list[FeeRow], style: TableStyle) -> tuple[list[str], list[list[str]]]:
    if style.columns == "slno_rs_ps":
        rupees = "plain" if style.amounts == "plain" else "grouped"
        cells = [
            [
                "" if is_total(row.label) else f"{i}.",
                row.label,
                str(row.amount) if rupees == "plain" else format_indian(row.amount),
                "00",
            ]
            for i, row in enumerate(rows, start=1)
        ]
        return ["Sl. No.", "Description", "Rs.", "Ps."], cells
    if style.columns == "particulars":
        head = "Amount (Rs.)" if style.amounts not in ("rs", "rs_dash") else "Amount"
        return ["Particulars", head], [
            [row.label, format_amount(row.amount, style.amounts)] for row in rows
        ]
    if style.columns == "receipt":
        return ["Fee", "Receipt No.", "Amount"], [
            [row.label, row.receipt, format_amount(row.amount, style.amounts)] for row in rows
        ]
    return ["Sl.", "Nature of fee", "Amount"], [
        ["" if is_total(row.label) else f"{i}", row.label, format_amount(row.amount, style.amounts)]
        for i, row in enumerate(rows, start=1)
    ]


def draw_table(
    page: Image.Image, *, rows: list[FeeRow], style: TableStyle, origin: tuple[int, int], width: int
) -> tuple[int, int, int, int]:
    """Draw the fee table with its top-left at `origin`; return its box."""
    draw = ImageDraw.Draw(page)
    font = load_face(style.face, style.size)
    bold = load_face(f"{style.face}-bold", style.size)
    header, cells = _header_and_cells(rows, style)
    # Column widths: the widest cell plus padding, the description column takes the slack.
    pad = style.size // 2
    natural = [
        max(bold.getlength(header[c]), *(font.getlength(r[c]) for r in cells)) + 2 * pad
        for c in range(len(header))
    ]
    wide = 1 if header[0].startswith("Sl") else 0
    widths = [int(w) for w in natural]
    widths[wide] = max(widths[wide], width - sum(widths) + widths[wide])
    row_h = int(style.size * 1.9)
    x0, y0 = origin
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    numeric = {c for c in range(len(header)) if header[c].startswith(("Rs", "Ps", "Amount"))}
    line_w = max(1, style.size // 14)
    ys = [y0 + i * row_h for i in range(len(cells) + 2)]
    for r, texts in enumerate([header, *cells]):
        use = bold if r == 0 or is_total(rows[r - 1].label) else font
        cy = ys[r] + row_h // 2
        for c, text in enumerate(texts):
            if c in numeric and r > 0:
                draw.text((xs[c + 1] - pad, cy), text, fill=style.ink, font=use, anchor="rm")
            else:
                draw.text((xs[c] + pad, cy), text, fill=style.ink, font=use, anchor="lm")
    x1, y1 = xs[-1], ys[-1]
    if style.borders == "grid":
        for y in ys:
            draw.line([(x0, y), (x1, y)], fill=style.ink, width=line_w)
        for x in xs:
            draw.line([(x, y0), (x, y1)], fill=style.ink, width=line_w)
    elif style.borders == "rules":
        for y in (ys[0], ys[1], ys[-2] if is_total(rows[-1].label) else ys[-1], ys[-1]):
            draw.line([(x0, y), (x1, y)], fill=style.ink, width=line_w)
    elif style.borders == "outer":
        draw.rectangle([x0, y0, x1, y1], outline=style.ink, width=line_w)
        draw.line([(x0, ys[1]), (x1, ys[1])], fill=style.ink, width=line_w)
    else:
        # Borderless typed tables underline the header with dashes.
        dash = "-" * int((x1 - x0) / max(1.0, font.getlength("-")))
        draw.text((x0, ys[1]), dash, fill=style.ink, font=font, anchor="lm")
    return x0, y0, x1, y1


def draw_seal(
    page: Image.Image, *, rng: random.Random, center: tuple[int, int], radius: int, words: str
) -> None:
    """Press a translucent round or rectangular office seal in blue/violet ink at `center`."""
    size = radius * 3
    layer = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(layer)
    c = size // 2
    width = max(2, radius // 22)
    if rng.random() < 0.6:
        draw.ellipse([c - radius, c - radius, c + radius, c + radius], outline=255, width=width)
        inner = int(radius * 0.68)
        draw.ellipse([c - inner, c - inner, c + inner, c + inner], outline=255, width=width)
        font = load_face("print-bold", max(8, radius // 6))
        for i, ch in enumerate(words):
            angle = math.pi * (0.85 + 1.3 * i / max(1, len(words) - 1))
            pos = (c + radius * 0.84 * math.cos(angle), c + radius * 0.84 * math.sin(angle))
            draw.text(pos, ch, fill=255, font=font, anchor="mm")
        draw.text((c, c), rng.choice(["SRO", "KAR", "GOK"]), fill=255, font=font, anchor="mm")
    else:
        w, h = int(radius * 2.3), int(radius * 1.0)
        draw.rectangle([c - w // 2, c - h // 2, c + w // 2, c + h // 2], outline=255, width=width)
        font = load_face("print-bold", max(8, h // 4))
        draw.text((c, c - h // 6), words, fill=255, font=font, anchor="mm")
        draw.text((c, c + h // 4), "Date: ____________", fill=255, font=font, anchor="mm")
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    # Uneven inking: a seal never prints at full strength everywhere.
    mottle = np.random.default_rng(rng.randrange(2**32)).uniform(
        0.35, 0.8, (size // 8 + 1, size // 8 + 1)
    )
    mottle_img = Image.fromarray((mottle * 255).astype(np.uint8)).resize(
        (size, size), Image.BILINEAR
    )
    alpha = Image.fromarray(
        (np.asarray(layer, np.float32) * np.asarray(mottle_img, np.float32) / 255).astype(np.uint8)
    )
    ink = Image.new("RGB", (size, size), rng.choice(BLUE_INKS))
    page.paste(ink, (center[0] - c, center[1] - c), alpha)


def draw_signature(
    page: Image.Image, *, rng: random.Random, box: tuple[int, int, int, int]
) -> None:
    """Write a looping cursive-like pen signature inside `box`, in one to three strokes."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    n = 260
    t = np.linspace(0.0, 1.0, n)
    freq, phase = rng.uniform(5, 11), rng.uniform(0, 2 * math.pi)
    # Backward x swings faster than the forward drift make the loops of handwriting.
    x = x0 + w * t + w * rng.uniform(0.03, 0.05) * np.sin(freq * 2 * math.pi * t + phase)
    envelope = 0.6 + 0.4 * np.sin(rng.uniform(1, 3) * 2 * math.pi * t + rng.uniform(0, 6))
    envelope[: n // 7] *= rng.uniform(1.2, 1.7)  # the capital at the start
    y = (y0 + y1) / 2 + h * 0.3 * envelope * np.sin(freq * 2 * math.pi * t + phase + math.pi / 2)
    y += h * 0.08 * np.sin(rng.uniform(1, 2.5) * 2 * math.pi * t)
    draw = ImageDraw.Draw(page)
    ink = rng.choice(PEN_INKS)
    width = max(1, h // 16)
    cuts = sorted(rng.sample(range(40, n - 40), rng.randint(0, 2)))
    for a, b in zip([0, *cuts], [*cuts, n], strict=True):
        draw.line(
            list(zip(x[a:b].tolist(), y[a:b].tolist(), strict=True)),
            fill=ink,
            width=width,
            joint="curve",
        )
    if rng.random() < 0.6:
        yy = y1 - h * 0.05
        draw.line(
            [(x0, yy), (x0 + w * rng.uniform(0.6, 1.0), yy + rng.uniform(-4, 4))],
            fill=ink,
            width=width,
        )


def draw_thumb(page: Image.Image, *, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    """A box with a smudged left-thumb impression, as under each executant's name."""
    draw = ImageDraw.Draw(page)
    draw.rectangle(box, outline=(60, 60, 60), width=max(1, (box[2] - box[0]) // 60))
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    rx, ry = (x1 - x0) * 0.28, (y1 - y0) * 0.36
    ink = rng.choice(BLUE_INKS)
    for k in range(rng.randint(7, 12)):
        f = 1 - k / 13
        draw.ellipse(
            [cx - rx * f, cy - ry * f, cx + rx * f, cy + ry * f],
            outline=ink,
            width=max(1, int(rx / 18)),
        )


def draw_marks(
    page: Image.Image, *, rng: random.Random, spots: list[tuple[int, int]], scale: float
) -> None:
    """Pen ticks and initials an official leaves beside checked entries."""
    draw = ImageDraw.Draw(page)
    for x, y in spots:
        ink = rng.choice(PEN_INKS)
        s = 8 * scale
        if rng.random() < 0.6:
            draw.line(
                [(x, y), (x + s * 0.4, y + s * 0.5), (x + s * 1.2, y - s * 0.7)],
                fill=ink,
                width=max(1, int(scale)),
            )
        else:
            font = load_face("serif", int(11 * scale))
            draw.text(
                (x, y),
                rng.choice(["Recd.", "ok", "Verified", "Chk"]),
                fill=ink,
                font=font,
                anchor="lm",
            )


def scan_page(page: Image.Image, *, rng: random.Random, dpi: int) -> bytes:
    """Skew, grey, blur, noise and JPEG-compress `page` like an office scanner."""
    paper = tuple(
        int(rng.uniform(236, 252) - d) for d in (0, rng.uniform(0, 6), rng.uniform(0, 16))
    )
    page = page.rotate(rng.uniform(-2.0, 2.0), resample=Image.BICUBIC, fillcolor=paper)
    arr = np.asarray(page, np.float32)
    arr = arr / 255.0 * np.array(paper, np.float32)
    gen = np.random.default_rng(rng.randrange(2**32))
    grey = rng.random() < 0.4
    if grey:
        # Photocopy: toner never reaches black, paper never stays white.
        lum = arr.mean(axis=2, keepdims=True)
        arr = np.repeat(lum, 3, axis=2) * rng.uniform(0.75, 0.9) + rng.uniform(20, 45)
        h, w = arr.shape[:2]
        n = int(h * w * rng.uniform(0.0002, 0.001))
        arr[gen.integers(0, h, n), gen.integers(0, w, n)] = rng.uniform(40, 110)
    arr += (gen.standard_normal(arr.shape[:2], dtype=np.float32) * rng.uniform(2, 9))[..., None]
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    blur = rng.uniform(0.0, 0.9) * dpi / 200
    if blur > 0.25:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    if grey or rng.random() < 0.2:
        out = out.convert("L")
    buffer = io.BytesIO()
    out.save(buffer, format="JPEG", quality=rng.randint(45, 88), dpi=(dpi, dpi))
    return buffer.getvalue()
