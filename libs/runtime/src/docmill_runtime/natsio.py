"""Connecting to NATS, creating the topology, and publishing docmill messages."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import msgspec
import nats
import structlog
from nats.aio.client import Client
from nats.js import JetStreamContext
from nats.js.errors import (
    BadRequestError,
    BucketNotFoundError,
    NotFoundError,
    ServiceUnavailableError,
)

from docmill_contracts import streams
from docmill_contracts import subjects as s

log = structlog.get_logger(__name__)

STREAM_FULL_ERR_CODE = 10077


async def connect(url: str, *, name: str, attempts: int = 60, delay_s: float = 0.5) -> Client:
    """Connect with retry: services may start before nats-server is ready."""
    last: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            return await nats.connect(
                url,
                name=name,
                connect_timeout=2,
                max_reconnect_attempts=-1,
                reconnect_time_wait=1,
                allow_reconnect=True,
            )
        except Exception as err:  # noqa: BLE001 - any connect failure is retried
            last = err
            if attempt in (1, 10) or attempt % 20 == 0:
                log.warning("nats_connect_retry", url=url, attempt=attempt, error=str(err))
            await asyncio.sleep(delay_s)
    raise ConnectionError(f"cannot reach NATS at {url}: {last}")


async def ensure_topology(js: JetStreamContext, *, stage2_queue_size: int | None = None) -> None:
    """Create every stream, consumer, bucket and object store that is missing.

    Existing streams keep their config, except EXTRACT's bound when
    `stage2_queue_size` is given (only the gateway owns that knob).
    """
    configs = streams.stream_configs(
        stage2_queue_size=stage2_queue_size or streams.DEFAULT_STAGE2_QUEUE_SIZE
    )
    for config in configs:
        try:
            info = await js.stream_info(config.name)
        except NotFoundError:
            try:
                await js.add_stream(config)
            except BadRequestError:
                pass  # created concurrently by another service
            continue
        if config.name == s.STREAM_EXTRACT and stage2_queue_size is not None:
            if info.config.max_msgs != stage2_queue_size:
                await set_stage2_queue_size(js, stage2_queue_size)
    for stream, consumer in streams.CONSUMERS.items():
        try:
            await js.consumer_info(stream, consumer.durable_name)
        except NotFoundError:
            await js.add_consumer(stream, consumer)
    for kv in streams.KV_CONFIGS:
        try:
            await js.key_value(kv.bucket)
        except BucketNotFoundError:
            await js.create_key_value(kv)
    for obj in streams.OBJECT_STORES:
        try:
            await js.object_store(obj.bucket)
        except (BucketNotFoundError, NotFoundError):
            await js.create_object_store(bucket=obj.bucket, config=obj)


async def set_stage2_queue_size(js: JetStreamContext, size: int) -> None:
    """Resize the bounded stage-2 queue (EXTRACT max_msgs) live."""
    info = await js.stream_info(s.STREAM_EXTRACT)
    config = info.config
    config.max_msgs = size
    await js.update_stream(config)


def headers_for(*, request_id: str | None, msg_id: str | None) -> dict[str, str] | None:
    """NATS headers carrying the request id end to end and the de-duplication id."""
    headers: dict[str, str] = {}
    if request_id:
        headers[s.HEADER_REQUEST_ID] = request_id
    if msg_id:
        headers[s.HEADER_MSG_ID] = msg_id
    return headers or None


async def publish(
    js: JetStreamContext,
    subject: str,
    message: msgspec.Struct,
    *,
    request_id: str | None = None,
    msg_id: str | None = None,
) -> None:
    """Publish one message to JetStream and wait for the stream's ack."""
    await js.publish(
        subject,
        msgspec.json.encode(message),
        headers=headers_for(request_id=request_id, msg_id=msg_id),
    )


async def publish_bounded(
    js: JetStreamContext,
    subject: str,
    message: msgspec.Struct,
    *,
    request_id: str | None = None,
    msg_id: str | None = None,
    on_wait: Callable[[], Awaitable[None]] | None = None,
    retry_delay_s: float = 0.2,
) -> int:
    """Publish into a bounded (discard-new) stream, waiting while it is full.

    Returns how many times it had to wait. `on_wait` runs on each wait, e.g. to
    heartbeat the message that is being handled so it is not redelivered.
    """
    waits = 0
    payload = msgspec.json.encode(message)
    headers = headers_for(request_id=request_id, msg_id=msg_id)
    while True:
        try:
            await js.publish(subject, payload, headers=headers)
            return waits
        except ServiceUnavailableError as err:
            if err.err_code != STREAM_FULL_ERR_CODE:
                raise
        waits += 1
        if on_wait is not None:
            await on_wait()
        await asyncio.sleep(min(retry_delay_s * (1 + waits // 10), 2.0))


async def publish_event(js: JetStreamContext, event: msgspec.Struct, *, subject: str) -> None:
    """Publish a progress event; losing one is harmless, so errors are only logged."""
    try:
        await js.publish(subject, msgspec.json.encode(event))
    except Exception as err:  # noqa: BLE001
        log.debug("event_publish_failed", error=str(err))
