"""Asking the exporter for a file and streaming it back to the client."""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from dataclasses import dataclass

from docmill_contracts import subjects as s
from docmill_contracts.messages import (
    ExportFilters,
    ExportReady,
    ExportRequest,
    export_ready_decoder,
)
from docmill_gateway.db import batches
from docmill_gateway.errors import GatewayError, NotFoundError
from docmill_gateway.state import AppState
from docmill_runtime import natsio

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


@dataclass(frozen=True, kw_only=True)
class ExportFile:
    path: str
    filename: str
    media_type: str
    rows: int


def split_csv(value: str | None) -> list[str]:
    """`A,B, C` -> ["A", "B", "C"]."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


async def export_filename(
    *,
    state: AppState,
    batch_ids: list[str],
    batch_names: list[str],
    start_date: str | None,
    end_date: str | None,
    download_type: str | None,
    fmt: str,
) -> str:
    """The seed's filename patterns, with the extension of the format."""
    if batch_ids and download_type in (None, "batch", "batches"):
        if len(batch_ids) == 1:
            name = batch_names[0] if batch_names else None
            if name is None:
                async with state.pool.acquire() as conn:
                    name = (await batches.batch_names(conn=conn, batch_ids=batch_ids)).get(
                        batch_ids[0], batch_ids[0]
                    )
            stem = name
        else:
            stem = f"multiple_batches_{len(batch_ids)}"
    elif (start_date or end_date) and download_type in (None, "dateRange", "date_range"):
        stem = f"{start_date or 'start'}_to_{end_date or 'end'}"
    else:
        stem = "whole_data"
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) or "export"
    return f"{safe}.{fmt}"


async def request_export(
    *, state: AppState, filters: ExportFilters, filename: str, fmt: str, mask_ids: bool
) -> ExportFile:
    """Publish an ExportRequest, wait for ExportReady, download the file to a temp path."""
    export_id = uuid.uuid4().hex
    inbox = state.nc.new_inbox()
    sub = await state.nc.subscribe(inbox, max_msgs=1)
    try:
        request = ExportRequest(
            export_id=export_id,
            reply_to=inbox,
            format=fmt,  # type: ignore[arg-type]
            filename=filename,
            filters=filters,
            mask_ids=mask_ids,
        )
        await natsio.publish(
            state.js, f"{s.EXPORT}.{export_id}", request, msg_id=f"export:{export_id}"
        )
        try:
            msg = await sub.next_msg(timeout=state.settings.export_timeout_s)
        except TimeoutError:
            raise GatewayError("Export failed: the exporter did not answer in time") from None
    finally:
        await sub.unsubscribe()
    ready: ExportReady = export_ready_decoder.decode(msg.data)
    if ready.error:
        raise GatewayError(f"Export failed: {ready.error}")
    if ready.object_name is None:
        raise NotFoundError("No documents found for the selected criteria")
    store = await state.js.object_store(s.OBJ_EXPORTS)
    fd, path = tempfile.mkstemp(prefix="docmill-export-", suffix=f".{fmt}")
    try:
        with os.fdopen(fd, "wb") as out:
            await store.get(ready.object_name, writeinto=out)
    except Exception:
        os.unlink(path)
        raise
    finally:
        # One download per export: the copy on disk is what gets streamed.
        with contextlib.suppress(Exception):
            await store.delete(ready.object_name)
    return ExportFile(path=path, filename=ready.filename, media_type=MEDIA_TYPES[fmt],
                      rows=ready.rows)


def remove_file(path: str) -> None:
    """Background task: delete a temp file after the response was sent."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


