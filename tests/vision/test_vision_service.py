"""The vision worker as a process over a real nats-server: VisionJob in, FeeFound out."""

from __future__ import annotations

import asyncio
from pathlib import Path

import msgspec
import nats
import pytest

from docmill_contracts import subjects as s
from docmill_contracts.messages import FeeFound, VisionJob, progress_decoder, result_decoder
from docmill_devstack.nats import start_nats
from docmill_runtime.natsio import ensure_topology
from docmill_runtime.testing import fetch_one, start_worker_process
from docmill_synth import generate_deed
from docmill_synth.feedeed import deed_with_fee_table

pytestmark = pytest.mark.slow


async def _publish_job(js, job: VisionJob, *, request_id: str) -> None:
    await js.publish(
        s.batch_subject(s.VISION, job.batch_id),
        msgspec.json.encode(job),
        headers={s.HEADER_REQUEST_ID: request_id},
    )


async def test_vision_job_becomes_fee_found_with_the_right_fee(tmp_path: Path) -> None:
    server = start_nats(tmp_path / "nats")  # private: the VISION stream is global
    worker = None
    nc = await nats.connect(server.url)
    try:
        js = nc.jetstream()
        await ensure_topology(js)
        store = await js.object_store(s.OBJ_DOCUMENTS)
        deed = deed_with_fee_table(4242, family="holdout", table_family="holdout")
        await store.put("vis1/fee.pdf", deed.pdf)
        await store.put("vis1/plain.pdf", generate_deed(11, family="holdout").pdf)

        worker = start_worker_process(
            "docmill_vision",
            nats_url=server.url,
            log_path=tmp_path / "vision.log",
            env={"DOCMILL_VISION_HEARTBEAT_S": "1", "DOCMILL_VISION_PROCESSES": "1"},
        )
        health = worker.health()
        assert health is not None and health["ok"] is True and health["service"] == "vision"

        job = VisionJob(
            document_id="deed-v",
            batch_id="vis1",
            filename="fee.pdf",
            object_name="vis1/fee.pdf",
            attempt=2,
        )
        await _publish_job(js, job, request_id="rq-v")
        msg = await fetch_one(js, stream=s.STREAM_RESULTS, durable=s.CONSUMER_RESULTS, wait_s=90)
        found = result_decoder.decode(msg.data)
        assert isinstance(found, FeeFound), found
        assert msg.subject == "docmill.results.vis1"
        assert (found.document_id, found.registration_fee) == ("deed-v", deed.registration_fee)
        assert found.page == deed.fee_page and found.box is not None and found.reason is None
        assert msg.headers[s.HEADER_MSG_ID] == "deed-v:vision:2"
        assert msg.headers[s.HEADER_REQUEST_ID] == "rq-v"

        sub = await js.subscribe(s.batch_subject(s.EVENTS, "vis1"), ordered_consumer=True)
        events = []
        while not events or events[-1].status != "done":
            events.append(progress_decoder.decode((await sub.next_msg(timeout=5)).data))
        assert events[0].status == "started" and {e.stage for e in events} == {"vision"}
        assert any(e.status == "page" for e in events)
        await sub.unsubscribe()

        plain = VisionJob(
            document_id="deed-p",
            batch_id="vis1",
            filename="plain.pdf",
            object_name="vis1/plain.pdf",
        )
        await _publish_job(js, plain, request_id="rq-p")
        msg = await fetch_one(js, stream=s.STREAM_RESULTS, durable=s.CONSUMER_RESULTS, wait_s=90)
        missing = result_decoder.decode(msg.data)
        assert isinstance(missing, FeeFound) and missing.registration_fee is None
        assert missing.reason and missing.reason.startswith("no fee table found")
        for _ in range(50):  # the worker acks right after publishing the result
            if (await js.stream_info(s.STREAM_VISION)).state.messages == 0:
                break
            await asyncio.sleep(0.1)
        assert (await js.stream_info(s.STREAM_VISION)).state.messages == 0
        assert "detector_loaded" in worker.log_tail(200)
        assert worker.stop() == 0, worker.log_tail()
    finally:
        if worker is not None:
            worker.stop()
        await nc.drain()
        server.stop()


async def test_worker_refuses_to_start_with_a_broken_model(tmp_path: Path) -> None:
    server = start_nats(tmp_path / "nats")
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"not a model")
    try:
        with pytest.raises(RuntimeError, match="cannot load ONNX model"):
            start_worker_process(
                "docmill_vision",
                nats_url=server.url,
                log_path=tmp_path / "vision.log",
                env={"DOCMILL_YOLO_MODEL": str(bad)},
                timeout=60,
            )
    finally:
        server.stop()
