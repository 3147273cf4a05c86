"""Tesseract inside the pool process: libtesseract's C API, one loaded engine per language.

Starting the `tesseract` command costs ~0.1 s of CPU a page, loading its models, out
of ~1 s in all. A pool process keeps each language's engine loaded instead; its TSV
is the command's, line for line (the command adds a header). Where libtesseract
cannot be loaded, the command runs as before (pytesseract).

Runs in the OCR pool processes only: the library is loaded on first use, after the
pool initializer has set OMP_THREAD_LIMIT (libgomp reads it when it loads).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import time

import pytesseract

from docmill_ocr.errors import OcrEngineError, PageError

_P = ctypes.c_void_p
_JPEG_MAGIC = b"\xff\xd8\xff"
_LEPT_WARNING = 4  # leptonica's L_SEVERITY_WARNING
_JPEG_READ_LUMINANCE = 1  # leptonica's L_JPEG_READ_LUMINANCE


class _Library:
    """libtesseract and leptonica with the few C functions we call, typed."""

    def __init__(self, tesseract: str, leptonica: str) -> None:
        t = self.tess = ctypes.CDLL(tesseract)
        lept = self.lept = ctypes.CDLL(leptonica)
        for name, restype, argtypes in (
            ("TessVersion", ctypes.c_char_p, []),
            ("TessBaseAPICreate", _P, []),
            ("TessBaseAPIDelete", None, [_P]),
            ("TessBaseAPIInit3", ctypes.c_int, [_P, ctypes.c_char_p, ctypes.c_char_p]),
            ("TessBaseAPIEnd", None, [_P]),
            ("TessBaseAPISetVariable", ctypes.c_int, [_P, ctypes.c_char_p, ctypes.c_char_p]),
            ("TessBaseAPISetPageSegMode", None, [_P, ctypes.c_int]),
            ("TessBaseAPISetImage2", None, [_P, _P]),
            ("TessBaseAPIRecognize", ctypes.c_int, [_P, _P]),
            ("TessBaseAPIGetTsvText", _P, [_P, ctypes.c_int]),
            ("TessBaseAPIClear", None, [_P]),
            ("TessDeleteText", None, [_P]),
            ("TessMonitorCreate", _P, []),
            ("TessMonitorDelete", None, [_P]),
            ("TessMonitorSetDeadlineMSecs", None, [_P, ctypes.c_int]),
        ):
            fn = getattr(t, name)
            fn.restype, fn.argtypes = restype, argtypes
        lept.pixRead.restype, lept.pixRead.argtypes = _P, [ctypes.c_char_p]
        lept.pixReadJpeg.restype = _P
        lept.pixReadJpeg.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_int, _P, ctypes.c_int]
        lept.setMsgSeverity.restype, lept.setMsgSeverity.argtypes = ctypes.c_int, [ctypes.c_int]
        lept.setMsgSeverity(_LEPT_WARNING)  # not an info line on every luminance read
        lept.pixDestroy.restype, lept.pixDestroy.argtypes = None, [ctypes.POINTER(_P)]


# Per process: the library (None when only the command is there) and one engine per `-l`.
# "" finds libtesseract, NO_LIBRARY means the command only, anything else is where it is.
NO_LIBRARY = "none"
_library_path = ""
_library: _Library | None = None
_loaded = False
_engines: dict[str, int] = {}


def configure(library: str) -> None:
    """Use libtesseract from `library` (path or soname; "" finds it, "none": the command)."""
    global _library_path, _loaded
    _library_path = library
    _loaded = False


def engine_name() -> str | None:
    """ "libtesseract <version>", "tesseract command", or None when neither is here."""
    lib = _load()
    if lib is not None:
        return f"libtesseract {lib.tess.TessVersion().decode()}"
    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError):
        return None
    return "tesseract command"


def read_tsv(
    image: str, *, lang: str, dpi: int, psm: int, timeout: float, number: int, limit: float
) -> str:
    """Tesseract's TSV for the image file (no header line)."""
    lib = _load()
    if lib is None:
        return _command_tsv(
            image, lang=lang, dpi=dpi, psm=psm, timeout=timeout, number=number, limit=limit
        )
    api = _engine(lib, lang)
    pix = _read_pix(lib, image)
    if not pix:
        raise PageError(f"page {number} image cannot be decoded")
    monitor = lib.tess.TessMonitorCreate()
    started = time.monotonic()
    try:
        lib.tess.TessBaseAPISetPageSegMode(api, psm)
        lib.tess.TessBaseAPISetVariable(api, b"user_defined_dpi", str(dpi).encode())
        lib.tess.TessBaseAPISetImage2(api, pix)
        # Tesseract checks the deadline between words and gives up cleanly; layout
        # analysis before that is bounded by the pool's own, harder limit.
        lib.tess.TessMonitorSetDeadlineMSecs(monitor, max(1, int(timeout * 1000)))
        if lib.tess.TessBaseAPIRecognize(api, monitor) != 0:
            if time.monotonic() - started >= timeout:
                raise PageError(f"page {number} took longer than {limit:g} s")
            raise PageError(f"Tesseract failed on page {number}")
        text = lib.tess.TessBaseAPIGetTsvText(api, 0)
        try:
            return ctypes.string_at(text).decode("utf-8", errors="replace") if text else ""
        finally:
            lib.tess.TessDeleteText(text)
    finally:
        lib.tess.TessBaseAPIClear(api)
        lib.tess.TessMonitorDelete(monitor)
        lib.lept.pixDestroy(ctypes.byref(pix))


