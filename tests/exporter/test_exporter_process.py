"""`python -m docmill_exporter` as a process: env settings, run_worker, reply, clean SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import uuid

import nats
import pytest
from exporter_data import Dataset

from docmill_contracts import subjects as s
from docmill_contracts.messages import ExportFilters, ExportRequest, export_ready_decoder
from docmill_runtime import natsio

pytestmark = pytest.mark.slow


async def test_service_process_answers_and_stops_cleanly(
    nats_url: str, seeded_db: str, pg_reader_dsn: str, dataset: Dataset
) -> None:
    env = {
        **os.environ,
        "NATS_URL": nats_url,
        "DATABASE_URL_READONLY": pg_reader_dsn,
        "DOCMILL_LOG_FORMAT": "json",
        "DOCMILL_HEALTH_PORT": "0",
    }
    env.pop("DATABASE_URL", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "docmill_exporter",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    nc = await nats.connect(nats_url)
    try:
        # The gateway creates the topology too; the request then waits in EXPORT for the worker.
        await natsio.ensure_topology(nc.jetstream())
        inbox = nc.new_inbox()
        sub = await nc.subscribe(inbox, max_msgs=1)
        export_id = uuid.uuid4().hex
        request = ExportRequest(
            export_id=export_id,
            reply_to=inbox,
            format="csv",
            filename="BATCH_B.csv",
            filters=ExportFilters(batch_ids=["BATCH_B"]),
        )
        await natsio.publish(nc.jetstream(), f"{s.EXPORT}.{export_id}", request)
        ready = export_ready_decoder.decode((await sub.next_msg(timeout=60)).data)
        expected = [d for d in dataset.done() if d.batch_id == "BATCH_B"]
        assert ready.error is None
        assert ready.rows == dataset.rows_of(expected)
        info = await (await nc.jetstream().object_store(s.OBJ_EXPORTS)).get_info(ready.object_name)
        assert info.size > 0
    finally:
        await nc.drain()
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, output.decode(errors="replace")[-2000:]
    assert b"export_done" in output
