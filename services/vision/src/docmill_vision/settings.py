"""Vision worker settings from env: DOCMILL_VISION_*, DOCMILL_YOLO_*, DOCMILL_TRITON_*, LLM keys."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from docmill_llm.settings import LlmSettings
from docmill_runtime.settings import WorkerSettings, env_float, env_int, env_str
from docmill_vision.detector import DetectorConfig


@dataclass(frozen=True, kw_only=True)
class VisionSettings:
    worker: WorkerSettings
    detector: DetectorConfig
    dpi: int = 200  # the detector was trained on pages of this scale; OCR reads it well
    lang: str = "eng"
    max_pages: int = 4  # pages looked at per document
    pool_size: int = 2
    page_timeout_s: float = 90.0
    heartbeat_s: float = 10.0
    max_bytes: int = 256 * 1024 * 1024
    tmp_dir: str | None = None
    llm: LlmSettings = field(default_factory=LlmSettings)  # the `gemini` reader's client

    @classmethod
    def from_env(cls) -> VisionSettings:
        """Build from NATS_URL and DOCMILL_* variables."""
        return cls(
            worker=WorkerSettings.from_env("vision"),
            detector=DetectorConfig.from_env(),
            dpi=env_int("DOCMILL_VISION_DPI", 200),
            lang=env_str("DOCMILL_VISION_LANG", "eng"),
            max_pages=env_int("DOCMILL_VISION_MAX_PAGES", 4),
            pool_size=env_int("DOCMILL_VISION_PROCESSES", min(2, os.cpu_count() or 1)),
            page_timeout_s=env_float("DOCMILL_VISION_PAGE_TIMEOUT_S", 90.0),
            heartbeat_s=env_float("DOCMILL_VISION_HEARTBEAT_S", 10.0),
            max_bytes=env_int("DOCMILL_VISION_MAX_BYTES", 256 * 1024 * 1024),
            tmp_dir=env_str("DOCMILL_VISION_TMP_DIR", "") or None,
            llm=LlmSettings.from_env(),
        )
