"""Reading page text in a pool process: the text layer, or Tesseract on the page image.

Functions here run in the OCR pool processes, never on the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pymupdf
from PIL import Image, UnidentifiedImageError

from docmill_ocr.errors import BadDocumentError, PageError
from docmill_ocr.images import PageImage, file_page_image, pdf_page_image
from docmill_ocr.language import RETRY_BELOW_CONF, script_language
from docmill_ocr.pdf import load_page, open_pdf
from docmill_ocr.recognise import Recognised, layout, recognise
from docmill_ocr.settings import Limits
from docmill_ocr.textquality import is_usable_text


@dataclass(frozen=True, kw_only=True)
class PagePlan:
    """How to OCR one page; picklable, sent with every page task."""

    dpi: int
    lang: str  # every language the page may be in (Tesseract `-l`)
    guess: str  # what to try first; `lang` again when the first read is unsure
    preprocess: bool
    output_format: str
    psm: int
    limits: Limits


@dataclass(frozen=True, slots=True)
class PageResult:
    text: str
    language: str
    mean_conf: float
    origin: str  # "embedded", "render" or "file"


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


def inspect_image(path: str, *, max_pages: int, limits: Limits) -> int:
    """Frames in a PNG, JPEG or TIFF file, refusing unreadable and oversized ones."""
    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise BadDocumentError("corrupt image (it cannot be decoded)") from None
    if width * height > limits.max_image_pixels:
        raise BadDocumentError(f"oversized image ({width} x {height} pixels)")
    if frames > max_pages:
        raise BadDocumentError(f"image has {frames} pages, over the limit of {max_pages}")
    return frames


def ocr_page(path: str, index: int, *, kind: str, plan: PagePlan) -> PageResult:
    """OCR page `index` (0-based) of a PDF or image file, choosing its language on the way."""
    started = time.monotonic()
    number = index + 1
    with _page_image(path, index, kind=kind, plan=plan, number=number) as image:
        read = _read(image, lang=plan.guess, plan=plan, started=started, number=number)
        language = plan.guess
        if plan.guess != plan.lang and read.mean_conf < RETRY_BELOW_CONF:
            # Unsure in the guessed language: maybe another script. Read with them all.
            retry = _read(image, lang=plan.lang, plan=plan, started=started, number=number)
            if retry.mean_conf > read.mean_conf:
                read, language = retry, plan.lang
        if language == plan.lang and "+" in language:
            language = script_language(read.text, allowed=plan.lang)
    return PageResult(
        text=read.text, language=language, mean_conf=read.mean_conf, origin=image.origin
    )


@contextmanager
def _page_image(
    path: str, index: int, *, kind: str, plan: PagePlan, number: int
) -> Iterator[PageImage]:
    limits = plan.limits
    if kind != "pdf":
        with file_page_image(
            path, index, preprocess=plan.preprocess, limits=limits, number=number
        ) as image:
            yield image
        return
    doc = open_pdf(path)
    page = load_page(doc, index)
    _refuse_image_bombs(page, number=number, limits=limits)
    with pdf_page_image(
        doc, page, dpi=plan.dpi, preprocess=plan.preprocess, limits=limits, number=number
    ) as image:
        yield image


def _read(
    image: PageImage, *, lang: str, plan: PagePlan, started: float, number: int
) -> Recognised:
    limit = plan.limits.page_timeout_s
    remaining = limit - (time.monotonic() - started)
    if remaining <= 0:
        raise PageError(f"page {number} took longer than {limit:g} s")
    words = recognise(
        image.path,
        lang=lang,
        dpi=image.dpi,
        psm=plan.psm,
        timeout=remaining,
        number=number,
        limit=limit,
    )
    return layout(words, output_format=plan.output_format)


def _refuse_image_bombs(page: pymupdf.Page, *, number: int, limits: Limits) -> None:
    for item in page.get_images(full=True):
        width, height = int(item[2]), int(item[3])
        if width * height > limits.max_image_pixels:
            raise PageError(f"page {number} holds an oversized image ({width} x {height} pixels)")
