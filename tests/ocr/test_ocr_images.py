"""Which image a scanned PDF page hands to Tesseract: its own JPEG, or a render."""

from __future__ import annotations

import pymupdf
import pytest

from docmill_ocr.images import pdf_page_image
from docmill_ocr.settings import Limits

A4 = pymupdf.paper_rect("a4")


def _jpeg(*, dpi: int, grey: bool = True) -> bytes:
    """A page-sized scan as JPEG bytes, `dpi` pixels per inch over A4."""
    src = pymupdf.open()
    page = src.new_page(width=A4.width, height=A4.height)
    page.insert_textbox(pymupdf.Rect(50, 50, 550, 800), "Sale deed scan " * 20, fontsize=14)
    colorspace = pymupdf.csGRAY if grey else pymupdf.csRGB
    return page.get_pixmap(dpi=dpi, colorspace=colorspace).tobytes("jpeg")


def _origin(doc: pymupdf.Document, *, dpi: int = 300) -> tuple[str, int, str]:
    page = doc[0]
    with pdf_page_image(doc, page, dpi=dpi, preprocess=False, limits=Limits(), number=1) as image:
        with open(image.path, "rb") as fh:
            head = fh.read(3)
    kind = "jpeg" if head == b"\xff\xd8\xff" else "pgm" if head[:2] == b"P5" else repr(head)
    return image.origin, image.dpi, kind


@pytest.mark.parametrize("grey", [True, False])
def test_full_page_jpeg_scan_is_handed_over_as_is(grey):
    doc = pymupdf.open()
    doc.new_page(width=A4.width, height=A4.height).insert_image(
        A4, stream=_jpeg(dpi=200, grey=grey)
    )
    assert _origin(doc) == ("embedded", 200, "jpeg")


def test_scan_far_above_the_wanted_dpi_is_rendered_down():
    doc = pymupdf.open()
    doc.new_page(width=A4.width, height=A4.height).insert_image(A4, stream=_jpeg(dpi=300))
    assert _origin(doc, dpi=150) == ("render", 150, "pgm")


def test_rotated_placement_is_rendered():
    doc = pymupdf.open()
    page = doc.new_page(width=A4.height, height=A4.width)
    page.insert_image(page.rect, stream=_jpeg(dpi=200), rotate=90)
    assert _origin(doc)[0] == "render"


def test_scan_covering_part_of_the_page_is_rendered():
    doc = pymupdf.open()
    page = doc.new_page(width=A4.width, height=A4.height)
    page.insert_image(pymupdf.Rect(0, 0, A4.width / 2, A4.height / 2), stream=_jpeg(dpi=200))
    assert _origin(doc)[0] == "render"


def test_text_drawn_over_the_scan_makes_it_a_render():
    doc = pymupdf.open()
    page = doc.new_page(width=A4.width, height=A4.height)
    page.insert_image(A4, stream=_jpeg(dpi=200))
    page.insert_text((72, 72), "APPROVED " * 40, fontsize=9)
    assert _origin(doc)[0] == "render"


def test_same_scan_drawn_twice_is_rendered():
    doc = pymupdf.open()
    page = doc.new_page(width=A4.width, height=A4.height)
    xref = page.insert_image(A4, stream=_jpeg(dpi=200))
    page.insert_image(pymupdf.Rect(0, 0, 100, 100), xref=xref)
    assert _origin(doc)[0] == "render"
