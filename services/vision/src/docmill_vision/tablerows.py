"""Reading a cropped fee table: Tesseract lines -> (label, amount) rows -> the registration fee."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np
import pytesseract
from PIL import Image, ImageFilter, ImageOps

from docmill_normalize.amounts import parse_amount

# An amount at the end of a row: `Rs. 1,23,456/-`, `12,340.00`, `₹ 450`, `1230`.
_AMOUNT = re.compile(
    r"(?:(?:rs|inr|₹)\.?\s*)?(\d{1,3}(?:[,.]\s?\d{2,3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
    r"\s*(?:/-|/)?[^\w]{0,3}$",  # OCR leaves specks (°, ', ») after the last digit
    re.IGNORECASE,
)
# A box clipped on the left leaves the tail of the word: `gistration`, `stration`.
_REGISTRATION = re.compile(r"\b(regi\w*|regn\w*|regd\w*|r?e?g?i?stration)\b", re.IGNORECASE)
_NOT_REGISTRATION = re.compile(r"\b(total|stamp|scan|cess|copy|surcharge)", re.IGNORECASE)
_OTHER_HEADS = ("total", "stamp", "scanning", "surcharge", "copying", "certified", "duty")
_TOTAL = re.compile(r"\btotal\b", re.IGNORECASE)
_NOISE = re.compile(r"[|\[\]{}_=~`\"“”‘’]+")


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str
    amount: float | None
    text: str  # the whole OCR line


def split_row(line: str) -> TableRow:
    """Split one OCR line into its label and trailing amount."""
    text = " ".join(_NOISE.sub(" ", line).split())
    match = _AMOUNT.search(text)
    if not match:
        return TableRow(label=text, amount=None, text=line)
    amount = parse_amount(match.group(0).strip())
    if amount is None:
        amount = _plain_number(match.group(1))
    label = text[: match.start()].strip(" :-.")
    # Serial numbers and receipt columns sit between; keep only the words of the label.
    label = " ".join(w for w in label.split() if re.search(r"[A-Za-z]{2,}", w))
    return TableRow(label=label, amount=amount, text=line)


def _plain_number(raw: str) -> float | None:
    digits = raw.replace(" ", "")
    # Indian grouping uses commas; a dot followed by three digits is a misread comma.
    digits = re.sub(r"[.,](?=\d{3}(?:\D|$))", "", digits).replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def _like(word: str, target: str, *, ratio: float) -> bool:
    return SequenceMatcher(None, word, target).ratio() >= ratio


def is_registration_label(label: str) -> bool:
    """True when `label` names the registration fee (and not stamp duty, totals, ...).

    OCR garbles words under seals (`Regiab ttin`, `Resstreuon`), so words match loosely.
    """
    if _NOT_REGISTRATION.search(label):
        return False
    words = [w for w in re.findall(r"[a-z]+", label.lower()) if len(w) >= 3]
    if any(_like(w, other, ratio=0.8) for w in words for other in _OTHER_HEADS):
        return False
    if _REGISTRATION.search(label):
        return True
    # Many fee heads end in "-ation" too; a garbled "registration" still starts with r.
    candidates = [w for w in words if w.startswith("r")]
    return any(_like(w, "registration", ratio=0.6) for w in candidates)


def registration_fee(rows: list[TableRow]) -> float | None:
    """The amount of the registration-fee row, else one implied by the total and the others."""
    named = [r for r in rows if is_registration_label(r.label)]
    if not named:
        return None
    row = named[0]
    implied = _implied_fee(rows, row)
    if row.amount is None:
        # The fee's own amount was unreadable: the total minus every other fee gives it.
        return implied
    if implied is not None and not _REGISTRATION.search(row.label):
        # A label read only loosely was under a seal or a fold; its amount likely was too.
        return implied
    return row.amount


def _implied_fee(rows: list[TableRow], fee_row: TableRow) -> float | None:
    totals = [r for r in rows if _TOTAL.search(r.label) and r.amount is not None]
    if not totals:
        return None
    others = [r for r in rows if r.amount is not None and r not in totals and r is not fee_row]
    implied = totals[-1].amount - sum(r.amount for r in others)  # type: ignore[operator]
    return implied if implied > 0 else None


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


def prepare_crop(image: np.ndarray) -> Image.Image:
    """Grey, seal tints dropped, straightened, rules removed, enlarged when small."""
    if image.ndim == 3:
        # Seal ink is coloured, text is dark: the brightest channel keeps text, drops tints.
        gray = np.asarray(image, dtype=np.uint8).max(axis=2)
    else:
        gray = image
    # Grey scans of tinted paper leave text at 100 on 200: stretch before judging ink.
    pil = ImageOps.autocontrast(Image.fromarray(gray).filter(ImageFilter.MedianFilter(3)), cutoff=1)
    angle = deskew_angle(np.asarray(pil))
    if angle:
        pil = pil.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    gray = clean_crop(np.asarray(pil))
    pil = Image.fromarray(gray)
    if pil.height < 240:  # small tables read better enlarged
        pil = pil.resize((pil.width * 2, pil.height * 2), Image.Resampling.LANCZOS)
    return _pad(pil, 20)


# Tesseract settings tried in turn until a registration fee comes out: uniform block
# first, then column-aware reading of the same crop, enlarged.
PASSES = (("--psm 6", 1.0), ("--psm 4", 1.5))


def adds_up(rows: list[TableRow]) -> bool:
    """True when the table has a total and every other amount sums to it: a clean read."""
    totals = [r for r in rows if _TOTAL.search(r.label) and r.amount is not None]
    others = [r for r in rows if r.amount is not None and r not in totals]
    return bool(totals and others) and abs(sum(r.amount for r in others) - totals[-1].amount) < 1  # type: ignore[operator, misc]


def read_table(
    image: np.ndarray, *, lang: str = "eng", passes: int = len(PASSES)
) -> list[TableRow]:
    """OCR a table crop (H, W, 3 RGB or grey uint8) into rows, top to bottom.

    Stops at the first pass whose rows add up to their total; else returns the first
    pass that named a registration fee.
    """
    prepared = prepare_crop(image)
    readings: list[list[TableRow]] = []
    for config, zoom in PASSES[:passes]:
        crop = prepared
        if zoom != 1.0:
            crop = prepared.resize(
                (round(prepared.width * zoom), round(prepared.height * zoom)),
                Image.Resampling.LANCZOS,
            )
        text = pytesseract.image_to_string(crop, lang=lang, config=config)
        rows = [split_row(line) for line in text.splitlines() if line.strip()]
        if registration_fee(rows) is not None and adds_up(rows):
            return rows
        readings.append(rows)
    return next((r for r in readings if registration_fee(r) is not None), readings[0])


def _pad(image: Image.Image, pad: int) -> Image.Image:
    canvas = Image.new("L", (image.width + 2 * pad, image.height + 2 * pad), 255)
    canvas.paste(image, (pad, pad))
    return canvas
