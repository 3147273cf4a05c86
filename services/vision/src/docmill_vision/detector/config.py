"""Which detector to build: backend, model file, class names, thresholds (from env)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.resources import files
from typing import Literal

import msgspec

FEE_TABLE_CLASS = "fee_table"


def shipped_model_path() -> str:
    """Path of the fee-table model shipped inside the package."""
    return str(files("docmill_vision") / "models" / "feetable.onnx")


class DetectorConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Everything needed to build a Detector in any process (it pickles cheaply)."""

    backend: Literal["onnxruntime", "triton"] = "onnxruntime"
    model_path: str = msgspec.field(default_factory=shipped_model_path)
    classes: tuple[str, ...] = (FEE_TABLE_CLASS,)
    table_classes: tuple[str, ...] = (FEE_TABLE_CLASS,)  # which classes are fee tables
    conf: float = 0.15  # scores of the shipped model run low; 0.15 keeps recall at 1.0
    iou: float = 0.45
    size: int | None = None  # None: the model's own input size (fixed axes or metadata)
    threads: int = 1
    use_cuda: bool = True
    triton_url: str = "127.0.0.1:8000"
    triton_protocol: Literal["http", "grpc"] = "http"
    triton_model: str = "feetable"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DetectorConfig:
        """Read DOCMILL_VISION_BACKEND, DOCMILL_YOLO_MODEL, DOCMILL_YOLO_CLASSES and friends."""
        env = os.environ if env is None else env
        raw: dict[str, object] = {}
        mapping = {
            "DOCMILL_VISION_BACKEND": "backend",
            "DOCMILL_YOLO_MODEL": "model_path",
            "DOCMILL_YOLO_CONF": "conf",
            "DOCMILL_YOLO_IOU": "iou",
            "DOCMILL_YOLO_SIZE": "size",
            "DOCMILL_YOLO_THREADS": "threads",
            "DOCMILL_YOLO_CUDA": "use_cuda",
            "DOCMILL_TRITON_URL": "triton_url",
            "DOCMILL_TRITON_PROTOCOL": "triton_protocol",
            "DOCMILL_TRITON_MODEL": "triton_model",
        }
        for key, field in mapping.items():
            if env.get(key):
                raw[field] = env[key]
        if env.get("DOCMILL_YOLO_CLASSES"):
            classes = tuple(c.strip() for c in env["DOCMILL_YOLO_CLASSES"].split(",") if c.strip())
            raw["classes"] = classes
            # A user's model may name its table class differently: any class with "table" counts.
            tables = tuple(c for c in classes if "table" in c.lower()) or classes[:1]
            raw["table_classes"] = tables
        if env.get("DOCMILL_YOLO_TABLE_CLASSES"):
            raw["table_classes"] = tuple(
                c.strip() for c in env["DOCMILL_YOLO_TABLE_CLASSES"].split(",") if c.strip()
            )
        return msgspec.convert(raw, cls, strict=False)
