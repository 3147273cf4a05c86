"""Seed 000 system surface: info, config, folders."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter

from docmill_gateway import health_checks
from docmill_gateway.api.deps import StateDep
from docmill_gateway.db import runs
from docmill_runtime.hardware import cuda_device_count
from docmill_runtime.pipeline import read_pipeline

router = APIRouter(prefix="/api/system", tags=["saledeed: system"])


@router.get("/info")
async def system_info(state: StateDep) -> dict:
    """Health of what the pipeline needs, from real checks."""
    cached = state.cached("info", state.settings.info_cache_s)
    if cached is not None:
        return cached
    config = await read_pipeline(state.js)
    # The checks run programs; keep them off the event loop.
    devices, poppler, tesseract = await asyncio.gather(
        asyncio.to_thread(cuda_device_count),
        asyncio.to_thread(health_checks.poppler_available),
        asyncio.to_thread(health_checks.tesseract_available),
    )
    llm_status = await health_checks.llm_status(state.js)
    vision = await health_checks.vision_status(state.js)
    # The GPU and the model live where the vision worker runs, not necessarily here.
    cuda_count = max(devices, vision.cuda_device_count if vision else 0)
    model_loaded = health_checks.yolo_model_loaded(state.settings.yolo_model_path) or bool(
        vision and vision.model_loaded
    )
    breaker = llm_status.backends.get("openai")
    # Reachable when a probe of the configured server answers, and the extractor's
    # circuit breaker (if it has talked to the server yet) is not open.
    probed = await health_checks.openai_reachable(state.settings.openai_base_url)
    llm_connected = (probed or breaker is not None) and (breaker is None or breaker.reachable)
    active = llm_status.backends.get(config.llm_backend)
    return state.remember(
        "info",
        {
            "cuda_available": cuda_count > 0 or bool(vision and vision.cuda_available),
            "cuda_device_count": cuda_count,
            "poppler_available": poppler,
            "tesseract_available": tesseract,
            "ollama_connected": llm_connected,
            "yolo_model_loaded": model_loaded,
            "vision_backend": vision.backend if vision else None,
            "llm_backend": config.llm_backend,
            # The rules backend needs no server; a remote one is as good as its breaker says.
            "llm_available": config.llm_backend == "rules"
            or (active.reachable if active is not None else llm_connected),
            "llm_backends": {
                name: {"state": b.state, "reachable": b.reachable, "failures": b.failures,
                       "last_error": b.last_error}
                for name, b in llm_status.backends.items()
            },
            "nats_connected": state.nc.is_connected,
        },
    )


@router.get("/config")
async def system_config(state: StateDep) -> dict:
    """The live pipeline configuration (KV `pipeline`)."""
    config = await read_pipeline(state.js)
    return {
        "enable_pipeline": config.pipeline_mode,
        "max_ocr_workers": config.ocr_workers,
        "max_llm_workers": config.llm_workers,
        "stage2_queue_size": config.stage2_queue_size,
        "enable_ocr_multiprocessing": config.enable_ocr_multiprocessing,
        "ocr_page_workers": config.ocr_page_workers,
        "max_workers": config.max_workers,
        "llm_backend": config.llm_backend,
        "tesseract_lang": config.tesseract_lang,
        "poppler_dpi": config.poppler_dpi,
        "use_embedded_ocr": bool(config.use_embedded_ocr),
        "ocr_mode": {None: "auto", True: "embedded", False: "tesseract"}[config.use_embedded_ocr],
        "vision_auto": config.vision_auto,
        "vision_reader": config.vision_reader,
    }


@router.get("/folders")
async def system_folders(state: StateDep) -> dict:
    """Document counts in the seed's folder terms."""
    cached = state.cached("folders", state.settings.stats_cache_s)
    if cached is not None:
        return cached
    async with state.pool.acquire() as conn:
        return state.remember("folders", await runs.folder_counts(conn=conn))
