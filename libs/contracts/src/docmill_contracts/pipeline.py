"""Live configuration kept in KV `pipeline` and batch run state in KV `batches`."""

from __future__ import annotations

from typing import Literal

import msgspec
from msgspec import Struct

from docmill_contracts import SCHEMA_VERSION


class PipelineConfig(Struct, frozen=True, kw_only=True):
    """What every worker watches; changing it resizes concurrency without restart."""

    v: int = SCHEMA_VERSION
    ocr_workers: int = 2
    llm_workers: int = 4
    vision_workers: int = 1
    export_workers: int = 1
    stage2_queue_size: int = 1
    enable_ocr_multiprocessing: bool = True
    ocr_page_workers: int = 1
    max_workers: int = 2
    pipeline_mode: bool = True
    # None = per-page auto (text layer where usable, OCR elsewhere).
    use_embedded_ocr: bool | None = None
    tesseract_lang: str = "eng+kan"
    poppler_dpi: int = 300
    llm_backend: str = "rules"
    vision_auto: bool = False
    vision_reader: str = "tesseract"  # how the fee table is read: tesseract | gemini

    def concurrency(self, stage: str) -> int:
        """Handlers one replica of `stage` may run at once."""
        return {
            "ocr": self.ocr_workers,
            "extract": self.llm_workers,
            "vision": self.vision_workers,
            "export": self.export_workers,
        }[stage]


BatchRunState = Literal["running", "stopped", "paused", "cancelled", "completed"]


class BatchState(Struct, frozen=True, kw_only=True):
    v: int = SCHEMA_VERSION
    state: BatchRunState


pipeline_decoder = msgspec.json.Decoder(PipelineConfig)
batch_state_decoder = msgspec.json.Decoder(BatchState)
