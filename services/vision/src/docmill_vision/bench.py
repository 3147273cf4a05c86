"""Vision measurements for `make bench`: detector latency, fee-reader pages/min, held-out mAP50."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from docmill_vision.detector import Detector, DetectorConfig


def _detector_latency(detector: Detector, *, pages: int) -> dict[str, float]:
    from docmill_synth.feepage import compose_page

    images = [np.asarray(compose_page(5_000_000 + i, size=1754).image) for i in range(pages)]
    detector.detect(images[0])  # warm-up: first run allocates
    infer, total = [], []
    for image in images:
        started = time.perf_counter()
        detector.detect(image)
        total.append(time.perf_counter() - started)
        infer.append(detector.last_infer_s)
    return {
        "detector_infer_ms_median": statistics.median(infer) * 1000,
        "detector_page_ms_median": statistics.median(total) * 1000,  # letterbox + infer + NMS
    }


async def _fee_reader_rate(*, deeds: int, processes: int) -> dict[str, float]:
    from docmill_contracts.messages import VisionJob
    from docmill_runtime.procpool import TaskPool
    from docmill_runtime.settings import WorkerSettings
    from docmill_synth.feedeed import deed_with_fee_table
    from docmill_vision.fee import find_fee
    from docmill_vision.pages import init_process
    from docmill_vision.settings import VisionSettings

    config = DetectorConfig()
    settings = VisionSettings(worker=WorkerSettings.from_env("vision"), detector=config)
    with tempfile.TemporaryDirectory(prefix="docmill-vision-bench-") as tmp:
        paths = []
        for seed in range(deeds):
            deed = deed_with_fee_table(8000 + seed)
            path = Path(tmp) / f"{seed}.pdf"
            path.write_bytes(deed.pdf)
            paths.append((path, deed.registration_fee))
        async with TaskPool(
            size=processes, initializer=init_process, initargs=(config,), name="bench"
        ) as pool:
            started = time.perf_counter()

            async def one(path: Path) -> tuple[float | None, int]:
                job = VisionJob(
                    document_id=path.stem,
                    batch_id="bench",
                    filename=path.name,
                    object_name=path.name,
                )
                found, readings = await find_fee(job, path=path, pool=pool, settings=settings)
                return found.registration_fee, len(readings)

            results = await asyncio.gather(*(one(p) for p, _ in paths))
            elapsed = time.perf_counter() - started
    pages = sum(n for _, n in results)
    right = sum(1 for (fee, _), (_, truth) in zip(results, paths, strict=True) if fee == truth)
    return {
        "fee_reader_documents": float(deeds),
        "fee_reader_pages_read": float(pages),
        "fee_reader_pages_per_min": pages / elapsed * 60,
        "fee_reader_documents_per_min": deeds / elapsed * 60,
        "fee_reader_accuracy": right / deeds,
    }


def run_vision_bench(*, pages: int = 50, deeds: int = 20, processes: int = 2) -> dict[str, float]:
    """Detector latency (onnxruntime CPU), fee-reader throughput end to end, held-out mAP50."""
    from docmill_vision.evaluate import evaluate_detector

    detector = Detector(DetectorConfig(backend="onnxruntime", use_cuda=False))
    report: dict[str, float] = {}
    report.update(_detector_latency(detector, pages=min(pages, 20)))
    scores = evaluate_detector(detector, pages=pages)
    report.update({"heldout_map50": scores["map50"], "heldout_recall": scores["recall_at_conf"]})
    report.update(asyncio.run(_fee_reader_rate(deeds=deeds, processes=processes)))
    return report
