"""Seed 000 vision surface: start, stop, stats of the registration-fee step."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from docmill_gateway import vision
from docmill_gateway.api.deps import StateDep
from docmill_gateway.errors import ConflictError

router = APIRouter(prefix="/api/vision", tags=["saledeed: vision"])


@router.post("/start")
async def start_vision(state: StateDep) -> dict:
    """Send every document still missing its registration fee to the vision step."""
    try:
        queued = await vision.start(state=state)
    except ConflictError as err:
        raise HTTPException(status_code=400, detail=str(err)) from err
    return {
        "success": True,
        "message": "Started vision processing for registration fee extraction",
        "queued_count": queued,
    }


@router.post("/stop")
async def stop_vision(state: StateDep) -> dict:
    """Stop after the documents in flight; the rest stay left over."""
    remaining = await vision.stop(state=state)
    if remaining is None:
        return {"success": False, "message": "No vision processing is running"}
    return {
        "success": True,
        "message": f"Vision processing stopped. {remaining} image(s) remaining in left over"
        " reg fee folder.",
        "stopped_count": remaining,
    }


@router.get("/stats")
async def vision_stats(state: StateDep) -> dict:
    """Live counts of the latest vision run."""
    return await vision.stats(state=state)
