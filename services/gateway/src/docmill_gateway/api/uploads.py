"""Seed 000 upload surface: POST /api/upload, GET /api/batches."""

from __future__ import annotations

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile

from docmill_gateway.api.deps import StateDep
from docmill_gateway.db import batches
from docmill_gateway.errors import InvalidUploadError
from docmill_gateway.ingest import ingest_uploads
from docmill_gateway.ocr_options import parse_ocr_options

router = APIRouter(prefix="/api", tags=["saledeed: uploads"])


@router.post("/upload")
async def upload_files(
    request: Request,
    state: StateDep,
    files: list[UploadFile] = File(...),
    ocr_mode: str | None = Form(None),
    output_format: str | None = Form(None),
    language_hint: str | None = Form(None),
    auto_language_detection: str | None = Form(None),
) -> dict:
    """Upload PDFs or PNG/JPEG/TIFF scans into a new batch, with seed 001's OCR options.

    Files are told apart by their first bytes; unknown, empty or oversized ones are rejected.
    """
    try:
        options = parse_ocr_options(
            ocr_mode=ocr_mode,
            output_format=output_format,
            language_hint=language_hint,
            auto_language_detection=auto_language_detection,
        )
    except InvalidUploadError as err:
        raise HTTPException(status_code=400, detail=str(err)) from None
    try:
        outcome = await ingest_uploads(
            state=state, uploads=files, options=options, request_id=request.state.request_id
        )
    except HTTPException:
        raise
    except Exception as err:  # noqa: BLE001 - storage failures are the seed's 500
        raise HTTPException(status_code=500, detail=f"Upload failed: {err}") from err
    if outcome.batch_id is None:
        reasons = "; ".join(f"{r['filename']}: {r['reason']}" for r in outcome.rejected)
        raise HTTPException(
            status_code=400,
            detail=f"No valid PDF files uploaded (PNG, JPEG and TIFF scans are accepted too)."
            f" {reasons}",
        )
    state.forget("folders")
    return {
        "success": True,
        "uploaded_count": len(outcome.files),
        "files": outcome.files,
        "batch_id": outcome.batch_id,
        "document_ids": outcome.document_ids,
        "rejected": outcome.rejected,
    }


@router.get("/batches")
async def get_batches(state: StateDep) -> list[dict]:
    """Every batch with its document count and status, newest first."""
    async with state.pool.acquire() as conn:
        return await batches.list_batches(conn=conn)