def _read_pix(lib: _Library, image: str) -> ctypes.c_void_p:
    with open(image, "rb") as fh:
        is_jpeg = fh.read(3) == _JPEG_MAGIC
    if is_jpeg:
        # Tesseract reads grey: decoding only the luminance of a colour scan skips the
        # chroma and the conversion (~7% of a page's CPU, same or better accuracy).
        pix = _P(lib.lept.pixReadJpeg(image.encode(), 0, 1, None, _JPEG_READ_LUMINANCE))
        if pix:
            return pix
    return _P(lib.lept.pixRead(image.encode()))


def _load() -> _Library | None:
    global _library, _loaded
    if _loaded:
        return _library
    _loaded, _library = True, None
    if _library_path == NO_LIBRARY:
        return None
    tesseract = _library_path or ctypes.util.find_library("tesseract") or "libtesseract.so.5"
    leptonica = ctypes.util.find_library("lept") or "liblept.so.5"
    try:
        _library = _Library(tesseract, leptonica)
    except (OSError, AttributeError):
        return None  # not installed, or too old for this API: the command it is
    atexit.register(_end_all)
    return _library


def _engine(lib: _Library, lang: str) -> int:
    api = _engines.get(lang)
    if api is not None:
        return api
    api = lib.tess.TessBaseAPICreate()
    if lib.tess.TessBaseAPIInit3(api, None, lang.encode()) != 0:
        lib.tess.TessBaseAPIDelete(api)
        raise OcrEngineError(f"Tesseract language data missing for {lang!r}")
    _engines[lang] = api
    return api


def _end_all() -> None:
    # Ending each engine before exit frees its models quietly (else Tesseract reports leaks).
    if _library is None:
        return
    for api in _engines.values():
        _library.tess.TessBaseAPIEnd(api)
        _library.tess.TessBaseAPIDelete(api)
    _engines.clear()


def _command_tsv(
    image: str, *, lang: str, dpi: int, psm: int, timeout: float, number: int, limit: float
) -> str:
    try:
        # pytesseract's own timeout kills the tesseract child; the pool's would orphan it.
        tsv = pytesseract.image_to_data(
            image, lang=lang, config=f"--dpi {dpi} --psm {psm}", timeout=max(timeout, 0.05)
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
    return tsv.split("\n", 1)[1] if tsv.startswith("level") else tsv
