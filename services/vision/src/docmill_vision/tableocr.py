"""Reading a cropped fee table with Tesseract: clean the crop, read it in several passes, vote."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pytesseract
from PIL import Image, ImageFilter, ImageOps

from docmill_vision.clues import NO_CLUES, FeeClues
from docmill_vision.tablerows import (
    TableRow,
    adds_up,
    has_paise_column,
    implied_fee,
    is_registration_label,
    join_paise,
    last_figure,
    names_a_fee,
    paise_of,
    registration_fee,
    split_row,
)
from docmill_vision.tablevote import consensus_fee


def deskew_angle(gray: np.ndarray, *, limit: float = 3.0, step: float = 0.25) -> float:
    """The rotation (degrees) that makes text rows and rules horizontal: sharpest row profile."""
    small = Image.fromarray(gray)
    if small.width > 600:
        small = small.resize((600, max(1, round(small.height * 600 / small.width))))
    ink = Image.fromarray(((np.asarray(small) < 128) * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    for angle in np.arange(-limit, limit + step / 2, step):
        profile = np.asarray(ink.rotate(float(angle), resample=Image.Resampling.NEAREST)).sum(
            axis=1
        )
        score = float(np.var(profile))
        if score > best_score:
            best, best_score = float(angle), score
    return best


def clean_crop(gray: np.ndarray) -> np.ndarray:
    """Whiten ruling lines so Tesseract sees only the text."""
    dark = gray < 150
    h, w = dark.shape
    out = gray.copy()
    # A row or column that is mostly ink is a rule line, not text.
    for y in np.flatnonzero(dark.mean(axis=1) > 0.5):
        out[max(0, y - 1) : min(h, y + 2), :] = 255
    for x in np.flatnonzero(dark.mean(axis=0) > 0.5):
        out[:, max(0, x - 1) : min(w, x + 2)] = 255
    return out


def flatten_background(gray: np.ndarray) -> np.ndarray:
    """Divide out the paper's brightness row by row, then column by column.

    Shaded row bands, tinted header rows and scanner shadows along an edge become white
    paper with the text still dark on it; full-width rules fade with their rows.
    """
    out = gray.astype(np.float32)
    for axis in (1, 0):
        paper = np.percentile(out, 90, axis=axis, keepdims=True)
        out = np.clip(out / np.maximum(paper, 1.0) * 255.0, 0, 255)
    return out.astype(np.uint8)


def otsu_threshold(gray: np.ndarray) -> int:
    """The grey level that best separates ink from paper (Otsu's method)."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def drop_seal_ink(rgb: np.ndarray) -> np.ndarray:
    """Grey image with coloured ink (seals, signatures) turned to paper; dark text kept.

    Text is dark in every channel; seal ink on paper is coloured and light in at least one.
    Where a seal covers text, the darkest channel stays dark, so the text survives.
    """
    rgb = np.asarray(rgb, dtype=np.uint8)
    high, low = rgb.max(axis=2), rgb.min(axis=2)
    saturation = high.astype(np.int16) - low
    # Scanned paper is tinted too: only ink clearly more colourful than the paper goes.
    paper = int(np.median(saturation))
    seal = (saturation > paper + 18) & (low > 70)
    gray = high.copy()
    if seal.any():
        gray[seal] = int(np.median(high[~seal])) if (~seal).any() else 255
    return gray


def prepare_crop(image: np.ndarray) -> Image.Image:
    """Grey, seal tints dropped, straightened, rules removed, enlarged when small."""
    gray = drop_seal_ink(image) if image.ndim == 3 else image
    gray = np.asarray(Image.fromarray(gray).filter(ImageFilter.MedianFilter(3)))
    # Grey scans of tinted paper leave text at 100 on 200: stretch before judging ink.
    pil = ImageOps.autocontrast(Image.fromarray(flatten_background(gray)), cutoff=1)
    angle = deskew_angle(np.asarray(pil))
    if angle:
        pil = pil.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    gray = clean_crop(np.asarray(pil))
    pil = Image.fromarray(gray)
    # Tesseract reads best with capitals ~30 px tall; small tables are enlarged to that.
    zoom = min(4.0, max(1.0, 30 / max(1.0, text_height(gray))))
    if zoom > 1.05:
        pil = pil.resize(
            (round(pil.width * zoom), round(pil.height * zoom)), Image.Resampling.LANCZOS
        )
    return _pad(pil, 20)


def text_height(gray: np.ndarray) -> float:
    """Median height in pixels of the bands of ink rows (text lines once rules are gone)."""
    profile = (gray < otsu_threshold(gray)).mean(axis=1)
    # Seal strokes and leftover rules add a little ink to every row; text adds a lot.
    ink = profile > max(0.01, 0.25 * float(np.percentile(profile, 90)))
    edges = np.flatnonzero(np.diff(np.concatenate([[0], ink.astype(np.int8), [0]])))
    heights = edges[1::2] - edges[::2]
    heights = heights[heights >= 4]
    return float(np.median(heights)) if heights.size else 30.0


@dataclass(frozen=True, slots=True)
class OcrPass:
    config: str
    zoom: float = 1.0
    binarise: Literal["", "otsu", "darkest"] = ""


# Tried in turn until one reads a registration fee whose table adds up: a uniform block;
# the darkest ink only, which drops grey seal strokes lighter than the text; column-aware
# reading enlarged; then enlarged and binarised.
PASSES = (
    OcrPass("--psm 6"),
    OcrPass("--psm 6", binarise="darkest"),
    OcrPass("--psm 4", zoom=1.5),
    OcrPass("--psm 6", zoom=2.0, binarise="otsu"),
    OcrPass("--psm 4", zoom=2.0, binarise="otsu"),
)


def darkest_ink_threshold(gray: np.ndarray) -> int:
    """The level splitting the ink itself in two: text below, lighter seal strokes above."""
    ink = gray[gray < otsu_threshold(gray)]
    return otsu_threshold(ink) if ink.size else 128


@dataclass(frozen=True, slots=True)
class TableText:
    rows: list[TableRow]  # the reading the fee came from (else the first)
    fee: float | None
    readings: int  # OCR passes run


def _variant(prepared: Image.Image, ocr_pass: OcrPass) -> Image.Image:
    image = prepared
    if ocr_pass.zoom != 1.0:
        image = image.resize(
            (round(image.width * ocr_pass.zoom), round(image.height * ocr_pass.zoom)),
            Image.Resampling.LANCZOS,
        )
    if ocr_pass.binarise:
        gray = np.asarray(image)
        level = otsu_threshold(gray) if ocr_pass.binarise == "otsu" else darkest_ink_threshold(gray)
        image = Image.fromarray(np.where(gray > level, 255, 0).astype(np.uint8))
    return image


Box = tuple[int, int, int, int]  # left, top, right, bottom
_DIGITS_ONLY = "--psm 7 -c tessedit_char_whitelist=0123456789,./-"
_PAISE_WORD = re.compile(r"^\W*\d{2}\W*$")


def read_lines(
    image: Image.Image, *, lang: str, config: str
) -> tuple[list[TableRow], list[Box | None], bool]:
    """Rows from Tesseract's word boxes, where each row's rupees sit in `image`, and
    whether the table has a paise column."""
    data = pytesseract.image_to_data(
        image, lang=lang, config=config, output_type=pytesseract.Output.DICT
    )
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip():
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append(i)
    rows = [split_row(" ".join(data["text"][i] for i in words)) for words in lines.values()]
    paise = has_paise_column(rows)
    boxes = [_amount_box(data, words, paise=paise) for words in lines.values()]
    return join_paise(rows, paise=paise), boxes, paise


def _amount_box(data: dict, words: list[int], *, paise: bool = False) -> Box | None:
    """The box of the line's last run of figures (the amount cell), `Rs.` excluded.

    With a paise column the run's last cell is the paise; the box holds the rupees only.
    """
    run: list[int] = []
    for i in reversed(words):
        word = data["text"][i]
        letters = sum(c.isalpha() for c in word.lower().replace("rs", ""))
        if any(c.isdigit() for c in word) and letters <= 1:
            run.append(i)
        elif run or len(word) > 3:
            break  # a receipt number, `Rs.` or the label: the amount ended
    if paise and run and _PAISE_WORD.match(data["text"][run[0]]):
        run = run[1:]  # alone, the paise cell is all that was read of the amount
    if not run:
        return None
    left = min(data["left"][i] for i in run)
    top = min(data["top"][i] for i in run)
    right = max(data["left"][i] + data["width"][i] for i in run)
    bottom = max(data["top"][i] + data["height"][i] for i in run)
    return left, top, right, bottom


def reread_amount(image: Image.Image, box: Box, *, lang: str) -> float | None:
    """The figure in `box` read again on its own, enlarged, as digits only."""
    left, top, right, bottom = box
    h = bottom - top
    margin = max(4, h // 2)
    cell = image.crop(
        (
            max(0, left - margin),
            max(0, top - margin),
            min(image.width, right + margin),
            min(image.height, bottom + margin),
        )
    )
    zoom = max(1.0, 48 / max(1, h))
    cell = cell.resize(
        (round(cell.width * zoom), round(cell.height * zoom)), Image.Resampling.LANCZOS
    )
    gray = np.asarray(cell)
    binary = Image.fromarray(np.where(gray > otsu_threshold(gray), 255, 0).astype(np.uint8))
    text = pytesseract.image_to_string(_pad(binary, 10), lang=lang, config=_DIGITS_ONLY)
    return last_figure(text.strip())


def read_table(
    image: np.ndarray,
    *,
    lang: str = "eng",
    passes: tuple[OcrPass, ...] = PASSES,
    fee_table_only: bool = False,
    clues: FeeClues = NO_CLUES,
) -> TableText:
    """OCR a table crop (H, W, 3 RGB or grey uint8) into rows and its registration fee.

    The first pass also re-reads every amount cell on its own as digits only. Stops at
    the first reading whose rows name a fee and add up to their total, or whose fee the
    document's OCR'd text gave too (`clues`: two reads agree); else the readings of
    every pass vote (see tablevote). A fee no property of the document's value could
    carry is a misreading, never the answer. With `fee_table_only`, a crop whose
    first reading has fewer than two fee rows with amounts (a photo, a signature, a
    paragraph that names a fee) is not read again.
    """
    prepared = prepare_crop(image)
    readings: list[list[TableRow]] = []

    def done(rows: list[TableRow]) -> TableText | None:
        readings.append(rows)
        fee = registration_fee(rows)
        if fee is not None and clues.allows(fee) and (adds_up(rows) or clues.confirms(fee)):
            return TableText(rows=rows, fee=fee, readings=len(readings))
        return None

    first, *others = passes
    rows, boxes, paise = read_lines(_variant(prepared, first), lang=lang, config=first.config)
    if found := done(rows):
        return found
    if fee_table_only and sum(names_a_fee(r.label) and r.amount is not None for r in rows) < 2:
        return TableText(rows=rows, fee=None, readings=1)
    reread = [
        TableRow(label=row.label, amount=amount + paise_of(row) if paise else amount, text=row.text)
        if box is not None and (amount := reread_amount(prepared, box, lang=lang)) is not None
        else row
        for row, box in zip(rows, boxes, strict=True)
    ]
    if found := done(reread):
        return found
    for ocr_pass in others:
        text = pytesseract.image_to_string(
            _variant(prepared, ocr_pass), lang=lang, config=ocr_pass.config
        )
        lines = [split_row(line) for line in text.splitlines() if line.strip()]
        if found := done(join_paise(lines, paise=paise or None)):
            return found
    fee = consensus_fee(readings)
    if fee is None or not clues.allows(fee):
        fee = _implied_instead(readings, clues=clues)
    rows = next((r for r in readings if fee is not None and registration_fee(r) == fee), None)
    return TableText(rows=rows or readings[0], fee=fee, readings=len(readings))


def _implied_instead(readings: list[list[TableRow]], *, clues: FeeClues) -> float | None:
    """The total less the other rows, where a reading's fee figure is one no fee could be.

    A paise cell or a seal can turn `5,05,000` into `5.05`; the other rows and the total
    still say what the fee was.
    """
    for rows in readings:
        fee = registration_fee(rows)
        if fee is None or clues.allows(fee) or not clues.property_value:
            continue
        row = next((r for r in rows if r.amount == fee and is_registration_label(r.label)), None)
        implied = implied_fee(rows, row) if row is not None else None
        if implied is not None and clues.allows(implied):
            return implied
    return None


def _pad(image: Image.Image, pad: int) -> Image.Image:
    canvas = Image.new("L", (image.width + 2 * pad, image.height + 2 * pad), 255)
    canvas.paste(image, (pad, pad))
    return canvas
