"""Seed 000 processing surface, failed PDFs: rerun-failed and download-failed."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, HTTPException
from fastapi.responses import FileResponse

from docmill_gateway import failed
from docmill_gateway.api.deps import StateDep

router = APIRouter(prefix="/api/process", tags=["saledeed: processing"])


@router.post("/rerun-failed")
async def rerun_failed(state: StateDep) -> dict:
    """Send every failed PDF back to the newly uploaded folder; the next start takes them."""
    moved = await failed.rerun_failed(state=state)
    if not moved:
        return {"success": False, "message": "No failed PDFs to rerun"}
    return {
        "success": True,
        "message": f"Moved {moved} failed PDFs back to newly_uploaded folder",
        "moved_count": moved,
    }


@router.get("/download-failed")
async def download_failed(state: StateDep, background: BackgroundTasks) -> FileResponse:
    """Every failed original as a ZIP, with failures.csv saying where and why each failed."""
    result = await failed.build_failed_zip(state=state)
    if result is None:
        raise HTTPException(status_code=404, detail="No failed PDFs found")
    background.add_task(failed.remove_file, result.path)
    return FileResponse(
        result.path,
        media_type="application/zip",
        # Unquoted, exactly as the seed shows it; the name has no characters needing quotes.
        headers={"Content-Disposition": f"attachment; filename={result.filename}"},
        background=background,
    )
