"""The table detector: letterbox, a backend that runs the YOLO model, decode and NMS."""

from __future__ import annotations

import time

import numpy as np

from docmill_vision.detector.backends import (
    BackendError,
    DetectorBackend,
    OnnxRuntimeBackend,
    TritonBackend,
)
from docmill_vision.detector.boxes import Detection, Letterbox, decode, letterbox, nms
from docmill_vision.detector.config import FEE_TABLE_CLASS, DetectorConfig, shipped_model_path

__all__ = [
    "FEE_TABLE_CLASS",
    "BackendError",
    "Detection",
    "Detector",
    "DetectorBackend",
    "DetectorConfig",
    "Letterbox",
    "build_backend",
    "decode",
    "letterbox",
    "nms",
    "shipped_model_path",
]


def build_backend(config: DetectorConfig) -> DetectorBackend:
    """Open the backend `config` names; raises BackendError when the model is unusable."""
    if config.backend == "triton":
        return TritonBackend(
            config.triton_url, model_name=config.triton_model, protocol=config.triton_protocol
        )
    return OnnxRuntimeBackend(config.model_path, threads=config.threads, use_cuda=config.use_cuda)


def _size_of_local_model(path: str) -> int | None:
    """A remote backend serves the same ONNX file the worker ships: read its size from there."""
    try:
        return OnnxRuntimeBackend(path, use_cuda=False).input_size
    except BackendError:
        return None


class Detector:
    """Finds tables on page images with any backend."""

    def __init__(self, config: DetectorConfig, backend: DetectorBackend | None = None) -> None:
        self.config = config
        self.backend = backend if backend is not None else build_backend(config)
        # Unless configured, the model says what size it was exported for; 640 is YOLO's default.
        self.size = (
            config.size
            or getattr(self.backend, "input_size", None)
            or _size_of_local_model(config.model_path)
            or 640
        )
        self.last_infer_s = 0.0

    def detect(self, image: np.ndarray, *, conf: float | None = None) -> list[Detection]:
        """Return the detections on one RGB or grey page image, in its pixels, best first."""
        tensor, fit = letterbox(image, size=self.size)
        started = time.perf_counter()
        output = self.backend.infer(tensor)
        self.last_infer_s = time.perf_counter() - started
        return decode(
            output,
            fit=fit,
            classes=self.config.classes,
            conf=self.config.conf if conf is None else conf,
            iou=self.config.iou,
        )

    def detect_tables(self, image: np.ndarray, *, conf: float | None = None) -> list[Detection]:
        """Only the detections whose class is a fee table."""
        found = self.detect(image, conf=conf)
        return [d for d in found if d.label in self.config.table_classes]
