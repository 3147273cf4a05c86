"""The shared worker runtime against a real nats-server: bounds, resizing, errors, drain."""

from __future__ import annotations

import asyncio
import contextlib
import uuid

import httpx
import msgspec
import nats
import pytest
from nats.js.api import AckPolicy, ConsumerConfig, RetentionPolicy, StreamConfig

from docmill_contracts import subjects as s
from docmill_contracts.messages import OcrJob, result_decoder
from docmill_contracts.pipeline import PipelineConfig
from docmill_runtime import natsio
from docmill_runtime.consumer import PullWorker
from docmill_runtime.errors import PermanentError, RetryableError, WaitError
from docmill_runtime.health import serve_health
from docmill_runtime.heartbeat import Heartbeat
from docmill_runtime.pipeline import watch_pipeline, write_pipeline
from docmill_runtime.service import report_document_failure
from docmill_runtime.slots import Slots

pytestmark = pytest.mark.slow


@pytest.fixture
async def js(nats_url):
    nc = await nats.connect(nats_url)
    yield nc.jetstream()
    await nc.close()


@pytest.fixture
async def work(js):
    """A private work-queue stream and durable consumer for one test."""
    name = f"T{uuid.uuid4().hex[:8]}"
    subject = f"test.{name}"
    await js.add_stream(StreamConfig(name=name, subjects=[f"{subject}.>"],
                                     retention=RetentionPolicy.WORK_QUEUE))
    await js.add_consumer(name, ConsumerConfig(durable_name="w", ack_policy=AckPolicy.EXPLICIT,
                                               ack_wait=2, max_deliver=3))
    yield name, subject
    await js.delete_stream(name)


async def publish_jobs(js, subject, n):
    for i in range(n):
        job = OcrJob(document_id=f"d{i}", batch_id="B1", filename=f"d{i}.pdf", object_name="x")
        await js.publish(f"{subject}.B1", msgspec.json.encode(job))


