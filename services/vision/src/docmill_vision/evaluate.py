"""Detector accuracy on generated pages: average precision at IoU 0.5 (mAP50, one class)."""

from __future__ import annotations

import numpy as np

from docmill_vision.detector import Detection, Detector
from docmill_vision.detector.boxes import iou_one_to_many

HELD_OUT_SEED = 2_000_000  # beyond training (0..) and the training run's own held-out set (1e6..)
Box = tuple[float, float, float, float]


def average_precision(
    predictions: list[list[Detection]], truths: list[list[Box]], *, iou: float = 0.5
) -> float:
    """AP over all images: greedy matching by score, all-point interpolation (as COCO/VOC)."""
    scored: list[tuple[float, int, Box]] = [
        (d.score, i, d.box) for i, dets in enumerate(predictions) for d in dets
    ]
    scored.sort(key=lambda t: -t[0])
    total = sum(len(t) for t in truths)
    if total == 0:
        return 1.0 if not scored else 0.0
    used = [np.zeros(len(t), dtype=bool) for t in truths]
    tp = np.zeros(len(scored))
    for k, (_score, image, box) in enumerate(scored):
        gts = np.asarray(truths[image], dtype=np.float64).reshape(-1, 4)
        if gts.size == 0:
            continue
        overlaps = iou_one_to_many(np.asarray(box, dtype=np.float64), gts)
        overlaps[used[image]] = -1
        best = int(overlaps.argmax())
        if overlaps[best] >= iou:
            used[image][best] = True
            tp[k] = 1
    recall = np.cumsum(tp) / total
    precision = np.cumsum(tp) / np.arange(1, len(scored) + 1)
    # Precision envelope, then area under the recall steps.
    mrec = np.concatenate([[0.0], recall, [1.0]])
    mpre = np.concatenate([[1.0], precision, [0.0]])
    mpre = np.flip(np.maximum.accumulate(np.flip(mpre)))
    steps = np.flatnonzero(mrec[1:] != mrec[:-1])
    return float(np.sum((mrec[steps + 1] - mrec[steps]) * mpre[steps + 1]))


def evaluate_detector(
    detector: Detector, *, pages: int = 50, first_seed: int = HELD_OUT_SEED, family: str = "main"
) -> dict[str, float]:
    """mAP50, recall and latency of `detector` on freshly generated held-out pages."""
    from docmill_synth.feepage import compose_page  # test/bench-time dependency only

    predictions, truths, infer_s = [], [], []
    for seed in range(first_seed, first_seed + pages):
        page = compose_page(seed, family=family, size=640)
        # A low threshold: AP integrates over every confidence level.
        predictions.append(
            [
                d
                for d in detector.detect(np.asarray(page.image), conf=0.01)
                if d.label in detector.config.table_classes
            ]
        )
        infer_s.append(detector.last_infer_s)
        truths.append(list(page.boxes))
    found = sum(
        1
        for dets, gts in zip(predictions, truths, strict=True)
        for gt in gts
        if any(d.score >= detector.config.conf and _iou(d.box, gt) >= 0.5 for d in dets)
    )
    tables = sum(len(t) for t in truths)
    return {
        "pages": float(pages),
        "tables": float(tables),
        "map50": average_precision(predictions, truths, iou=0.5),
        "recall_at_conf": found / tables if tables else 1.0,
        "infer_ms_median": float(np.median(infer_s) * 1000),
    }


def _iou(a: Box, b: Box) -> float:
    return float(iou_one_to_many(np.asarray(a), np.asarray([b]))[0])
