"""Seed 000 upload surface: POST /api/upload, GET /api/batches."""

from __future__ import annotations

from fastapi import APIRouter, File, HTTPException, Request, UploadFile

from docmill_gateway.api.deps import StateDep
from docmill_gateway.db import batches
from docmill_gateway.ingest import ingest_uploads

router = APIRouter(prefix="/api", tags=["saledeed: uploads"])


@router.post("/upload")
async def upload_files(
    request: Request, state: StateDep, files: list[UploadFile] = File(...)
) -> dict:
    """Upload PDFs into a new batch; non-PDF, empty or oversized files are rejected."""
    try:
        outcome = await ingest_uploads(
            state=state, uploads=files, request_id=request.state.request_id
        )
    except HTTPException:
        raise
    except Exception as err:  # noqa: BLE001 - storage failures are the seed's 500
        raise HTTPException(status_code=500, detail=f"Upload failed: {err}") from err
    if outcome.batch_id is None:
        reasons = "; ".join(f"{r['filename']}: {r['reason']}" for r in outcome.rejected)
        raise HTTPException(status_code=400, detail=f"No valid PDF files uploaded. {reasons}")
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