async def until(check, *, within_s: float = 15.0, every_s: float = 0.05) -> None:
    """Poll `check()` (sync or async) until true; state lives in tasks or on the server."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within_s
    while True:
        value = check()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(every_s)


@contextlib.asynccontextmanager
async def running(worker: PullWorker):
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        yield stop
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)


async def test_never_more_in_flight_than_the_limit_and_resize_is_live(js, work):
    stream, subject = work
    slots = Slots(2)
    active, peak, done = 0, 0, []

    async def handler(msg):
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.3)
        active -= 1
        done.append(msg.data)

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=slots, fetch_timeout_s=0.2)
    await publish_jobs(js, subject, 8)
    async with running(worker):
        await until(lambda: len(done) >= 4)
        assert peak == 2
        await slots.resize(4)
        await publish_jobs(js, subject, 8)
        await until(lambda: len(done) >= 16)
    assert peak == 4
    assert (await js.stream_info(stream)).state.messages == 0  # every message acked


async def test_permanent_error_terms_and_reports_a_failure(js, work, nats_url):
    stream, subject = work
    failures = []

    async def handler(msg):
        raise PermanentError("encrypted PDF (password required)")

    async def on_failure(msg, reason, permanent):
        failures.append((reason, permanent))

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=Slots(1), on_failure=on_failure, fetch_timeout_s=0.2)
    await publish_jobs(js, subject, 1)
    async with running(worker):
        await until(lambda: failures)
    assert failures == [("encrypted PDF (password required)", True)]
    info = await js.consumer_info(stream, "w")
    assert info.num_redelivered == 0 and info.num_ack_pending == 0


async def test_retryable_error_is_retried_then_reported_on_the_last_delivery(js, work):
    stream, subject = work
    deliveries, failures = [], []

    async def handler(msg):
        deliveries.append(msg.metadata.num_delivered)
        raise RetryableError("LLM 503", delay=0.1)

    async def on_failure(msg, reason, permanent):
        failures.append((reason, permanent))

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=Slots(1), on_failure=on_failure, fetch_timeout_s=0.2,
                        max_deliver=3)
    await publish_jobs(js, subject, 1)
    async with running(worker):
        await until(lambda: failures)
    assert deliveries == [1, 2, 3]
    assert failures == [("gave up after 3 attempts: LLM 503", False)]
    assert (await js.stream_info(stream)).state.messages == 0


async def test_poison_message_is_terminated_without_a_retry(js, work):
    stream, subject = work
    seen = []

    async def handler(msg):
        seen.append(msg.data)
        msgspec.json.decode(msg.data, type=OcrJob)

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=Slots(1), fetch_timeout_s=0.2)
    await js.publish(f"{subject}.B1", b'{"document_id": 7}')
    async with running(worker):
        await until(lambda: seen)
        await asyncio.sleep(2.5)  # past ack_wait: a nak'd or unacked message would be back
    assert len(seen) == 1
    assert (await js.stream_info(stream)).state.messages == 0


async def test_stop_waits_for_in_flight_work_to_finish(js, work):
    stream, subject = work
    finished = []

    async def handler(msg):
        await asyncio.sleep(1.0)
        finished.append(msg.data)

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=Slots(2), fetch_timeout_s=0.2, grace_period_s=10)
    await publish_jobs(js, subject, 5)
    async with running(worker):
        async def two_in_flight():
            return (await js.consumer_info(stream, "w")).num_ack_pending >= 2

        await until(two_in_flight)
    # Stopped while two were in flight: both finished and were acked; three stay queued.
    assert len(finished) == 2
    info = await js.consumer_info(stream, "w")
    assert info.num_ack_pending == 0
    assert (await js.stream_info(stream)).state.messages == 3


async def test_heartbeat_keeps_a_long_message_from_redelivery(js, work):
    stream, subject = work
    deliveries = []

    async def handler(msg):
        deliveries.append(msg.metadata.num_delivered)
        async with Heartbeat(msg, interval_s=0.5):
            await asyncio.sleep(4.0)  # twice the consumer's 2 s ack_wait

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=Slots(2), fetch_timeout_s=0.2)
    await publish_jobs(js, subject, 1)
    async with running(worker):
        async def drained():
            return (await js.stream_info(stream)).state.messages == 0

        await until(drained, every_s=0.1)
    assert deliveries == [1]


async def test_pipeline_watch_sees_the_current_value_and_every_change(js):
    await natsio.ensure_topology(js)
    await write_pipeline(js, PipelineConfig(ocr_workers=3))
    seen: list[int] = []
    stop = asyncio.Event()

    async def on_change(config):
        seen.append(config.ocr_workers)
        if len(seen) == 2:
            stop.set()

    task = asyncio.create_task(watch_pipeline(js, stop=stop, on_change=on_change))
    await until(lambda: seen)
    await write_pipeline(js, PipelineConfig(ocr_workers=7))
    await asyncio.wait_for(task, 10)
    assert seen == [3, 7]


async def test_failure_report_is_a_document_failed_result(js):
    await natsio.ensure_topology(js)
    sub = await js.subscribe("docmill.results.BR", ordered_consumer=True)
    nc = js._nc
    job = OcrJob(document_id="bad", batch_id="BR", filename="bad.pdf", object_name="x")
    msg = nats.aio.msg.Msg(nc, subject="docmill.ocr.BR", data=msgspec.json.encode(job),
                           headers={s.HEADER_REQUEST_ID: "rid-1"})
    await report_document_failure(js, msg, "corrupt PDF", True, stage="ocr")
    got = await sub.next_msg(timeout=5)
    result = result_decoder.decode(got.data)
    assert (result.document_id, result.stage, result.reason, result.permanent) == (
        "bad", "ocr", "corrupt PDF", True)
    assert got.headers[s.HEADER_REQUEST_ID] == "rid-1"


async def test_health_endpoint_reports_state_and_metrics():
    state = {"ok": True, "service": "t"}
    server = await serve_health(host="127.0.0.1", port=0, check=lambda: state)
    port = server.sockets[0].getsockname()[1]
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            assert (await client.get("/healthz")).json() == state
            state["ok"] = False
            assert (await client.get("/healthz")).status_code == 503
            metrics = await client.get("/metrics")
            assert "docmill_messages_total" in metrics.text
    finally:
        server.close()


async def test_waiting_on_a_dependency_uses_up_no_delivery(js, work):
    stream, subject = work
    calls = []

    async def handler(msg):
        calls.append(msg.metadata.num_delivered)
        if len(calls) < 6:  # more waits than the consumer's max_deliver of 3
            raise WaitError("breaker open", delay=0.2)

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=Slots(1), fetch_timeout_s=0.2, max_deliver=3)
    await publish_jobs(js, subject, 1)
    async with running(worker):
        await until(lambda: len(calls) == 6)

        async def drained():
            return (await js.stream_info(stream)).state.messages == 0

        await until(drained)
    assert calls == [1] * 6  # held and retried in place: still the first delivery


async def test_a_wait_past_the_hold_limit_is_a_retry(js, work):
    stream, subject = work
    calls = []

    async def handler(msg):
        calls.append(msg.metadata.num_delivered)
        if len(calls) < 3:
            raise WaitError("breaker open", delay=0.3)

    worker = PullWorker(js=js, stream=stream, durable="w", stage="t", handler=handler,
                        slots=Slots(1), fetch_timeout_s=0.2, max_hold_s=0.1)
    await publish_jobs(js, subject, 1)
    async with running(worker):
        await until(lambda: len(calls) == 3, within_s=20)
    assert calls == [1, 2, 3]  # nak'd each time: redelivered


async def test_a_rerun_failing_again_is_reported_again(js):
    await natsio.ensure_topology(js)
    sub = await js.subscribe("docmill.results.RR", ordered_consumer=True)
    nc = js._nc
    for attempt in (1, 2):  # the same document dispatched again after rerun-failed
        job = OcrJob(document_id="again", batch_id="RR", filename="a.pdf", object_name="x",
                     attempt=attempt)
        msg = nats.aio.msg.Msg(nc, subject="docmill.ocr.RR", data=msgspec.json.encode(job))
        await report_document_failure(js, msg, f"corrupt PDF #{attempt}", True, stage="ocr")
    reasons = [result_decoder.decode((await sub.next_msg(timeout=5)).data).reason
               for _ in range(2)]
    assert reasons == ["corrupt PDF #1", "corrupt PDF #2"]
