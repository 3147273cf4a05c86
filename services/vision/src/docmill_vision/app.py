"""Wiring of the vision worker: settings, the detector check, the process pool, the WorkerSpec."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import msgspec
import structlog
from nats.aio.msg import Msg
from prometheus_client import Gauge

from docmill_contracts import subjects as s
from docmill_contracts.workerstatus import VISION_STATUS_KEY, VisionStatus
from docmill_runtime.consumer import Handler
from docmill_runtime.hardware import cuda_device_count
from docmill_runtime.procpool import TaskPool
from docmill_runtime.service import Runtime, WorkerSpec, run_worker
from docmill_vision.detector import Detector
from docmill_vision.handlers import VisionContext, handle_vision_job
from docmill_vision.pages import init_process
from docmill_vision.readers import Readers
from docmill_vision.settings import VisionSettings

log = structlog.get_logger(__name__)

# Served on the worker's /metrics beside /healthz, for the gateway's system info.
MODEL_LOADED = Gauge(
    "docmill_vision_model_loaded", "1 when the table detector loaded and answered", ["backend"]
)
CUDA_AVAILABLE = Gauge("docmill_vision_cuda_available", "1 when onnxruntime can use CUDA")


def check_detector(settings: VisionSettings) -> dict[str, object]:
    """Load the model once and run it on a blank page, so a bad model fails at start-up."""
    import numpy as np
    import onnxruntime

    detector = Detector(settings.detector)
    detector.detect(np.full((64, 48, 3), 255, dtype=np.uint8))
    info = {**detector.backend.describe(), "classes": list(settings.detector.classes)}
    MODEL_LOADED.labels(detector.backend.name).set(1)
    CUDA_AVAILABLE.set(int("CUDAExecutionProvider" in onnxruntime.get_available_providers()))
    close = getattr(detector.backend, "close", None)
    if close is not None:
        close()
    return info


async def publish_vision_status(runtime: Runtime, *, info: dict[str, object]) -> None:
    """Tell the gateway (KV `pipeline`, key `vision_status`) which model and GPU this has."""
    import onnxruntime

    providers = onnxruntime.get_available_providers()
    status = VisionStatus(
        model_loaded=True,
        model_path=str(info.get("model") or info.get("path") or "") or None,
        backend=str(info.get("backend", "onnxruntime")),
        providers=list(providers),
        cuda_available="CUDAExecutionProvider" in providers,
        cuda_device_count=cuda_device_count(),
        updated_at=time.time(),
    )
    try:
        kv = await runtime.js.key_value(s.KV_PIPELINE)
        await kv.put(VISION_STATUS_KEY, msgspec.json.encode(status))
    except Exception as err:  # noqa: BLE001 - reporting must not stop the worker
        log.warning("vision_status_publish_failed", error=str(err))


def build_spec(settings: VisionSettings) -> WorkerSpec:
    """The vision worker: durable `vision` on stream VISION."""

    @asynccontextmanager
    async def handler_factory(runtime: Runtime) -> AsyncIterator[Handler]:
        info = check_detector(settings)
        log.info("detector_loaded", **info)
        await publish_vision_status(runtime, info=info)
        pool = TaskPool(
            size=settings.pool_size,
            initializer=init_process,
            initargs=(settings.detector,),
            name="vision",
        )
        async with pool:
            readers = Readers(pool=pool, settings=settings)
            ctx = VisionContext(runtime=runtime, settings=settings, pool=pool, readers=readers)

            async def handler(msg: Msg) -> None:
                await handle_vision_job(msg, ctx=ctx)

            try:
                yield handler
            finally:
                await readers.aclose()

    return WorkerSpec(
        stage="vision",
        stream=s.STREAM_VISION,
        durable=s.CONSUMER_VISION,
        handler_factory=handler_factory,
    )


async def main() -> None:
    """Run the vision worker until SIGTERM/SIGINT."""
    settings = VisionSettings.from_env()
    await run_worker(build_spec(settings), settings.worker)
