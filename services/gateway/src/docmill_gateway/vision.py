"""Starting, stopping and observing the vision step (seed 000 #9-11)."""

from __future__ import annotations

from typing import Any

from nats.js.errors import NotFoundError

from docmill_contracts import subjects as s
from docmill_gateway.db import vision
from docmill_gateway.errors import ConflictError
from docmill_gateway.state import AppState


async def start(*, state: AppState) -> int:
    """Queue every left-over document for the vision step; returns how many."""
    async with state.pool.acquire() as conn:
        _, queued = await vision.start_vision_run(conn=conn)
    if queued < 0:
        raise ConflictError("Vision processing already running")
    state.forget("folders")
    state.dispatcher.wake()
    return queued


async def stop(*, state: AppState) -> int | None:
    """Stop after the documents in flight; returns how many are still left over."""
    async with state.pool.acquire() as conn:
        remaining = await vision.stop_vision_run(conn=conn)
    state.forget("folders")
    return remaining


async def stats(*, state: AppState) -> dict[str, Any]:
    """Counts of the latest vision run and live activity from the VISION consumer."""
    async with state.pool.acquire() as conn:
        run = await vision.latest_vision_run(conn=conn)
        counts = await vision.vision_counts(conn=conn, run_id=run["run_id"]) if run else None
    try:
        active = (await state.js.consumer_info(s.STREAM_VISION, s.CONSUMER_VISION)).num_ack_pending
    except NotFoundError:
        active = 0
    successful = counts["successful"] if counts else 0
    failed = counts["failed"] if counts else 0
    return {
        "total": counts["total"] if counts else 0,
        "processed": successful + failed,
        "successful": successful,
        "failed": failed,
        "is_running": bool(run and run["state"] == "running"),
        "active_workers": active,
        "current_file": counts["current_file"] if counts else None,
    }
