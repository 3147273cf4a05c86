"""The vision step: detector latency, fee-reader throughput and held-out mAP50."""

from __future__ import annotations

from docmill_bench.report import Section

MAP50_TARGET = 0.97


def run() -> Section:
    """Run the vision service's own benchmark and report it."""
    from docmill_vision.bench import run_vision_bench

    numbers = run_vision_bench()
    section = Section(
        title="Vision: fee-table detector and fee reader",
        description=(
            "The shipped YOLO ONNX detector on onnxruntime (CPU, one thread) over generated "
            "pages it was never trained on, and the fee reader end to end (render, detect, "
            "crop, Tesseract, pick the registration fee) in two processes. The baseline for "
            "the detector is its inference alone; the full step adds letterbox, decode and NMS."
        ),
    )
    for name, value in numbers.items():
        unit = "ms" if "_ms" in name else "per min" if name.endswith("_per_min") else ""
        section.add(name, value, unit)
    infer = numbers.get("detector_infer_ms_median")
    full = numbers.get("detector_page_ms_median")
    if infer and full:
        section.ratios["full detection / inference alone"] = full / infer
    map50 = numbers.get("heldout_map50", 0.0)
    section.targets["held-out mAP50 >= 0.97"] = (
        "met" if map50 >= MAP50_TARGET else f"missed: {map50:.3f}"
    )
    fee = numbers.get("fee_reader_accuracy", 0.0)
    section.targets["fee read right >= 0.95"] = "met" if fee >= 0.95 else f"missed: {fee:.2f}"
    return section
