"""Stream, consumer, KV and object-store definitions with their limits."""

from __future__ import annotations

from nats.js.api import (
    AckPolicy,
    ConsumerConfig,
    DiscardPolicy,
    KeyValueConfig,
    ObjectStoreConfig,
    RetentionPolicy,
    StorageType,
    StreamConfig,
)

from docmill_contracts import subjects as s

# Stage 1 is kept shallow by the dispatcher; this is a hard ceiling on top.
OCR_STREAM_MAX_MSGS = 1000
DEFAULT_STAGE2_QUEUE_SIZE = 1
MAX_DELIVER = 5
# Claim-check: inline page text above this size goes to the object store.
INLINE_TEXT_LIMIT = 256 * 1024
MAX_PAYLOAD = 1024 * 1024
ACK_WAIT_S = 60.0
EVENTS_MAX_AGE_S = 15 * 60
RESULTS_MAX_AGE_S = 7 * 24 * 3600
EXPORTS_TTL_S = 3600
CACHE_TTL_S = 24 * 3600
DUPLICATE_WINDOW_S = 120.0


def work_stream(name: str, stage: str, *, max_msgs: int = -1) -> StreamConfig:
    """A WorkQueue stream on disk; bounded streams refuse new messages when full."""
    return StreamConfig(
        name=name,
        subjects=[s.wildcard(stage)],
        retention=RetentionPolicy.WORK_QUEUE,
        storage=StorageType.FILE,
        max_msgs=max_msgs,
        discard=DiscardPolicy.NEW,
        max_msg_size=MAX_PAYLOAD,
        duplicate_window=DUPLICATE_WINDOW_S,
    )


def stream_configs(*, stage2_queue_size: int = DEFAULT_STAGE2_QUEUE_SIZE) -> list[StreamConfig]:
    """Every stream docmill needs, in the order they should be created."""
    return [
        work_stream(s.STREAM_OCR, s.OCR, max_msgs=OCR_STREAM_MAX_MSGS),
        work_stream(s.STREAM_EXTRACT, s.EXTRACT, max_msgs=stage2_queue_size),
        work_stream(s.STREAM_VISION, s.VISION),
        work_stream(s.STREAM_EXPORT, s.EXPORT),
        StreamConfig(
            name=s.STREAM_RESULTS,
            subjects=[s.wildcard(s.RESULTS)],
            retention=RetentionPolicy.LIMITS,
            storage=StorageType.FILE,
            max_age=RESULTS_MAX_AGE_S,
            max_msg_size=MAX_PAYLOAD,
            duplicate_window=DUPLICATE_WINDOW_S,
        ),
        StreamConfig(
            name=s.STREAM_EVENTS,
            subjects=[s.wildcard(s.EVENTS)],
            retention=RetentionPolicy.LIMITS,
            storage=StorageType.FILE,
            max_age=EVENTS_MAX_AGE_S,
            max_msgs=100_000,
            discard=DiscardPolicy.OLD,
        ),
    ]


def work_consumer(durable: str, stage: str, *, max_ack_pending: int = 64) -> ConsumerConfig:
    """The one durable pull consumer all replicas of a service share."""
    return ConsumerConfig(
        durable_name=durable,
        filter_subject=s.wildcard(stage),
        ack_policy=AckPolicy.EXPLICIT,
        ack_wait=ACK_WAIT_S,
        max_deliver=MAX_DELIVER,
        max_ack_pending=max_ack_pending,
    )


# stream name -> consumer config for it
CONSUMERS: dict[str, ConsumerConfig] = {
    s.STREAM_OCR: work_consumer(s.CONSUMER_OCR, s.OCR),
    s.STREAM_EXTRACT: work_consumer(s.CONSUMER_EXTRACT, s.EXTRACT),
    s.STREAM_VISION: work_consumer(s.CONSUMER_VISION, s.VISION),
    s.STREAM_EXPORT: work_consumer(s.CONSUMER_EXPORT, s.EXPORT),
    s.STREAM_RESULTS: work_consumer(s.CONSUMER_RESULTS, s.RESULTS, max_ack_pending=256),
}

KV_CONFIGS = [
    KeyValueConfig(bucket=s.KV_PIPELINE, history=5, storage=StorageType.FILE),
    KeyValueConfig(bucket=s.KV_BATCHES, history=1, storage=StorageType.FILE),
    KeyValueConfig(bucket=s.KV_CACHE, history=1, ttl=CACHE_TTL_S, storage=StorageType.FILE),
]

OBJECT_STORES = [
    ObjectStoreConfig(bucket=s.OBJ_DOCUMENTS, storage=StorageType.FILE),
    ObjectStoreConfig(bucket=s.OBJ_EXPORTS, storage=StorageType.FILE, ttl=EXPORTS_TTL_S),
]


def max_deliveries_advisory(stream: str, consumer: str) -> str:
    """Subject JetStream publishes to when a message ran out of deliveries."""
    return f"$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.{stream}.{consumer}"
