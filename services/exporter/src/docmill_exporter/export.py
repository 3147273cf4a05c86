"""Streaming one export: server-side cursor -> row mapping -> file sink, chunk by chunk."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import asyncpg

from docmill_contracts.messages import ExportRequest
from docmill_exporter.csv_json import CsvSink, JsonSink
from docmill_exporter.errors import ExportRequestError
from docmill_exporter.rows import EXPORT_SQL, Row, RowMapper, query_args
from docmill_exporter.xlsx import XlsxSink

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")
SUFFIXES = {"xlsx": ".xlsx", "csv": ".csv", "json": ".json"}


class Sink(Protocol):
    def write(self, rows: Sequence[Row]) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


@dataclass(frozen=True, kw_only=True)
class ExportFile:
    path: Path
    rows: int


def open_sink(fmt: str, path: Path, *, sample: Sequence[Row]) -> Sink:
    """The file writer for `fmt`."""
    if fmt == "xlsx":
        return XlsxSink(path, sample=sample)
    if fmt == "csv":
        return CsvSink(path)
    if fmt == "json":
        return JsonSink(path)
    raise ExportRequestError(f"unknown export format {fmt!r}")


def file_stem(export_id: str) -> str:
    """A file and object name from the export id that cannot leave the temp folder."""
    return _UNSAFE.sub("_", export_id).lstrip(".")[:100] or "export"


async def write_export(
    *,
    pool: asyncpg.Pool,
    request: ExportRequest,
    directory: Path,
    chunk_rows: int = 1000,
    sample_rows: int = 500,
) -> ExportFile | None:
    """Write the rows `request` selects to a file in `directory`; None when nothing matched.

    At most one chunk of rows is held in memory; file writing runs in a thread so
    the event loop keeps serving heartbeats and other exports.
    """
    args = query_args(request.filters)
    if request.format not in SUFFIXES:
        raise ExportRequestError(f"unknown export format {request.format!r}")
    path = directory / f"{file_stem(request.export_id)}{SUFFIXES[request.format]}"
    mapper = RowMapper(start_index=args.offset, mask_ids=request.mask_ids)
    total = 0
    async with pool.acquire() as conn:
        # One snapshot for the whole file, even while the gateway keeps writing.
        async with conn.transaction(isolation="repeatable_read", readonly=True):
            cursor = await conn.cursor(EXPORT_SQL, *args.as_tuple())
            rows = list(mapper.map(await cursor.fetch(max(chunk_rows, sample_rows, 1))))
            if not rows:
                return None
            sample = rows[:sample_rows]
            sink = await asyncio.to_thread(open_sink, request.format, path, sample=sample)
            try:
                while rows:
                    await asyncio.to_thread(sink.write, rows)
                    total += len(rows)
                    rows = list(mapper.map(await cursor.fetch(chunk_rows)))
            except BaseException:
                sink.abort()
                raise
    try:
        await asyncio.to_thread(sink.close)
    except BaseException:
        sink.abort()
        raise
    return ExportFile(path=path, rows=total)
