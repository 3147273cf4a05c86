"""Pre/post-processing around the ONNX model, on synthetic arrays only."""

from __future__ import annotations

import numpy as np
import pytest

from docmill_vision.detector import decode, letterbox, nms
from docmill_vision.detector.boxes import PAD_VALUE, Letterbox

pytestmark = pytest.mark.unit

CLASSES = ("fee_table",)


def _output(
    rows: list[tuple[float, float, float, float, float]], anchors: int = 8400
) -> np.ndarray:
    """A (1, 5, anchors) output holding `rows` (cx, cy, w, h, score) and zeros elsewhere."""
    out = np.zeros((1, 5, anchors), dtype=np.float32)
    for i, row in enumerate(rows):
        out[0, :, i * 37] = row
    return out


def test_letterbox_pads_tall_page_left_and_right() -> None:
    page = np.zeros((1754, 1240, 3), dtype=np.uint8)
    tensor, fit = letterbox(page, size=640)
    assert tensor.shape == (1, 3, 640, 640)
    assert tensor.dtype == np.float32
    assert fit.scale == pytest.approx(640 / 1754)
    new_w = round(1240 * fit.scale)
    assert fit.pad_x == round((640 - new_w) / 2 - 0.1) and fit.pad_y == 0
    grey = PAD_VALUE / 255
    assert tensor[0, :, 320, 0] == pytest.approx([grey] * 3)  # left padding
    assert tensor[0, :, 320, 320] == pytest.approx([0, 0, 0])  # the page itself
    assert tensor[0, :, 320, 639] == pytest.approx([grey] * 3)


def test_letterbox_accepts_grey_and_keeps_channels_rgb() -> None:
    page = np.zeros((100, 200, 3), dtype=np.uint8)
    page[..., 0] = 255  # red
    tensor, fit = letterbox(page, size=64)
    assert fit.pad_y == 16 and fit.pad_x == 0
    assert tensor[0, 0, 32, 32] == pytest.approx(1.0) and tensor[0, 2, 32, 32] == 0
    grey_tensor, _ = letterbox(np.full((50, 50), 200, dtype=np.uint8), size=32)
    assert grey_tensor.shape == (1, 3, 32, 32)


def test_nms_keeps_best_of_overlapping_and_disjoint_boxes() -> None:
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]], dtype=np.float32)
    scores = np.array([0.8, 0.9, 0.7], dtype=np.float32)
    assert nms(boxes, scores, iou=0.5).tolist() == [1, 2]
    assert nms(boxes, scores, iou=0.99).tolist() == [1, 0, 2]
    assert nms(np.zeros((0, 4), dtype=np.float32), np.zeros(0), iou=0.5).tolist() == []


def test_decode_thresholds_suppresses_and_maps_back_to_page_pixels() -> None:
    fit = Letterbox(scale=0.5, pad_x=10, pad_y=20, width=1000, height=1000)
    out = _output(
        [
            (110, 120, 40, 20, 0.9),  # kept
            (111, 121, 40, 20, 0.6),  # same table, suppressed
            (400, 400, 20, 20, 0.1),  # under the threshold
            (300, 300, 100, 50, 0.5),  # another table
        ]
    )
    found = decode(out, fit=fit, classes=CLASSES, conf=0.25, iou=0.45)
    assert [round(d.score, 2) for d in found] == [0.9, 0.5]
    assert found[0].box == pytest.approx((160, 180, 240, 220))  # (90-10)/0.5 ...
    assert found[0].label == "fee_table" and found[0].class_id == 0
    assert decode(out, fit=fit, classes=CLASSES, conf=0.95) == []


def test_decode_clips_boxes_to_the_page_and_checks_class_count() -> None:
    fit = Letterbox(scale=1.0, pad_x=0, pad_y=0, width=100, height=80)
    found = decode(_output([(95, 75, 30, 30, 0.8)]), fit=fit, classes=CLASSES)
    assert found[0].box == pytest.approx((80, 60, 100, 80))
    with pytest.raises(ValueError, match="classes"):
        decode(_output([(1, 1, 1, 1, 1)]), fit=fit, classes=("a", "b"))


def test_decode_runs_nms_per_class() -> None:
    fit = Letterbox(scale=1.0, pad_x=0, pad_y=0, width=640, height=640)
    out = np.zeros((1, 6, 100), dtype=np.float32)
    out[0, :, 0] = (100, 100, 50, 50, 0.9, 0.0)
    out[0, :, 1] = (101, 101, 50, 50, 0.0, 0.8)  # same place, other class: kept
    found = decode(out, fit=fit, classes=("table", "stamp"))
    assert sorted(d.label for d in found) == ["stamp", "table"]
