"""Failed documents: send them back to be processed again, or hand them out as a ZIP."""

from __future__ import annotations

import csv
import io
import itertools
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

import structlog
from nats.js.errors import ObjectNotFoundError

from docmill_contracts import subjects as s
from docmill_gateway.db import failed as db_failed
from docmill_gateway.state import AppState

log = structlog.get_logger(__name__)

CSV_NAME = "failures.csv"
CSV_HEADER = ("filename", "document_id", "stage", "reason", "batch_id")
# Spreadsheets run a cell that starts with one of these as a formula; file names and
# failure reasons are not ours to trust.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, kw_only=True)
class FailedZip:
    path: str
    filename: str
    count: int


async def rerun_failed(*, state: AppState) -> int:
    """Failed documents back to uploaded (the seed's newly_uploaded folder)."""
    async with state.pool.acquire() as conn:
        moved = await db_failed.requeue_failed(conn=conn)
    state.forget("folders")
    state.forget("stats")
    if moved:
        log.info("failed_documents_requeued", count=moved)
    return moved


async def build_failed_zip(*, state: AppState, now: datetime | None = None) -> FailedZip | None:
    """A temp ZIP of every failed original plus failures.csv; None when nothing failed."""
    async with state.pool.acquire() as conn:
        docs = await db_failed.fetch_failed(conn=conn)
    if not docs:
        return None
    now = now or datetime.now(UTC)
    store = await state.js.object_store(s.OBJ_DOCUMENTS)
    fd, path = tempfile.mkstemp(prefix="docmill-failed-", suffix=".zip")
    rows: list[tuple[str, ...]] = []
    used: set[str] = set()
    stamp = now.timetuple()[:6]
    try:
        with os.fdopen(fd, "wb") as out, zipfile.ZipFile(out, "w") as zf:
            for doc in docs:
                arcname = zip_name(doc["filename"], doc["document_id"], used)
                try:
                    # Checked first: once an entry is opened it cannot be taken back.
                    await store.get_info(doc["object_name"])
                except ObjectNotFoundError:
                    log.warning("failed_original_missing", document_id=doc["document_id"])
                    arcname = ""
                else:
                    # PDFs are compressed already; storing them costs no CPU on the loop.
                    info = zipfile.ZipInfo(arcname, date_time=stamp)
                    with zf.open(info, "w") as entry:
                        await store.get(doc["object_name"], writeinto=entry)
                rows.append(
                    (
                        arcname,
                        doc["document_id"],
                        doc["failure_stage"] or "",
                        doc["failure_reason"] or "",
                        doc["batch_id"],
                    )
                )
            csv_info = zipfile.ZipInfo(CSV_NAME, date_time=stamp)
            zf.writestr(csv_info, failures_csv(rows), compress_type=zipfile.ZIP_DEFLATED)
    except BaseException:
        os.unlink(path)
        raise
    return FailedZip(path=path, filename=f"failed_pdfs_{now:%Y%m%d_%H%M%S}.zip", count=len(docs))


def zip_name(filename: str, document_id: str, used: set[str]) -> str:
    """The original file name, or one made from the unique document id on a clash."""
    base = PurePath(filename.replace("\\", "/")).name or f"{document_id}.pdf"
    fallbacks = (f"{document_id}_{n}.pdf" for n in itertools.count(2))
    for name in itertools.chain((base, f"{document_id}.pdf"), fallbacks):
        # Case-insensitive: the ZIP is unpacked on Windows and macOS too.
        if name.lower() not in used:
            used.add(name.lower())
            return name
    raise AssertionError("unreachable")


def failures_csv(rows: list[tuple[str, ...]]) -> bytes:
    """The failures table, UTF-8 with a BOM so spreadsheets read non-ASCII names right."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow([_defuse(cell) for cell in row])
    return buf.getvalue().encode("utf-8-sig")


def _defuse(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def remove_file(path: str) -> None:
    """Background task: delete the temp ZIP once the response was sent."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
