"""Accepting uploads: check each file is a real PDF or image, stream it to the object store."""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePath
from typing import BinaryIO

import structlog
from fastapi import UploadFile
from nats.js.api import ObjectMeta

from docmill_contracts import subjects as s
from docmill_contracts.media import HEADER_WINDOW, SUFFIXES, sniff_media_type
from docmill_gateway.db import batches
from docmill_gateway.ocr_options import UploadOcrOptions
from docmill_gateway.state import AppState

log = structlog.get_logger(__name__)

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


@dataclass
class UploadOutcome:
    batch_id: str | None = None
    files: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)


class HashingReader:
    """A file wrapper the object store reads from; hashes and counts as it goes."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readinto(self, buffer: bytearray | memoryview) -> int:
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        if n:
            self.sha256.update(memoryview(buffer)[:n])
            self.size += n
        return n or 0


def new_batch_id(now: datetime | None = None) -> str:
    """`BATCH_YYYYMMDD_HHMMSS_<8 hex>` as in the seed."""
    now = now or datetime.now(UTC)
    return f"BATCH_{now:%Y%m%d_%H%M%S}_{secrets.token_hex(4)}"


def document_id_for(filename: str) -> str:
    """The file's name without extension, with path parts and odd characters removed."""
    stem = PurePath(filename.replace("\\", "/")).stem.strip()
    stem = _UNSAFE.sub("_", stem).strip(" ._")
    return stem[:150] or "document"


def check_upload(upload: UploadFile, *, max_bytes: int) -> tuple[str | None, str | None]:
    """(media type, None) for a PDF or image within limits, else (None, why not).

    The first bytes decide, never the file's name: a PNG named `.pdf` is a PNG.
    """
    size = upload.size
    if size is None:
        upload.file.seek(0, 2)
        size = upload.file.tell()
    upload.file.seek(0)
    if size == 0:
        return None, "empty file (0 bytes)"
    if size > max_bytes:
        limit = max_bytes // 1048576
        return None, f"file too large ({size / 1048576:.1f} MB; the limit is {limit} MB)"
    head = upload.file.read(HEADER_WINDOW)
    upload.file.seek(0)
    media_type = sniff_media_type(head)
    if media_type is None:
        return None, (
            "not a PDF (the file does not start with a %PDF- header) nor a PNG, JPEG or TIFF image"
        )
    return media_type, None


async def ingest_uploads(
    *,
    state: AppState,
    uploads: list[UploadFile],
    options: UploadOcrOptions | None = None,
    request_id: str | None = None,
) -> UploadOutcome:
    """Store every acceptable file under one new batch; report the rest as rejected."""
    outcome = UploadOutcome()
    options = options or UploadOcrOptions()
    accepted: list[tuple[UploadFile, str]] = []  # (file, media type)
    for upload in uploads:
        name = upload.filename or "unnamed"
        media_type, reason = check_upload(upload, max_bytes=state.settings.max_upload_bytes)
        if media_type is None:
            outcome.rejected.append({"filename": name, "reason": reason or "not accepted"})
        else:
            accepted.append((upload, media_type))
    if not accepted:
        return outcome
    batch_id = new_batch_id()
    store = await state.js.object_store(s.OBJ_DOCUMENTS)
    async with state.pool.acquire() as conn, conn.transaction():
        batch_name = document_id_for(accepted[0][0].filename or "batch")
        await batches.insert_batch(conn=conn, batch_id=batch_id, batch_name=batch_name)
        for upload, media_type in accepted:
            filename = PurePath((upload.filename or "document.pdf").replace("\\", "/")).name
            object_name = f"{batch_id}/{uuid.uuid4().hex}{SUFFIXES[media_type]}"
            reader = HashingReader(upload.file)
            await store.put(
                object_name, reader, meta=ObjectMeta(name=object_name, description=filename)
            )
            document_id = await batches.insert_document(
                conn=conn,
                base_id=document_id_for(filename),
                batch_id=batch_id,
                filename=filename,
                object_name=object_name,
                sha256=reader.sha256.hexdigest(),
                size_bytes=reader.size,
                media_type=media_type,
                options=options,
                request_id=request_id,
            )
            outcome.files.append(filename)
            outcome.document_ids.append(document_id)
    outcome.batch_id = batch_id
    log.info(
        "batch_uploaded",
        batch_id=batch_id,
        files=len(outcome.files),
        rejected=len(outcome.rejected),
    )
    return outcome
