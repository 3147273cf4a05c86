"""Seed 000 processing surface: start, stop, stats, toggle-embedded-ocr."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from docmill_gateway import processing
from docmill_gateway.api.deps import StateDep
from docmill_gateway.api.validation import BadRequestRoute
from docmill_gateway.errors import ConflictError, GatewayError

router = APIRouter(
    prefix="/api/process", tags=["saledeed: processing"], route_class=BadRequestRoute
)


class StartRequest(BaseModel):
    max_workers: int | None = None
    ocr_workers: int | None = None
    llm_workers: int | None = None
    stage2_queue_size: int | None = None
    enable_ocr_multiprocessing: bool | None = None
    ocr_page_workers: int | None = None


@router.post("/start")
async def start_processing(state: StateDep, body: StartRequest | None = None) -> dict:
    """Queue every uploaded PDF and start the pipeline with the given concurrency."""
    body = body or StartRequest()
    try:
        return await processing.start(state=state, **body.model_dump())
    except (ConflictError, GatewayError) as err:
        raise HTTPException(status_code=400, detail=str(err)) from err


@router.post("/stop")
async def stop_processing(state: StateDep) -> dict:
    """Stop feeding the pipeline; in-flight documents finish, the rest stay uploaded."""
    remaining = await processing.stop(state=state)
    if remaining is None:
        return {"success": False, "message": "No batch processing is running"}
    return {
        "success": True,
        "message": f"Processing stopped. {remaining} PDF(s) remaining in newly uploaded folder.",
        "stopped_count": remaining,
    }


@router.get("/stats")
async def processing_stats(state: StateDep) -> dict:
    """Live counts of the latest run, with stage activity from the real streams."""
    return await processing.stats(state=state)


@router.post("/toggle-embedded-ocr")
async def toggle_embedded_ocr(state: StateDep, enabled: bool = Query(...)) -> dict:
    """Embedded text layer only (true) or Tesseract OCR on every page (false)."""
    await processing.set_embedded_ocr(state=state, enabled=enabled)
    return {
        "success": True,
        "message": f"Embedded OCR mode {'enabled' if enabled else 'disabled'}",
        "use_embedded_ocr": enabled,
        "ocr_mode": "PyMuPDF (Embedded OCR)" if enabled else "Poppler + Tesseract",
    }
