"""OCR worker settings from the environment (DOCMILL_OCR_*)."""

from __future__ import annotations

from dataclasses import dataclass

from docmill_runtime.settings import WorkerSettings, env_float, env_int, env_str


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Per-page safety limits; passed to the pool processes, so kept picklable."""

    page_timeout_s: float = 120.0
    max_render_pixels: int = 60_000_000  # about A0 at 200 DPI, 60 MB as grey
    max_image_pixels: int = 400_000_000  # a declared embedded image above this is a bomb
    min_render_dpi: int = 70  # below this OCR is pointless: the page is just too big


@dataclass(frozen=True, kw_only=True)
class OcrSettings:
    worker: WorkerSettings
    limits: Limits
    max_pages: int
    max_bytes: int
    heartbeat_s: float
    tmp_dir: str | None
    psm: int = 6  # one uniform block: keeps a table row's label and value on one line
    fast_dpi: int = 200
    # libtesseract to load in the pool ("" finds it; "none", the default, runs the
    # tesseract command: the in-process engine can lose a page-timeout failure report).
    tesseract_lib: str = "none"
    # Documents fetched beyond `ocr_workers`: each is downloaded and opened while the
    # others' pages run, so a pool process starts the next page the moment it is free.
    prefetch: int = 1

    @classmethod
    def from_env(cls) -> OcrSettings:
        """Build from NATS_URL and DOCMILL_* variables."""
        return cls(
            worker=WorkerSettings.from_env("ocr"),
            limits=Limits(
                page_timeout_s=env_float("DOCMILL_OCR_PAGE_TIMEOUT_S", 120.0),
                max_render_pixels=env_int("DOCMILL_OCR_MAX_RENDER_PIXELS", 60_000_000),
                max_image_pixels=env_int("DOCMILL_OCR_MAX_IMAGE_PIXELS", 400_000_000),
            ),
            max_pages=env_int("DOCMILL_OCR_MAX_PAGES", 500),
            max_bytes=env_int("DOCMILL_OCR_MAX_BYTES", 256 * 1024 * 1024),
            heartbeat_s=env_float("DOCMILL_OCR_HEARTBEAT_S", 10.0),
            tmp_dir=env_str("DOCMILL_OCR_TMP_DIR", "") or None,
            psm=env_int("DOCMILL_OCR_PSM", 6),
            fast_dpi=env_int("DOCMILL_OCR_FAST_DPI", 200),
            tesseract_lib=env_str("DOCMILL_OCR_TESSERACT_LIB", "none"),
            prefetch=max(0, env_int("DOCMILL_OCR_PREFETCH", 1)),
        )
