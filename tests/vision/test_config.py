"""Detector configuration from the environment: backends, a user's own model and classes."""

from __future__ import annotations

from pathlib import Path

import pytest

from docmill_vision.detector import BackendError, DetectorConfig, build_backend, shipped_model_path

pytestmark = pytest.mark.unit


def test_defaults_use_the_shipped_model_on_onnxruntime() -> None:
    config = DetectorConfig.from_env({})
    assert config.backend == "onnxruntime"
    assert config.model_path == shipped_model_path()
    assert Path(config.model_path).is_file()
    assert config.classes == ("fee_table",) and config.table_classes == ("fee_table",)


def test_a_users_model_and_classes_from_env() -> None:
    config = DetectorConfig.from_env(
        {
            "DOCMILL_YOLO_MODEL": "/models/mine.onnx",
            "DOCMILL_YOLO_CLASSES": "stamp, table ,signature",
            "DOCMILL_YOLO_CONF": "0.4",
            "DOCMILL_VISION_BACKEND": "triton",
            "DOCMILL_TRITON_URL": "triton:8001",
            "DOCMILL_TRITON_PROTOCOL": "grpc",
        }
    )
    assert config.model_path == "/models/mine.onnx"
    assert config.classes == ("stamp", "table", "signature")
    assert config.table_classes == ("table",)
    assert config.conf == 0.4
    assert (config.backend, config.triton_url, config.triton_protocol) == (
        "triton",
        "triton:8001",
        "grpc",
    )


def test_table_classes_can_be_named() -> None:
    config = DetectorConfig.from_env(
        {"DOCMILL_YOLO_CLASSES": "a,b", "DOCMILL_YOLO_TABLE_CLASSES": "b"}
    )
    assert config.table_classes == ("b",)


def test_missing_model_and_unreachable_triton_fail_with_backend_error(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="cannot load ONNX model"):
        build_backend(DetectorConfig(model_path=str(tmp_path / "missing.onnx")))
    with pytest.raises(BackendError, match="unreachable"):
        build_backend(DetectorConfig(backend="triton", triton_url="127.0.0.1:1"))
