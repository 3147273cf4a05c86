"""Opening a PDF safely inside a pool process; every refusal has a human reason.

Functions here run in the OCR pool processes, never on the event loop.
"""

from __future__ import annotations

import os
import re

import pymupdf

from docmill_ocr.engine import configure as configure_engine
from docmill_ocr.errors import BadDocumentError, PageError

PDF_MAGIC = b"%PDF-"
IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
# The PDF header may sit anywhere in the first KiB (some scanners prepend junk).
HEADER_WINDOW = 1024
# Incremental updates end with %%EOF; some writers append a little junk after it.
TAIL_WINDOW = 4096
# PDF's own limit is 200 in; anything bigger is hostile or broken.
MAX_PAGE_SIDE_PT = 14400 * 2
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?|-?\.\d+")

# One open document per process: pages of one document arrive back to back.
_open_doc: tuple[tuple[str, int, int], pymupdf.Document] | None = None


def init_process(tesseract_lib: str = "") -> None:
    """Pool initializer: one Tesseract thread per process, quiet MuPDF."""
    # Measured: OpenMP threads inside Tesseract oversubscribe the cores 6-7x.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    configure_engine(tesseract_lib)
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)


def check_header(head: bytes, *, size: int) -> str:
    """The file's kind ("pdf", "png", "jpeg", "tiff") from its first bytes, or why not."""
    if size == 0:
        raise BadDocumentError("empty file (0 bytes)")
    for magic, kind in IMAGE_MAGIC:
        if head.startswith(magic):
            return kind
    if PDF_MAGIC not in head[:HEADER_WINDOW]:
        raise BadDocumentError(
            "not a PDF (the file does not start with %PDF-) nor a PNG, JPEG or TIFF image"
        )
    return "pdf"


def inspect_pdf(path: str, *, max_pages: int) -> int:
    """Open the PDF, refuse hostile or unreadable ones, return its page count."""
    has_eof = _has_eof_marker(path)
    try:
        doc = open_pdf(path)
    except BadDocumentError:
        raise
    except Exception:  # noqa: BLE001 - MuPDF raises several kinds for bad files
        if not has_eof:
            raise BadDocumentError("truncated PDF (the file ends early; upload it again)") from None
        # MuPDF's message names our temp file, which means nothing to the user.
        raise BadDocumentError("corrupt PDF (MuPDF cannot open it)") from None
    if doc.needs_pass:
        raise BadDocumentError("encrypted PDF (password required)")
    if doc.is_repaired and not has_eof:
        # MuPDF can rebuild a cut-off file, but pages after the cut are silently lost.
        raise BadDocumentError("truncated PDF (the file ends early; upload it again)")
    count = doc.page_count
    if count == 0:
        raise BadDocumentError("PDF has no pages")
    if count > max_pages:
        raise BadDocumentError(f"PDF has {count} pages, over the limit of {max_pages}")
    return count


def open_pdf(path: str) -> pymupdf.Document:
    """The document at `path`, reusing this process's open handle when it is the same file."""
    global _open_doc
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)
    if _open_doc is not None and _open_doc[0] == key:
        return _open_doc[1]
    if _open_doc is not None:
        _open_doc[1].close()
        _open_doc = None
    doc = pymupdf.open(path, filetype="pdf")
    _open_doc = (key, doc)
    return doc


def load_page(doc: pymupdf.Document, index: int) -> pymupdf.Page:
    """Page `index` (0-based), refusing damaged and zero-size pages."""
    number = index + 1
    try:
        page = doc.load_page(index)
    except Exception as err:  # noqa: BLE001
        raise PageError(f"page {number} is damaged and cannot be read ({err})") from None
    width, height = _declared_size(doc, page)
    if width < 1 or height < 1:
        raise PageError(f"page {number} has zero size")
    if width > MAX_PAGE_SIDE_PT or height > MAX_PAGE_SIDE_PT:
        raise PageError(f"page {number} is too large ({width / 72:.0f} x {height / 72:.0f} in)")
    return page


def _declared_size(doc: pymupdf.Document, page: pymupdf.Page) -> tuple[float, float]:
    """The MediaBox as written; MuPDF silently replaces an empty one with Letter size."""
    xref = page.xref
    for _ in range(32):  # MediaBox is inheritable from the page tree
        kind, value = doc.xref_get_key(xref, "MediaBox")
        if kind == "array":
            numbers = [float(n) for n in _NUMBER.findall(value.encode())]
            if len(numbers) == 4:
                return abs(numbers[2] - numbers[0]), abs(numbers[3] - numbers[1])
            return 0.0, 0.0
        kind, parent = doc.xref_get_key(xref, "Parent")
        if kind != "xref":
            break
        xref = int(parent.split()[0])
    rect = page.rect
    return rect.width, rect.height


def _has_eof_marker(path: str) -> bool:
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - TAIL_WINDOW))
        return b"%%EOF" in fh.read()
