"""Starting, stopping and observing processing runs."""

from __future__ import annotations

from typing import Any

import msgspec
from nats.js.errors import NotFoundError

from docmill_contracts import subjects as s
from docmill_contracts.pipeline import PipelineConfig
from docmill_gateway.db import runs
from docmill_gateway.errors import ConflictError, GatewayError
from docmill_gateway.state import AppState
from docmill_runtime import natsio
from docmill_runtime.pipeline import read_pipeline, write_pipeline

# field -> (low, high); the messages are the seed's.
LIMITS = {
    "max_workers": (1, 20),
    "ocr_workers": (1, 20),
    "llm_workers": (1, 20),
    "stage2_queue_size": (1, 10),
    "ocr_page_workers": (1, 8),
}


def validate_start(params: dict[str, Any]) -> None:
    """Raise GatewayError with the seed's message for an out-of-range parameter."""
    for name, (low, high) in LIMITS.items():
        value = params.get(name)
        if value is not None and not low <= value <= high:
            raise GatewayError(f"{name} must be between {low} and {high}")


async def start(*, state: AppState, **params: Any) -> dict[str, Any]:
    """Write the live config, queue uploaded documents, wake the dispatcher."""
    validate_start(params)
    legacy = params.get("max_workers") is not None and not (
        params.get("ocr_workers") or params.get("llm_workers")
    )
    current = await read_pipeline(state.js)
    changes = {k: v for k, v in params.items() if v is not None}
    if legacy:
        # Legacy mode: one worker count, split over the two stages of the same pipeline.
        n = changes["max_workers"]
        changes.update(ocr_workers=max(1, n // 2), llm_workers=max(1, n - n // 2))
    config = msgspec.structs.replace(current, pipeline_mode=not legacy, **changes)
    async with state.pool.acquire() as conn:
        if await runs.running_run(conn=conn) is not None:
            raise ConflictError("Batch processing already running")
        await write_pipeline(state.js, config)
        await natsio.set_stage2_queue_size(state.js, config.stage2_queue_size)
        run_id, queued = await runs.start_run(conn=conn, config=msgspec.to_builtins(config))
    if queued < 0:
        raise ConflictError("Batch processing already running")
    state.forget("stats")
    state.forget("folders")
    state.dispatcher.wake()
    if legacy:
        return {
            "success": True,
            "message": f"Started processing {queued} PDFs with {config.max_workers} workers",
            "total_files": queued,
            "max_workers": config.max_workers,
            "pipeline_mode": False,
        }
    return {
        "success": True,
        "message": f"Started processing {queued} PDFs with {config.ocr_workers} OCR"
        f" + {config.llm_workers} LLM workers",
        "total_files": queued,
        "ocr_workers": config.ocr_workers,
        "llm_workers": config.llm_workers,
        "stage2_queue_size": config.stage2_queue_size,
        "enable_ocr_multiprocessing": config.enable_ocr_multiprocessing,
        "ocr_page_workers": config.ocr_page_workers,
        "pipeline_mode": True,
    }


async def stop(*, state: AppState) -> int | None:
    """Stop the running run; returns how many PDFs are left uploaded, None if none ran."""
    async with state.pool.acquire() as conn:
        remaining = await runs.stop_run(conn=conn)
    state.forget("stats")
    state.forget("folders")
    return remaining


async def set_embedded_ocr(*, state: AppState, enabled: bool) -> PipelineConfig:
    """Switch OCR between text layer only and Tesseract on every page, live."""
    config = msgspec.structs.replace(await read_pipeline(state.js), use_embedded_ocr=enabled)
    await write_pipeline(state.js, config)
    return config


async def stage_activity(state: AppState) -> dict[str, int]:
    """ocr_active / llm_active / in_queue from the real consumers."""
    out = {"ocr_active": 0, "llm_active": 0, "in_queue": 0}
    try:
        ocr = await state.js.consumer_info(s.STREAM_OCR, s.CONSUMER_OCR)
        ext = await state.js.consumer_info(s.STREAM_EXTRACT, s.CONSUMER_EXTRACT)
    except NotFoundError:
        return out
    out["ocr_active"] = ocr.num_ack_pending
    out["llm_active"] = ext.num_ack_pending
    # Stage-2 items waiting for an extractor: in the stream, not yet delivered.
    out["in_queue"] = ext.num_pending
    return out


async def stats(*, state: AppState) -> dict[str, Any]:
    """The seed's /process/stats, cached briefly so many pollers cost one query."""
    cached = state.cached("stats", state.settings.stats_cache_s)
    if cached is not None:
        return cached
    config = await read_pipeline(state.js)
    async with state.pool.acquire() as conn:
        run = await runs.latest_run(conn=conn)
        counts = await runs.run_counts(conn=conn, run_id=run["run_id"]) if run else None
    activity = await stage_activity(state)
    total = counts["total"] if counts else 0
    successful = counts["successful"] if counts else 0
    failed = counts["failed"] if counts else 0
    body: dict[str, Any] = {
        "total": total,
        "processed": successful + failed,
        "successful": successful,
        "failed": failed,
        "is_running": bool(run and run["state"] == "running"),
        "active_workers": activity["ocr_active"] + activity["llm_active"],
        "current_file": counts["current_file"] if counts else None,
    }
    if config.pipeline_mode:
        body.update(
            ocr_workers=config.ocr_workers,
            llm_workers=config.llm_workers,
            ocr_active=activity["ocr_active"],
            llm_active=activity["llm_active"],
            in_queue=activity["in_queue"],
        )
    body["pipeline_mode"] = config.pipeline_mode
    return state.remember("stats", body)
