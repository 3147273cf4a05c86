"""What the vision worker reports about its detector, for /api/system/info.

Stored in KV `pipeline` under `vision_status`: the gateway answers from it
instead of guessing where the model and the GPU are.
"""

from __future__ import annotations

import msgspec
from msgspec import Struct

from docmill_contracts import SCHEMA_VERSION

VISION_STATUS_KEY = "vision_status"


class VisionStatus(Struct, frozen=True, kw_only=True):
    v: int = SCHEMA_VERSION
    model_loaded: bool = False
    model_path: str | None = None
    backend: str = "onnxruntime"  # "onnxruntime" | "triton"
    providers: list[str] = msgspec.field(default_factory=list)
    cuda_available: bool = False
    cuda_device_count: int = 0
    updated_at: float = 0.0  # unix time


vision_status_decoder = msgspec.json.Decoder(VisionStatus)
