"""Tesseract in the pool process (libtesseract) against the tesseract command."""

from __future__ import annotations

import ctypes

import pymupdf
import pytest

from docmill_ocr import engine
from docmill_ocr.errors import OcrEngineError, PageError
from docmill_ocr.recognise import recognise

from .support import scanned_pdf

WORDS = ["REGISTRATION", "FEE", "PAID", "RUPEES", "TWELVE", "THOUSAND", "JAYANAGAR"]


@pytest.fixture
def page_image(tmp_path) -> str:
    """A scanned page as a grey PGM file, the way the OCR service hands renders over."""
    doc = pymupdf.open(stream=scanned_pdf([" ".join(WORDS)]))
    path = tmp_path / "page.pgm"
    path.write_bytes(doc[0].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("pgm"))
    return str(path)


@pytest.fixture
def use_library():
    """Restore the default (find libtesseract) after a test that changes it."""
    yield
    engine.configure("")


def _read(image: str, *, lang: str = "eng", timeout: float = 60.0) -> list:
    return recognise(image, lang=lang, dpi=200, psm=6, timeout=timeout, number=1, limit=timeout)


def test_pool_processes_use_libtesseract(use_library):
    engine.configure("")
    assert (engine.engine_name() or "").startswith("libtesseract 5.")


def test_library_and_command_read_the_same_words(page_image, use_library):
    engine.configure("")
    from_library = _read(page_image)
    engine.configure(engine.NO_LIBRARY)
    assert engine.engine_name() == "tesseract command"
    from_command = _read(page_image)

    assert from_library == from_command
    assert {w.text for w in from_library} >= set(WORDS)


def test_engines_are_kept_per_language(page_image, use_library):
    engine.configure("")
    _read(page_image, lang="eng")
    _read(page_image, lang="eng+kan")
    first = dict(engine._engines)  # noqa: SLF001
    _read(page_image, lang="eng")
    assert set(first) == {"eng", "eng+kan"}
    assert engine._engines == first  # noqa: SLF001 - reused, not loaded again


def test_missing_language_data_is_an_engine_error(page_image, use_library):
    engine.configure("")
    with pytest.raises(OcrEngineError, match="language data missing for 'xyz'"):
        _read(page_image, lang="xyz")


def test_page_past_its_deadline_is_a_page_error(page_image, use_library):
    engine.configure("")
    with pytest.raises(PageError, match="page 1 took longer than 0.001 s"):
        _read(page_image, timeout=0.001)


def test_undecodable_image_is_a_page_error(tmp_path, use_library):
    engine.configure("")
    bad = tmp_path / "bad.pgm"
    bad.write_bytes(b"P5\n10 10\n255\n")  # header only: no pixels
    with pytest.raises(PageError):
        _read(str(bad))


def test_colour_jpeg_scan_is_decoded_as_grey_and_read(tmp_path, use_library):
    engine.configure("")
    doc = pymupdf.open(stream=scanned_pdf([" ".join(WORDS)]))
    path = tmp_path / "page.jpg"
    path.write_bytes(doc[0].get_pixmap(dpi=200, colorspace=pymupdf.csRGB).tobytes("jpeg"))
    lib = engine._load()  # noqa: SLF001
    assert lib is not None
    lib.lept.pixGetDepth.restype = ctypes.c_int
    lib.lept.pixGetDepth.argtypes = [ctypes.c_void_p]
    pix = engine._read_pix(lib, str(path))  # noqa: SLF001
    try:
        assert lib.lept.pixGetDepth(pix) == 8  # luminance only, not 32-bit RGB
    finally:
        lib.lept.pixDestroy(ctypes.byref(pix))
    assert {w.text for w in _read(str(path))} >= set(WORDS)
