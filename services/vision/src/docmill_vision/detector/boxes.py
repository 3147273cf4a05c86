"""Letterbox in, boxes out: the pre/post-processing around a YOLOv8 ONNX detector."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec
import numpy as np
from PIL import Image

PAD_VALUE = 114  # ultralytics pads with this grey; matching it keeps scores as trained


class Detection(msgspec.Struct, frozen=True, kw_only=True):
    """One box in the coordinates of the image given to the detector."""

    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    score: float
    class_id: int
    label: str


@dataclass(frozen=True, slots=True)
class Letterbox:
    """How an image was scaled and padded into the model's square input."""

    scale: float
    pad_x: float
    pad_y: float
    width: int  # original image size
    height: int


def letterbox(image: np.ndarray, *, size: int = 640) -> tuple[np.ndarray, Letterbox]:
    """Return a (1, 3, size, size) float32 RGB 0–1 tensor of `image` (H, W, 3 uint8) and its fit."""
    if image.ndim == 2:
        image = np.repeat(image[..., None], 3, axis=2)
    height, width = image.shape[:2]
    scale = min(size / height, size / width)
    new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
    resized = np.asarray(
        Image.fromarray(image[..., :3]).resize((new_w, new_h), Image.Resampling.BILINEAR)
    )
    pad_x, pad_y = (size - new_w) / 2, (size - new_h) / 2
    left, top = round(pad_x - 0.1), round(pad_y - 0.1)  # ultralytics' rounding
    canvas = np.full((size, size, 3), PAD_VALUE, dtype=np.uint8)
    canvas[top : top + new_h, left : left + new_w] = resized
    tensor = canvas.transpose(2, 0, 1)[None].astype(np.float32) / 255.0
    return np.ascontiguousarray(tensor), Letterbox(scale, left, top, width, height)


def iou_one_to_many(box: np.ndarray, others: np.ndarray) -> np.ndarray:
    """IoU of `box` (4,) against `others` (N, 4), boxes as x0, y0, x1, y1."""
    x0 = np.maximum(box[0], others[:, 0])
    y0 = np.maximum(box[1], others[:, 1])
    x1 = np.minimum(box[2], others[:, 2])
    y1 = np.minimum(box[3], others[:, 3])
    inter = np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (others[:, 2] - others[:, 0]) * (others[:, 3] - others[:, 1])
    return inter / np.maximum(area + areas - inter, 1e-9)


def nms(boxes: np.ndarray, scores: np.ndarray, *, iou: float) -> np.ndarray:
    """Indices of `boxes` kept by greedy non-maximum suppression, best score first."""
    order = np.argsort(-scores, kind="stable")
    keep: list[int] = []
    while order.size:
        best = order[0]
        keep.append(int(best))
        if order.size == 1:
            break
        rest = order[1:]
        order = rest[iou_one_to_many(boxes[best], boxes[rest]) <= iou]
    return np.asarray(keep, dtype=np.int64)


def decode(
    output: np.ndarray,
    *,
    fit: Letterbox,
    classes: tuple[str, ...],
    conf: float = 0.25,
    iou: float = 0.45,
    max_det: int = 50,
) -> list[Detection]:
    """Turn one image's YOLOv8 output (1, 4 + classes, anchors) into detections in image pixels."""
    pred = np.asarray(output, dtype=np.float32)
    if pred.ndim == 3:
        pred = pred[0]
    if pred.shape[0] != 4 + len(classes):
        raise ValueError(f"output has {pred.shape[0]} rows; expected 4 + {len(classes)} classes")
    pred = pred.T  # (anchors, 4 + classes)
    class_scores = pred[:, 4:]
    class_ids = class_scores.argmax(axis=1)
    scores = class_scores[np.arange(len(pred)), class_ids]
    mask = scores >= conf
    if not mask.any():
        return []
    cx, cy, w, h = pred[mask, :4].T
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1)
    scores, class_ids = scores[mask], class_ids[mask]
    kept: list[int] = []
    for cls in np.unique(class_ids):  # NMS per class, as ultralytics does by default
        idx = np.flatnonzero(class_ids == cls)
        kept.extend(idx[nms(boxes[idx], scores[idx], iou=iou)].tolist())
    kept.sort(key=lambda i: -scores[i])
    boxes = _unletterbox(boxes[kept[:max_det]], fit)
    return [
        Detection(
            box=tuple(float(v) for v in box),  # type: ignore[arg-type]
            score=float(scores[i]),
            class_id=int(class_ids[i]),
            label=classes[int(class_ids[i])],
        )
        for box, i in zip(boxes, kept[:max_det], strict=True)
    ]


def _unletterbox(boxes: np.ndarray, fit: Letterbox) -> np.ndarray:
    out = boxes.copy()
    out[:, [0, 2]] = (out[:, [0, 2]] - fit.pad_x) / fit.scale
    out[:, [1, 3]] = (out[:, [1, 3]] - fit.pad_y) / fit.scale
    out[:, [0, 2]] = out[:, [0, 2]].clip(0, fit.width)
    out[:, [1, 3]] = out[:, [1, 3]].clip(0, fit.height)
    return out
