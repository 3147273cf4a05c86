"""Object-store helpers: stream a file to disk, claim-check page text."""

from __future__ import annotations

from pathlib import Path

import msgspec
from nats.js import JetStreamContext
from nats.js.errors import NotFoundError, ObjectNotFoundError

from docmill_contracts import subjects as s
from docmill_contracts.messages import PageText
from docmill_runtime.errors import PermanentError

_pages_decoder = msgspec.json.Decoder(list[PageText])


class ObjectMissingError(PermanentError):
    """The object a message points to is not in the store."""


async def fetch_to_file(
    js: JetStreamContext, *, bucket: str, name: str, dest: Path, max_bytes: int | None = None
) -> int:
    """Stream object `name` into `dest` chunk by chunk; return its size in bytes."""
    store = await js.object_store(bucket)
    try:
        if max_bytes is not None:
            info = await store.get_info(name)
            if (info.size or 0) > max_bytes:
                raise ObjectTooLargeError(
                    f"file too large ({info.size:,} bytes, limit {max_bytes:,})"
                )
        with dest.open("wb") as out:
            result = await store.get(name, writeinto=out)  # type: ignore[arg-type]
    except (ObjectNotFoundError, NotFoundError):
        raise ObjectMissingError(f"object {name!r} not found in store {bucket!r}") from None
    return int(result.info.size or 0)


class ObjectTooLargeError(PermanentError):
    """The object is over the size a worker accepts."""


def text_object_name(document_id: str, attempt: int) -> str:
    """Where a document's page text goes when it is too big to travel inline."""
    return f"text/{document_id}/{attempt}.json"


async def put_pages(js: JetStreamContext, *, name: str, pages: list[PageText]) -> None:
    """Store page text in `documents` (claim-check) under `name`."""
    store = await js.object_store(s.OBJ_DOCUMENTS)
    await store.put(name, msgspec.json.encode(pages))


async def get_pages(js: JetStreamContext, *, name: str) -> list[PageText]:
    """Fetch claim-checked page text stored by `put_pages`."""
    store = await js.object_store(s.OBJ_DOCUMENTS)
    try:
        result = await store.get(name)
    except (ObjectNotFoundError, NotFoundError):
        raise ObjectMissingError(f"page text {name!r} not found in object store") from None
    return _pages_decoder.decode(result.data or b"[]")
