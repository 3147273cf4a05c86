"""Read and watch the live configuration in KV `pipeline`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import msgspec
import structlog
from nats.js import JetStreamContext
from nats.js.errors import KeyNotFoundError
from nats.js.kv import KeyValue

from docmill_contracts import subjects as s
from docmill_contracts.pipeline import PipelineConfig, pipeline_decoder

log = structlog.get_logger(__name__)


async def read_pipeline(js: JetStreamContext) -> PipelineConfig:
    """The current PipelineConfig, or defaults when none was written yet."""
    kv = await js.key_value(s.KV_PIPELINE)
    try:
        entry = await kv.get(s.PIPELINE_KEY)
    except KeyNotFoundError:
        return PipelineConfig()
    return decode_pipeline(entry.value)


def decode_pipeline(raw: bytes | None) -> PipelineConfig:
    """Decode a stored config; a malformed one falls back to defaults, loudly."""
    if not raw:
        return PipelineConfig()
    try:
        return pipeline_decoder.decode(raw)
    except msgspec.DecodeError as err:
        log.error("pipeline_config_invalid", error=str(err))
        return PipelineConfig()


async def write_pipeline(js: JetStreamContext, config: PipelineConfig) -> None:
    """Store a new PipelineConfig; every watching worker applies it."""
    kv = await js.key_value(s.KV_PIPELINE)
    await kv.put(s.PIPELINE_KEY, msgspec.json.encode(config))


async def watch_pipeline(
    js: JetStreamContext,
    *,
    stop: asyncio.Event,
    on_change: Callable[[PipelineConfig], Awaitable[None]],
) -> None:
    """Call `on_change` with the current config and again on every change until stop."""
    kv: KeyValue = await js.key_value(s.KV_PIPELINE)
    watcher = await kv.watch(s.PIPELINE_KEY)
    try:
        while not stop.is_set():
            try:
                entry = await watcher.updates(timeout=1.0)
            except TimeoutError:
                continue
            except Exception as err:  # noqa: BLE001 - reconnecting; keep the last config
                log.warning("pipeline_watch_error", error=str(err))
                await asyncio.sleep(1.0)
                continue
            if entry is None:  # end of the initial snapshot
                continue
            if entry.operation in ("DEL", "PURGE"):
                await on_change(PipelineConfig())
            else:
                await on_change(decode_pipeline(entry.value))
    finally:
        try:
            await watcher.stop()
        except Exception:  # noqa: BLE001
            pass
