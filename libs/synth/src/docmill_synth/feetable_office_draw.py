"""Drawing primitives for scanned sub-registrar fee pages: fonts, ink, seals, scan wear."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES: dict[str, Path] = {
    "sans": _DEJAVU / "DejaVuSans.ttf",
    "sans_bold": _DEJAVU / "DejaVuSans-Bold.ttf",
    "condensed": _DEJAVU / "DejaVuSansCondensed.ttf",
    "condensed_bold": _DEJAVU / "DejaVuSansCondensed-Bold.ttf",
    "serif": _DEJAVU / "DejaVuSerif.ttf",
    "serif_bold": _DEJAVU / "DejaVuSerif-Bold.ttf",
    "serif_italic": _DEJAVU / "DejaVuSerif-Italic.ttf",
    "mono": _DEJAVU / "DejaVuSansMono.ttf",
    "mono_bold": _DEJAVU / "DejaVuSansMono-Bold.ttf",
    "hand": _DEJAVU / "DejaVuSansCondensed-Oblique.ttf",
    "hand_serif": _DEJAVU / "DejaVuSerifCondensed-Italic.ttf",
}

Color = tuple[int, int, int]
Box = tuple[float, float, float, float]
BLACK: Color = (25, 25, 28)
VIOLET_INKS: tuple[Color, ...] = ((110, 50, 150), (85, 45, 160), (60, 70, 170), (40, 60, 150))
PEN_INKS: tuple[Color, ...] = ((20, 35, 120), (30, 30, 40), (15, 50, 110))

_font_cache: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(name: str, px: float) -> ImageFont.FreeTypeFont:
    """A cached TrueType font of `name` at `px` pixels."""
    key = (name, max(6, round(px)))
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(str(FONT_FILES[name]), key[1])
    return _font_cache[key]


@dataclass
class Canvas:
    """A white page in pixels with a point-based coordinate system, plus an ink overlay."""

    dpi: int
    width_pt: float
    height_pt: float
    image: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    overlays: list[tuple[tuple[Image.Image, int, int], Color, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        size = (round(self.width_pt * self.s), round(self.height_pt * self.s))
        self.image = Image.new("RGB", size, (255, 255, 255))
        self.draw = ImageDraw.Draw(self.image)

    @property
    def s(self) -> float:
        return self.dpi / 72.0

    def px(self, v: float) -> float:
        return v * self.s

    def text(
        self,
        xy: tuple[float, float],
        text: str,
        face: str,
        size_pt: float,
        fill: Color = BLACK,
        anchor: str = "la",
    ) -> Box:
        """Draw `text` at point coordinates; return its box in points."""
        f = font(face, self.px(size_pt))
        pos = (self.px(xy[0]), self.px(xy[1]))
        self.draw.text(pos, text, font=f, fill=fill, anchor=anchor)
        x0, y0, x1, y1 = self.draw.textbbox(pos, text, font=f, anchor=anchor)
        return (x0 / self.s, y0 / self.s, x1 / self.s, y1 / self.s)

    def text_width(self, text: str, face: str, size_pt: float) -> float:
        return font(face, self.px(size_pt)).getlength(text) / self.s

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float, fill: Color) -> None:
        pts = [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))]
        self.draw.line(pts, fill=fill, width=max(1, round(self.px(w))))

    def rect(self, box: Box, w: float, fill: Color) -> None:
        b = [self.px(v) for v in box]
        self.draw.rectangle(b, outline=fill, width=max(1, round(self.px(w))))

    def wrap(
        self, x: float, y: float, width: float, text: str, face: str, size_pt: float, lead: float
    ) -> float:
        """Draw `text` wrapped to `width` points; return the y below it."""
        line = ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if self.text_width(trial, face, size_pt) > width and line:
                self.text((x, y), line, face, size_pt)
                y += size_pt * lead
                line = word
            else:
                line = trial
        if line:
            self.text((x, y), line, face, size_pt)
            y += size_pt * lead
        return y


def hand_text(
    c: Canvas,
    rng: random.Random,
    xy: tuple[float, float],
    text: str,
    size_pt: float,
    ink: Color,
    face: str = "hand",
    anchor_right: bool = False,
) -> Box:
    """Pen-written text: each word slightly sized, lifted and tilted on its own."""
    pad = round(c.px(size_pt) * 0.4)
    space = font(face, c.px(size_pt)).getlength(" ") * rng.uniform(1.0, 1.4)
    tiles: list[tuple[Image.Image, float]] = []
    for word in text.split():
        wf = font(face, c.px(size_pt) * rng.uniform(0.93, 1.08))
        advance = wf.getlength(word)
        tile = Image.new("L", (round(advance) + 2 * pad, round(c.px(size_pt) * 1.3) + 2 * pad), 0)
        ImageDraw.Draw(tile).text((pad, pad), word, font=wf, fill=255)
        tile = tile.rotate(rng.uniform(-3.0, 3.0), resample=Image.BICUBIC)
        tiles.append((tile, advance))
    total = sum(a for _, a in tiles) + space * max(0, len(tiles) - 1)
    x = c.px(xy[0]) - (total if anchor_right else 0)
    start = x
    for tile, advance in tiles:
        dy = rng.uniform(-0.08, 0.08) * c.px(size_pt)
        c.image.paste(ink, (round(x - pad), round(c.px(xy[1]) - pad + dy)), tile)
        x += advance + space
    return (start / c.s, xy[1] - size_pt * 0.1, (x - space) / c.s, xy[1] + size_pt * 1.2)


def signature(c: Canvas, rng: random.Random, x: float, y: float, w: float, ink: Color) -> None:
    """A looping pen scrawl about `w` points wide with its left end at (x, y)."""
    pts: list[tuple[float, float]] = []
    n = rng.randint(4, 7)
    for i in range(n * 12):
        t = i / (n * 12)
        px = x + w * t + math.sin(t * n * 2 * math.pi) * w * 0.05
        py = y - math.sin(t * n * math.pi * rng.uniform(0.9, 1.1)) * w * 0.12 * (1 - 0.4 * t)
        pts.append((c.px(px), c.px(py)))
    c.draw.line(pts, fill=ink, width=max(1, round(c.px(rng.uniform(0.7, 1.3)))), joint="curve")
    tail = [(c.px(x + w * 0.1), c.px(y + 4)), (c.px(x + w * 1.05), c.px(y + 1))]
    c.draw.line(tail, fill=ink, width=max(1, round(c.px(0.8))))


def round_seal(
    c: Canvas, rng: random.Random, cx: float, cy: float, r: float, ring: str, centre: list[str]
) -> None:
    """A round rubber stamp (ring text, inner circle, centre lines) queued as patchy ink."""
    size = round(c.px(2 * r + 8))
    mask = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(mask)
    m = size / 2
    rp = c.px(r)
    lw = max(2, round(c.px(1.6)))
    d.ellipse([m - rp, m - rp, m + rp, m + rp], outline=255, width=lw)
    ri = rp * 0.66
    d.ellipse([m - ri, m - ri, m + ri, m + ri], outline=255, width=max(1, lw // 2))
    f = font("sans_bold", rp * 0.2)
    chars = list(ring.upper())
    span = 300.0
    for i, ch in enumerate(chars):
        ang = math.radians(-90 - span / 2 + span * (i + 0.5) / len(chars))
        tile = Image.new("L", (round(rp * 0.3), round(rp * 0.3)), 0)
        ImageDraw.Draw(tile).text(
            (tile.width / 2, tile.height / 2), ch, font=f, fill=255, anchor="mm"
        )
        tile = tile.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        rr = rp * 0.83
        pos = (
            round(m + rr * math.cos(ang) - tile.width / 2),
            round(m + rr * math.sin(ang) - tile.height / 2),
        )
        mask.paste(255, pos, tile)
    fc = font("sans_bold", rp * 0.17)
    for i, line in enumerate(centre):
        d.text(
            (m, m + (i - (len(centre) - 1) / 2) * rp * 0.22), line, font=fc, fill=255, anchor="mm"
        )
    mask = mask.rotate(rng.uniform(-40, 40), resample=Image.BICUBIC)
    c.overlays.append((_place(c, mask, cx, cy), rng.choice(VIOLET_INKS), rng.uniform(0.55, 0.85)))


def box_stamp(
    c: Canvas, rng: random.Random, box: Box, lines: list[str], ink: Color | None = None
) -> None:
    """A rectangular rubber stamp with its own lines of wording, queued as patchy ink."""
    w, h = round(c.px(box[2] - box[0])), round(c.px(box[3] - box[1]))
    mask = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(mask)
    d.rectangle([0, 0, w - 1, h - 1], outline=255, width=max(2, round(c.px(1.4))))
    fs = h / (len(lines) + 1) * 0.62
    for i, line in enumerate(lines):
        d.text(
            (w / 2, h * (i + 1) / (len(lines) + 1)),
            line,
            font=font("sans_bold", fs),
            fill=255,
            anchor="mm",
        )
    mask = mask.rotate(rng.uniform(-4, 4), resample=Image.BICUBIC, expand=True)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    color = ink or rng.choice(VIOLET_INKS)
    c.overlays.append((_place(c, mask, cx, cy), color, rng.uniform(0.6, 0.9)))


def _place(c: Canvas, tile: Image.Image, cx: float, cy: float) -> tuple[Image.Image, int, int]:
    return tile, round(c.px(cx) - tile.width / 2), round(c.px(cy) - tile.height / 2)


def apply_overlays(c: Canvas, rng: random.Random) -> np.ndarray:
    """Multiply the queued stamp inks onto the page, patchy as real rubber stamps are."""
    arr = np.asarray(c.image, dtype=np.float32) / 255.0
    nrng = np.random.default_rng(rng.randrange(2**32))
    h, w = arr.shape[:2]
    for (tile, left, top), color, strength in c.overlays:
        x0, y0 = max(0, left), max(0, top)
        x1, y1 = min(w, left + tile.width), min(h, top + tile.height)
        if x1 <= x0 or y1 <= y0:
            continue
        a = np.asarray(tile, dtype=np.float32)[y0 - top : y1 - top, x0 - left : x1 - left] / 255.0
        # Low-frequency patchiness: uneven ink on the stamp pad.
        th, tw = a.shape
        coarse = nrng.uniform(90, 255, size=(max(2, th // 30), max(2, tw // 30)))
        patch = Image.fromarray(coarse.astype(np.uint8)).resize((tw, th), Image.BILINEAR)
        a = a * (np.asarray(patch, dtype=np.float32) / 255.0) * strength
        ink = np.array(color, dtype=np.float32) / 255.0
        arr[y0:y1, x0:x1] *= 1 - a[..., None] * (1 - ink)
    return arr


def scan_wear(arr: np.ndarray, rng: random.Random, dpi: int, photocopy: bool) -> Image.Image:
    """Paper tone, toner speckle, grain, blur and a small skew, as a copier or scanner leaves."""
    nrng = np.random.default_rng(rng.randrange(2**32))
    h, w = arr.shape[:2]
    red = rng.uniform(0.93, 1.0)
    green = red - rng.uniform(0.0, 0.025)
    tone = np.array([red, green, green - rng.uniform(0.0, 0.06)])
    if photocopy:
        g = arr @ np.array([0.3, 0.59, 0.11], dtype=np.float32)
        g = np.clip((g - 0.12) * 1.25, 0, 1)
        arr = np.repeat(g[..., None], 3, axis=2)
        tone = np.full(3, rng.uniform(0.86, 0.96))
    arr *= tone.astype(np.float32)
    grain = nrng.standard_normal(size=(h, w, 1), dtype=np.float32)
    arr += grain * np.float32(rng.uniform(0.01, 0.035))
    specks = nrng.random((h, w)) < rng.uniform(0.00005, 0.0004)
    arr[specks] *= 0.3
    if photocopy and rng.random() < 0.6:
        # A darker band along one edge where the copier lid did not close.
        edge = round(w * rng.uniform(0.01, 0.03))
        arr[:, :edge] *= np.linspace(0.35, 1.0, edge)[None, :, None]
    img = Image.fromarray((np.clip(arr, 0, 1) * 255).astype(np.uint8), "RGB")
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.9) * dpi / 200))
    bg = tuple(int(v * 240) for v in tone)
    return img.rotate(rng.uniform(-2, 2), resample=Image.BILINEAR, fillcolor=bg)


def table(
    c: Canvas,
    rng: random.Random,
    x: float,
    y: float,
    cols: list[tuple[str, float, str]],
    cells: list[list[str]],
    fee_row: int,
    rules: str,
    face: str,
    size: float,
    ink: tuple[int, int, int] = BLACK,
    hand_cols: tuple[int, ...] = (),
) -> tuple[Box, float]:
    """Draw a table (cols are header, width, align l/r); return the fee amount box and bottom y."""
    pad, row_h = size * 0.5, size * rng.uniform(1.9, 2.4)
    width = sum(w for _, w, _ in cols)
    lines_y = [y]
    fee_box: Box = (0, 0, 0, 0)
    all_rows = [[h for h, _, _ in cols], *cells]
    for i, cells_i in enumerate(all_rows):
        cx = x
        for j, (text, (_, w, align)) in enumerate(zip(cells_i, cols, strict=True)):
            tx = cx + w - pad if align == "r" else cx + pad
            ty = y + (row_h - size * 1.15) / 2
            bold = (
                face + "_bold"
                if i == 0 and face in ("sans", "serif", "mono", "condensed")
                else face
            )
            if i > 0 and j in hand_cols:
                pen = PEN_INKS[0] if ink == BLACK else BLACK
                box = hand_text(
                    c, rng, (tx, ty - size * 0.1), text, size * 1.2, pen, anchor_right=align == "r"
                )
            else:
                box = c.text((tx, ty), text, bold, size, ink, anchor="ra" if align == "r" else "la")
            if i - 1 == fee_row and j == len(cols) - 1:
                fee_box = box
            cx += w
        y += row_h
        lines_y.append(y)
    lw = rng.uniform(0.5, 1.0)
    if rules == "grid":
        for ly in lines_y:
            c.line(x, ly, x + width, ly, lw, ink)
        cx = x
        for _, w, _ in [("", 0.0, ""), *cols]:
            cx += w
            c.line(cx, lines_y[0], cx, lines_y[-1], lw, ink)
    elif rules == "horizontal":
        for ly in (lines_y[0], lines_y[1], lines_y[-1]):
            c.line(x, ly, x + width, ly, lw, ink)
    elif rules == "header":
        c.line(x, lines_y[1] - 2, x + width, lines_y[1] - 2, lw, ink)
    return fee_box, y
