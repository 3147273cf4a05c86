"""Reading page text in a pool process: the text layer, or Tesseract on a render.

Functions here run in the OCR pool processes, never on the event loop.
"""

from __future__ import annotations

import math
import os
import tempfile
import time

import pymupdf
import pytesseract

from docmill_ocr.errors import OcrEngineError, PageError
from docmill_ocr.pdf import load_page, open_pdf
from docmill_ocr.settings import Limits
from docmill_ocr.textquality import is_usable_text

# RAM-backed scratch space for the PGM handed to Tesseract, when the machine has it.
_SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def read_text_layers(path: str, first: int, last: int) -> list[tuple[str, bool]]:
    """Text layer of pages first..last-1 (0-based) with whether each looks usable."""
    doc = open_pdf(path)
    out: list[tuple[str, bool]] = []
    for index in range(first, last):
        page = load_page(doc, index)
        try:
            text = page.get_text()
        except Exception as err:  # noqa: BLE001
            raise PageError(f"page {index + 1} is damaged and cannot be read ({err})") from None
        out.append((text, is_usable_text(text)))
    return out


def ocr_page(path: str, index: int, *, dpi: int, lang: str, limits: Limits) -> str:
    """Render page `index` (0-based) grey at up to `dpi` and read it with Tesseract."""
    started = time.monotonic()
    number = index + 1
    doc = open_pdf(path)
    page = load_page(doc, index)
    _refuse_image_bombs(page, number=number, limits=limits)
    rect = page.rect
    area_in2 = (rect.width / 72) * (rect.height / 72)
    # Cap the render's pixels by lowering the resolution instead of allocating gigabytes.
    render_dpi = min(dpi, int(math.sqrt(limits.max_render_pixels / max(area_in2, 1e-6))))
    if render_dpi < limits.min_render_dpi:
        raise PageError(
            f"page {number} is too large to OCR ({rect.width / 72:.0f} x {rect.height / 72:.0f} in)"
        )
    pix = page.get_pixmap(dpi=render_dpi, colorspace=pymupdf.csGRAY, alpha=False)
    # PGM costs ~65 ms at 300 DPI where PNG costs ~316 ms; Tesseract reads both.
    with tempfile.NamedTemporaryFile(suffix=".pgm", dir=_SCRATCH) as image:
        image.write(pix.tobytes("pgm"))
        image.flush()
        del pix
        remaining = limits.page_timeout_s - (time.monotonic() - started)
        if remaining <= 0:
            raise PageError(f"page {number} took longer than {limits.page_timeout_s:g} s")
        return _tesseract(
            image.name,
            lang=lang,
            dpi=render_dpi,
            timeout=remaining,
            number=number,
            limit=limits.page_timeout_s,
        )


def _tesseract(path: str, *, lang: str, dpi: int, timeout: float, number: int, limit: float) -> str:
    try:
        # pytesseract's own timeout kills the tesseract child; the pool's would orphan it.
        return pytesseract.image_to_string(
            path, lang=lang, config=f"--dpi {dpi}", timeout=max(timeout, 0.05)
        )
    except pytesseract.TesseractNotFoundError:
        raise OcrEngineError(
            "Tesseract is not installed on this OCR worker (install tesseract-ocr)"
        ) from None
    except pytesseract.TesseractError as err:
        if "Failed loading language" in str(err) or "Error opening data file" in str(err):
            raise OcrEngineError(f"Tesseract language data missing for {lang!r}") from None
        raise PageError(f"Tesseract failed on page {number}: {err}") from None
    except RuntimeError as err:
        if "timeout" in str(err).lower():
            raise PageError(f"page {number} took longer than {limit:g} s") from None
        raise


def _refuse_image_bombs(page: pymupdf.Page, *, number: int, limits: Limits) -> None:
    for item in page.get_images(full=True):
        width, height = int(item[2]), int(item[3])
        if width * height > limits.max_image_pixels:
            raise PageError(f"page {number} holds an oversized image ({width} x {height} pixels)")
