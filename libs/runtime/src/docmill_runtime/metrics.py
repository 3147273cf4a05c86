"""Prometheus metrics every worker exposes on /metrics."""

from prometheus_client import Counter, Gauge, Histogram

MESSAGES = Counter(
    "docmill_messages_total", "Messages handled, by stage and outcome", ["stage", "outcome"]
)
HANDLE_SECONDS = Histogram(
    "docmill_handle_seconds",
    "Time to handle one message",
    ["stage"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)
IN_FLIGHT = Gauge("docmill_in_flight", "Handlers running now", ["stage"])
CONCURRENCY = Gauge("docmill_concurrency_limit", "Handlers allowed at once", ["stage"])
STAGE2_WAITS = Counter(
    "docmill_bounded_publish_waits_total",
    "Waits because the next stage's queue was full",
    ["stage"],
)
