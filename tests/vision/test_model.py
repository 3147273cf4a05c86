"""The shipped ONNX detector, run through docmill's own pre/post-processing."""

from __future__ import annotations

import onnxruntime
import pytest

from docmill_vision.detector import Detector, DetectorConfig, shipped_model_path
from docmill_vision.evaluate import evaluate_detector

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(DetectorConfig(backend="onnxruntime"))


def test_shipped_model_is_one_onnx_file_with_the_documented_io() -> None:
    session = onnxruntime.InferenceSession(shipped_model_path(), providers=["CPUExecutionProvider"])
    (inp,) = session.get_inputs()
    (out,) = session.get_outputs()
    assert inp.name == "images" and inp.shape[1] == 3
    assert out.name == "output0" and out.shape[1] == 5


def test_shipped_model_map50_on_fresh_held_out_pages(detector: Detector) -> None:
    scores = evaluate_detector(detector, pages=50)
    assert scores["tables"] >= 20
    assert scores["map50"] >= 0.97, scores
    assert scores["recall_at_conf"] >= 0.95, scores
