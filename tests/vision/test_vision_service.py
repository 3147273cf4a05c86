"""The vision worker runs, reports health, and answers every VisionJob honestly."""

from __future__ import annotations

from pathlib import Path

import msgspec
import nats
import pytest

from docmill_contracts import subjects as s
from docmill_contracts.messages import FeeFound, VisionJob, progress_decoder, result_decoder
from docmill_devstack.nats import start_nats
from docmill_runtime.natsio import ensure_topology
from docmill_runtime.testing import fetch_one, start_worker_process

# Real nats-server and worker processes: seconds per test.
pytestmark = pytest.mark.slow


async def test_vision_job_gets_fee_found_with_reason(tmp_path: Path):
    server = start_nats(tmp_path / "nats")  # private: the VISION stream is global
    worker = None
    nc = await nats.connect(server.url)
    try:
        js = nc.jetstream()
        await ensure_topology(js)
        worker = start_worker_process(
            "docmill_vision", nats_url=server.url, log_path=tmp_path / "vision.log"
        )
        health = worker.health()
        assert health is not None and health["ok"] is True
        assert health["service"] == "vision"

        job = VisionJob(
            document_id="deed-v",
            batch_id="vis1",
            filename="d.pdf",
            object_name="vis1/d.pdf",
            attempt=2,
            candidate_pages=[3, 2],
        )
        await js.publish(
            s.batch_subject(s.VISION, "vis1"),
            msgspec.json.encode(job),
            headers={s.HEADER_REQUEST_ID: "rq-v"},
        )

        msg = await fetch_one(js, stream=s.STREAM_RESULTS, durable=s.CONSUMER_RESULTS, wait_s=30)
        found = result_decoder.decode(msg.data)
        assert isinstance(found, FeeFound), found
        assert msg.subject == "docmill.results.vis1"
        assert found.document_id == "deed-v"
        assert found.registration_fee is None  # no fake fees
        assert found.reason == "vision detector not installed"
        assert msg.headers[s.HEADER_MSG_ID] == "deed-v:vision:2"
        assert msg.headers[s.HEADER_REQUEST_ID] == "rq-v"

        sub = await js.subscribe(s.batch_subject(s.EVENTS, "vis1"), ordered_consumer=True)
        events = [progress_decoder.decode((await sub.next_msg(timeout=5)).data) for _ in range(2)]
        assert [(e.stage, e.status) for e in events] == [("vision", "started"), ("vision", "done")]
        assert (await js.stream_info(s.STREAM_VISION)).state.messages == 0  # acked
        assert worker.stop() == 0, worker.log_tail()
    finally:
        if worker is not None:
            worker.stop()
        await nc.drain()
        server.stop()
