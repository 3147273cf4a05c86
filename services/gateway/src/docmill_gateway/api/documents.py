"""Seed 000 data surface: GET /api/documents, GET /api/documents/{document_id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query

from docmill_gateway.api.deps import StateDep
from docmill_gateway.db import documents

router = APIRouter(prefix="/api", tags=["saledeed: documents"])

STATUSES = {"uploaded", "queued", "dispatched", "ocr", "extracting", "vision", "done", "failed"}


@router.get("/documents")
async def list_documents(
    state: StateDep,
    skip: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=1000),
    status: str = Query("done", description="a status, a comma-separated list, or 'all'"),
) -> list[dict]:
    """Processed documents (or those in the given states) in upload order."""
    wanted = None if status == "all" else [x.strip() for x in status.split(",") if x.strip()]
    if wanted is not None and not set(wanted) <= STATUSES:
        raise HTTPException(
            status_code=400, detail=f"status must be 'all' or among {sorted(STATUSES)}"
        )
    async with state.pool.acquire() as conn:
        return await documents.fetch_documents(conn=conn, statuses=wanted, skip=skip, limit=limit)


@router.get("/documents/{document_id}")
async def get_document(document_id: str, state: StateDep) -> dict:
    """One document with its property details, buyers and sellers (any status)."""
    async with state.pool.acquire() as conn:
        doc = await documents.fetch_document(conn=conn, document_id=document_id)
    if doc is None:
        raise HTTPException(status_code=404, detail="Document not found")
    return doc
