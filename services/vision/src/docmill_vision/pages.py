"""Work done in pool processes: choose pages, render one, detect its tables, read them."""

from __future__ import annotations

import io
import os
import re
import time
from dataclasses import dataclass, field

import numpy as np
import pymupdf
from PIL import Image

from docmill_vision.clues import NO_CLUES, FeeClues
from docmill_vision.detector import Detection, Detector, DetectorConfig
from docmill_vision.tableocr import read_table
from docmill_vision.tablerows import TableRow

_FEE_WORDS = re.compile(r"registration\s+fee|fees?\s+paid|endorse|sub[-\s]?registrar|fee", re.I)
_DETECTOR: Detector | None = None
MAX_WEAK_BOXES = 4  # low-confidence candidates read when no confident box gave a fee


def init_process(config: DetectorConfig) -> None:
    """Pool initializer: one Tesseract thread per process, and the detector loaded once."""
    # Unset, Tesseract's OpenMP threads oversubscribe the cores (6-7x slower here).
    os.environ["OMP_THREAD_LIMIT"] = "1"
    global _DETECTOR
    _DETECTOR = Detector(config)


def _detector() -> Detector:
    if _DETECTOR is None:
        raise RuntimeError("init_process was not run in this process")
    return _DETECTOR


def choose_pages(path: str, *, candidates: list[int], max_pages: int) -> tuple[list[int], int]:
    """Pages to look at, most likely first, and the page count.

    The extractor's `candidates` win; else pages whose text mentions fees or the
    endorsement, plus pages that are only an image; else the last two pages.
    """
    with pymupdf.open(path) as doc:
        count = doc.page_count
        chosen = [p for p in dict.fromkeys(candidates) if 1 <= p <= count]
        if not chosen:
            for number in range(count, 0, -1):  # endorsements sit at the end
                page = doc[number - 1]
                text = page.get_text()
                image_only = len(text.strip()) < 40 and bool(page.get_images())
                if image_only or _FEE_WORDS.search(text):
                    chosen.append(number)
        if not chosen:
            chosen = list(range(count, max(0, count - 2), -1))
    return chosen[:max_pages], count


def render_page(path: str, number: int, *, dpi: int) -> np.ndarray:
    """Render 1-based page `number` as an RGB array."""
    with pymupdf.open(path) as doc:
        pix = doc[number - 1].get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
        return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3).copy()


@dataclass(frozen=True, slots=True)
class TableReading:
    box: tuple[float, float, float, float]  # page pixels at the render DPI
    score: float
    rows: list[TableRow]
    fee: float | None


@dataclass(frozen=True, slots=True)
class PageReading:
    page: int
    tables: list[TableReading] = field(default_factory=list)
    detect_s: float = 0.0
    ocr_s: float = 0.0

    @property
    def fee(self) -> TableReading | None:
        """The most confident table that gave a registration fee."""
        found = [t for t in self.tables if t.fee is not None]
        return max(found, key=lambda t: t.score) if found else None


@dataclass(frozen=True, slots=True)
class TableCrop:
    box: tuple[float, float, float, float]  # page pixels at the render DPI
    score: float
    png: bytes  # the crop with its margin, for readers outside the pool


def _cut(image: np.ndarray, box: tuple[float, float, float, float], *, pad: float) -> np.ndarray:
    """`box` with a margin of `pad` times its size (plus a few pixels) on every side."""
    height, width = image.shape[:2]
    x0, y0, x1, y1 = box
    mx, my = (x1 - x0) * pad + 4, (y1 - y0) * pad + 4
    return image[
        max(0, int(y0 - my)) : min(height, int(y1 + my)),
        max(0, int(x0 - mx)) : min(width, int(x1 + mx)),
    ]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Intersection over union of two boxes."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _detect_crops(
    image: np.ndarray, *, pad: float, fallback_conf: float
) -> list[tuple[Detection, np.ndarray]]:
    """The page's fee tables, best first, each with its crop (a margin around the box)."""
    detector = _detector()
    detections = detector.detect_tables(image)
    if not detections and fallback_conf:
        # A table in a style the model has not seen scores low; the reader still has to
        # find a registration row in it, so a weak candidate costs only time.
        detections = detector.detect_tables(image, conf=fallback_conf)[:1]
    # The model's box can clip the outer rule or a row; a little margin costs nothing.
    return [(det, _cut(image, det.box, pad=pad)) for det in detections[:3]]


def read_page(
    path: str,
    number: int,
    *,
    dpi: int,
    lang: str,
    pad: float = 0.06,
    wide_pad: float = 0.35,
    fallback_conf: float = 0.02,
    clues: FeeClues = NO_CLUES,
) -> PageReading:
    """Render page `number`, detect fee tables, OCR each crop; runs in a pool process.

    When no crop gives a fee, the best box is read again with a wide margin: a box the
    model clipped (a style it never saw) loses the label or the amount column. `clues`
    are what the document's text says about the fee.
    """
    image = render_page(path, number, dpi=dpi)
    started = time.perf_counter()
    crops = _detect_crops(image, pad=pad, fallback_conf=fallback_conf)
    detect_s = time.perf_counter() - started
    tables = []
    for det, crop in crops:
        read = read_table(crop, lang=lang, clues=clues)
        tables.append(TableReading(box=det.box, score=det.score, rows=read.rows, fee=read.fee))
    if crops and all(t.fee is None for t in tables):
        det = crops[0][0]
        read = read_table(_cut(image, det.box, pad=wide_pad), lang=lang, clues=clues)
        if read.fee is not None:
            tables.insert(
                0, TableReading(box=det.box, score=det.score, rows=read.rows, fee=read.fee)
            )
    if all(t.fee is None for t in tables) and fallback_conf:
        # The confident box can be a signature or a photo block while the table, in a
        # style the model never saw, scores low: read the next few weak candidates.
        tried = [det.box for det, _ in crops]
        for det in _detector().detect_tables(image, conf=fallback_conf)[:MAX_WEAK_BOXES]:
            if any(_overlap(det.box, box) > 0.5 for box in tried):
                continue
            tried.append(det.box)
            read = read_table(
                _cut(image, det.box, pad=pad), lang=lang, fee_table_only=True, clues=clues
            )
            tables.append(TableReading(box=det.box, score=det.score, rows=read.rows, fee=read.fee))
            if read.fee is not None:
                break
    return PageReading(
        page=number,
        tables=tables,
        detect_s=detect_s,
        ocr_s=time.perf_counter() - started - detect_s,
    )


def crop_tables(
    path: str, number: int, *, dpi: int, pad: float = 0.06, fallback_conf: float = 0.02
) -> tuple[list[TableCrop], float]:
    """Render page `number` and cut out its fee tables as PNGs; and the detection seconds."""
    image = render_page(path, number, dpi=dpi)
    started = time.perf_counter()
    crops = _detect_crops(image, pad=pad, fallback_conf=fallback_conf)
    detect_s = time.perf_counter() - started
    out = []
    for det, crop in crops:
        buffer = io.BytesIO()
        Image.fromarray(crop).save(buffer, format="PNG")
        out.append(TableCrop(box=det.box, score=det.score, png=buffer.getvalue()))
    return out, detect_s
