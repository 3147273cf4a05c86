"""Seed 000 export surface: GET /api/export/excel (plus CSV and JSON)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, BackgroundTasks, HTTPException, Query
from fastapi.responses import FileResponse

from docmill_contracts.messages import ExportFilters
from docmill_gateway import exports
from docmill_gateway.api.deps import StateDep
from docmill_gateway.errors import GatewayError, NotFoundError

router = APIRouter(prefix="/api/export", tags=["saledeed: export"])


def _iso_date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise HTTPException(status_code=400, detail=f"{name} must be an ISO date") from None


@router.get("/excel")
async def export_excel(
    state: StateDep,
    background: BackgroundTasks,
    start_index: int = Query(0, ge=0),
    end_index: int | None = Query(None, ge=0),
    batch_ids: str | None = None,
    batch_names: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    download_type: str | None = None,
    format: Literal["xlsx", "csv", "json"] = "xlsx",
    mask_ids: bool = False,
) -> FileResponse:
    """Processed documents as the seed's Sale_Deeds sheet (or CSV/JSON of the same rows)."""
    ids = exports.split_csv(batch_ids)
    names = exports.split_csv(batch_names)
    start = _iso_date("start_date", start_date)
    end = _iso_date("end_date", end_date)
    if download_type == "all":
        ids, start, end = [], None, None
    filters = ExportFilters(
        start_index=start_index,
        end_index=end_index,
        batch_ids=ids,
        start_date=start,
        end_date=end,
    )
    filename = await exports.export_filename(
        state=state,
        batch_ids=ids,
        batch_names=names,
        start_date=start,
        end_date=end,
        download_type=download_type,
        fmt=format,
    )
    try:
        result = await exports.request_export(
            state=state, filters=filters, filename=filename, fmt=format, mask_ids=mask_ids
        )
    except NotFoundError as err:
        raise HTTPException(status_code=404, detail=str(err)) from err
    except GatewayError as err:
        raise HTTPException(status_code=500, detail=str(err)) from err
    background.add_task(exports.remove_file, result.path)
    return FileResponse(
        result.path,
        media_type=result.media_type,
        filename=result.filename,
        headers={"X-Export-Rows": str(result.rows)},
        background=background,
    )
