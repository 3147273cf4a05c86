"""The image Tesseract reads for a page: the scan's own JPEG, a render, or a decoded file.

Runs in the OCR pool processes. Every path avoids PNG encodes (~316 ms a page):
an embedded JPEG goes to Tesseract as is (~8 ms to extract), anything else as PGM.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

from docmill_ocr.errors import PageError
from docmill_ocr.settings import Limits

# RAM-backed scratch space for the image handed to Tesseract, when the machine has it.
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
# A scan covering this share of the page is the page.
FULL_PAGE = 0.9
# "q W 0 0 H X Y cm /Im0 Do Q" and little else: nothing drawn over the scan.
MAX_SCAN_CONTENT_BYTES = 256
# An embedded scan far above the wanted DPI is rendered down instead (Tesseract time grows
# with pixels); below it, rendering cannot add detail, so the scan is used as it is.
MAX_OVERSAMPLE = 1.3
# Deskew search: scanners feed pages up to a few degrees off.
SKEW_RANGE_DEG = 5.0
SKEW_STEP_DEG = 0.25
DEFAULT_FILE_DPI = 300

Image.MAX_IMAGE_PIXELS = None  # we check sizes ourselves and give a reason


@dataclass(frozen=True, slots=True)
class PageImage:
    path: str
    dpi: int
    origin: str  # "embedded", "render" or "file"


@contextmanager
def pdf_page_image(
    doc: pymupdf.Document,
    page: pymupdf.Page,
    *,
    dpi: int,
    preprocess: bool,
    limits: Limits,
    number: int,
) -> Iterator[PageImage]:
    """The page as an image file for Tesseract, deleted on exit."""
    scan = None if preprocess else _embedded_jpeg(doc, page, dpi=dpi, limits=limits)
    if scan is not None:
        data, scan_dpi = scan
        with _scratch(".jpg", data) as path:
            yield PageImage(path=path, dpi=scan_dpi, origin="embedded")
        return
    render_dpi = _capped_dpi(page, dpi=dpi, limits=limits, number=number)
    pix = page.get_pixmap(dpi=render_dpi, colorspace=pymupdf.csGRAY, alpha=False)
    if preprocess:
        grey = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
        data = _pgm(clean_image(Image.fromarray(grey)))
    else:
        # PGM costs ~65 ms at 300 DPI where PNG costs ~316 ms; Tesseract reads both.
        data = pix.tobytes("pgm")
    del pix
    with _scratch(".pgm", data) as path:
        yield PageImage(path=path, dpi=render_dpi, origin="render")


@contextmanager
def file_page_image(
    path: str, index: int, *, preprocess: bool, limits: Limits, number: int
) -> Iterator[PageImage]:
    """Frame `index` of a PNG, JPEG or TIFF file as an image file for Tesseract."""
    with Image.open(path) as image:
        frames = getattr(image, "n_frames", 1)
        image.seek(index)
        width, height = image.size
        if width * height > limits.max_image_pixels or width * height > limits.max_render_pixels:
            raise PageError(f"page {number} is an oversized image ({width} x {height} pixels)")
        if width < 1 or height < 1:
            raise PageError(f"page {number} has zero size")
        dpi = _file_dpi(image.info.get("dpi"))
        if frames == 1 and image.format in ("JPEG", "PNG") and not preprocess:
            # Tesseract decodes these itself: no decode and re-encode here.
            yield PageImage(path=path, dpi=dpi, origin="file")
            return
        grey = image.convert("L")
    data = _pgm(clean_image(grey) if preprocess else grey)
    with _scratch(".pgm", data) as tmp:
        yield PageImage(path=tmp, dpi=dpi, origin="file")


def clean_image(grey: Image.Image) -> Image.Image:
    """high_accuracy preprocessing: despeckle, then straighten a crooked scan."""
    grey = grey.filter(ImageFilter.MedianFilter(3))
    angle = estimate_skew(grey)
    if abs(angle) >= SKEW_STEP_DEG:
        grey = grey.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return grey


def estimate_skew(grey: Image.Image) -> float:
    """Degrees to rotate by so text lines run level (projection-profile search)."""
    small = grey.reduce(4) if min(grey.size) > 800 else grey
    arr = np.asarray(small, dtype=np.uint8)
    ink = Image.fromarray(((arr < _otsu(arr)) * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    steps = int(SKEW_RANGE_DEG / SKEW_STEP_DEG)
    for k in range(-steps, steps + 1):
        angle = k * SKEW_STEP_DEG
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float32)
        profile = rows.sum(axis=1)
        score = float(np.square(np.diff(profile)).sum())  # sharp line edges when level
        if score > best_score:
            best, best_score = angle, score
    return best


def _otsu(arr: np.ndarray) -> int:
    hist = np.bincount(arr.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * np.arange(256))
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def _embedded_jpeg(
    doc: pymupdf.Document, page: pymupdf.Page, *, dpi: int, limits: Limits
) -> tuple[bytes, int] | None:
    """(JPEG bytes, DPI) when the page is one upright full-page JPEG scan and nothing else."""
    images = page.get_images(full=True)
    if len(images) != 1 or page.rotation:
        return None
    xref, _smask, width, height, _bpc, colorspace, _alt, _name, image_filter = images[0][:9]
    if image_filter != "DCTDecode" or width * height > limits.max_render_pixels:
        return None
    if colorspace not in ("DeviceGray", "DeviceRGB", "ICCBased") or images[0][1]:
        return None
    if len(page.read_contents()) > MAX_SCAN_CONTENT_BYTES:
        return None
    # The page shows one image (checked above), so its one draw is this xref. Not
    # get_image_rects(): it decodes and hashes the scan to match xrefs (~75 ms a page).
    draws = page.get_image_info()
    if len(draws) != 1 or (draws[0]["width"], draws[0]["height"]) != (width, height):
        return None
    rect = pymupdf.Rect(draws[0]["bbox"])
    matrix = pymupdf.Matrix(draws[0]["transform"])
    if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
        return None  # rotated or mirrored placement: only a render shows it right
    if rect.get_area() < FULL_PAGE * page.rect.get_area():
        return None
    scan_dpi = round(width / (rect.width / 72))
    if scan_dpi > dpi * MAX_OVERSAMPLE:
        return None
    info = doc.extract_image(xref)
    if info.get("ext") != "jpeg" or info.get("colorspace", 1) not in (1, 3):
        return None
    return info["image"], scan_dpi


def _capped_dpi(page: pymupdf.Page, *, dpi: int, limits: Limits, number: int) -> int:
    rect = page.rect
    area_in2 = (rect.width / 72) * (rect.height / 72)
    # Cap the render's pixels by lowering the resolution instead of allocating gigabytes.
    render_dpi = min(dpi, int(math.sqrt(limits.max_render_pixels / max(area_in2, 1e-6))))
    if render_dpi < limits.min_render_dpi:
        raise PageError(
            f"page {number} is too large to OCR ({rect.width / 72:.0f} x {rect.height / 72:.0f} in)"
        )
    return render_dpi


def _file_dpi(value: object) -> int:
    try:
        dpi = round(float(value[0]))  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return DEFAULT_FILE_DPI
    return dpi if 70 <= dpi <= 1200 else DEFAULT_FILE_DPI


def _pgm(grey: Image.Image) -> bytes:
    header = f"P5\n{grey.width} {grey.height}\n255\n".encode()
    return header + grey.tobytes()


@contextmanager
def _scratch(suffix: str, data: bytes) -> Iterator[str]:
    with tempfile.NamedTemporaryFile(suffix=suffix, dir=SCRATCH) as fh:
        fh.write(data)
        fh.flush()
        yield fh.name
