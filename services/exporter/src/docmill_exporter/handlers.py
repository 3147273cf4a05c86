"""One handler: an ExportRequest in, a file in object store `exports`, an ExportReady out."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import msgspec
import structlog
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js.api import ObjectMeta
from nats.js.object_store import ObjectStore

from docmill_contracts import subjects as s
from docmill_contracts.messages import ExportReady, ExportRequest, export_request_decoder
from docmill_exporter.errors import ExporterError
from docmill_exporter.export import write_export
from docmill_runtime.consumer import Handler, request_id_of
from docmill_runtime.heartbeat import Heartbeat

log = structlog.get_logger(__name__)


@dataclass(frozen=True, kw_only=True)
class ExportDeps:
    """What the handler needs, built once by the app."""

    pool: asyncpg.Pool
    nc: Client
    exports: ObjectStore
    chunk_rows: int = 1000
    sample_rows: int = 500
    tmp_dir: Path | None = None
    heartbeat_s: float = 10.0


def make_export_handler(deps: ExportDeps) -> Handler:
    """The handler for `docmill.export.<export_id>`."""

    async def handle_export(msg: Msg) -> None:
        try:
            request = export_request_decoder.decode(msg.data)
        except msgspec.DecodeError as err:
            # Answer if we can tell where to, so the gateway does not wait for its timeout;
            # the runtime then terms the message as poison.
            await reply_to_invalid(deps.nc, msg, reason=f"invalid export request: {err}")
            raise
        with structlog.contextvars.bound_contextvars(export_id=request.export_id):
            started = time.monotonic()
            async with Heartbeat(msg, interval_s=deps.heartbeat_s):
                reply = await produce_export(deps, request)
            await send_reply(deps.nc, request, reply, request_id=request_id_of(msg))
            log.info(
                "export_done",
                format=request.format,
                rows=reply.rows,
                object_name=reply.object_name,
                error=reply.error,
                duration_s=round(time.monotonic() - started, 3),
            )

    return handle_export


async def produce_export(deps: ExportDeps, request: ExportRequest) -> ExportReady:
    """Write and upload the export; every failure becomes an ExportReady with the reason."""
    try:
        with tempfile.TemporaryDirectory(prefix="docmill-export-", dir=deps.tmp_dir) as tmp:
            written = await write_export(
                pool=deps.pool,
                request=request,
                directory=Path(tmp),
                chunk_rows=deps.chunk_rows,
                sample_rows=deps.sample_rows,
            )
            if written is None:
                return ExportReady(
                    export_id=request.export_id,
                    object_name=None,
                    filename=request.filename,
                    rows=0,
                )
            object_name = written.path.name
            with written.path.open("rb") as fileobj:
                # A file object makes the client read and send it chunk by chunk.
                await deps.exports.put(
                    object_name,
                    fileobj,  # type: ignore[arg-type]
                    meta=ObjectMeta(name=object_name, description=request.filename),
                )
            return ExportReady(
                export_id=request.export_id,
                object_name=object_name,
                filename=request.filename,
                rows=written.rows,
            )
    except ExporterError as err:
        log.warning("export_refused", error=str(err))
        return _failed(request, str(err))
    except asyncpg.PostgresError as err:
        log.error("export_query_failed", error=str(err))
        return _failed(request, f"database error: {err}")
    except Exception as err:  # noqa: BLE001 - the gateway is waiting for an answer
        log.exception("export_failed")
        return _failed(request, f"export failed: {type(err).__name__}: {err}")


class _ReplyAddress(msgspec.Struct, kw_only=True):
    export_id: str
    reply_to: str
    filename: str = ""


async def reply_to_invalid(nc: Client, msg: Msg, *, reason: str) -> None:
    """Send an error ExportReady for a request that does not decode, when it names a reply_to."""
    try:
        address = msgspec.json.decode(msg.data, type=_ReplyAddress)
    except msgspec.DecodeError:
        return
    reply = ExportReady(
        export_id=address.export_id, object_name=None, filename=address.filename, error=reason
    )
    await nc.publish(address.reply_to, msgspec.json.encode(reply))
    await nc.flush()


def _failed(request: ExportRequest, reason: str) -> ExportReady:
    return ExportReady(
        export_id=request.export_id, object_name=None, filename=request.filename, error=reason
    )


async def send_reply(
    nc: Client, request: ExportRequest, reply: ExportReady, *, request_id: str | None
) -> None:
    """Publish the ExportReady on the core NATS subject the gateway listens on."""
    headers = {s.HEADER_REQUEST_ID: request_id} if request_id else None
    await nc.publish(request.reply_to, msgspec.json.encode(reply), headers=headers)
    await nc.flush()
