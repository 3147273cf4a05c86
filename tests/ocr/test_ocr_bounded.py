"""Stage-2 backpressure: a full EXTRACT stream makes OCR wait, never lose or duplicate work."""

from __future__ import annotations

import asyncio
import dataclasses

import msgspec
import pytest

from docmill_contracts import streams
from docmill_contracts import subjects as s
from docmill_contracts.messages import ExtractJob, progress_decoder
from docmill_runtime.natsio import set_stage2_queue_size
from docmill_runtime.testing import fetch_one

from .support import next_extract, submit, text_pdf

# Real nats-server and worker processes: seconds per test.
pytestmark = pytest.mark.slow

ACK_WAIT_S = 2.0


async def test_full_extract_stream_blocks_ocr_without_loss_or_duplicates(js, start_ocr):
    await set_stage2_queue_size(js, 1)
    # A short ack wait: without heart-beating, the OCR job would be redelivered while waiting.
    await js.delete_consumer(s.STREAM_OCR, s.CONSUMER_OCR)
    consumer = streams.work_consumer(s.CONSUMER_OCR, s.OCR)
    await js.add_consumer(s.STREAM_OCR, dataclasses.replace(consumer, ack_wait=ACK_WAIT_S))
    blocker = ExtractJob(document_id="blocker", batch_id="fill", filename="blocker.pdf")
    await js.publish(s.batch_subject(s.EXTRACT, "fill"), msgspec.json.encode(blocker))
    worker = start_ocr()

    job = await submit(js, text_pdf(["Deed text waiting for a free stage-2 slot"]), batch="wait")
    await asyncio.sleep(ACK_WAIT_S * 3)

    extract_info = await js.stream_info(s.STREAM_EXTRACT)
    assert extract_info.state.messages == 1  # only the blocker: the bound holds
    ocr_consumer = await js.consumer_info(s.STREAM_OCR, s.CONSUMER_OCR)
    assert ocr_consumer.num_ack_pending == 1  # our job is held, in progress
    assert ocr_consumer.num_redelivered == 0  # ...and heart-beaten, not redelivered
    assert ocr_consumer.delivered.consumer_seq == 1
    assert worker.health()["in_flight"] == 1

    first = await fetch_one(js, stream=s.STREAM_EXTRACT, durable=s.CONSUMER_EXTRACT)
    assert msgspec.json.decode(first.data)["document_id"] == "blocker"
    extract, _ = await next_extract(js, wait_s=30)
    assert extract.document_id == job.document_id
    assert "free stage-2 slot" in extract.pages[0].text

    with pytest.raises(TimeoutError):  # exactly one ExtractJob for the document
        await fetch_one(js, stream=s.STREAM_EXTRACT, durable=s.CONSUMER_EXTRACT, wait_s=3)
    ocr_consumer = await js.consumer_info(s.STREAM_OCR, s.CONSUMER_OCR)
    assert ocr_consumer.num_ack_pending == 0
    assert ocr_consumer.num_redelivered == 0

    sub = await js.subscribe(s.batch_subject(s.EVENTS, "wait"), ordered_consumer=True)
    statuses = []
    while "done" not in statuses:
        statuses.append(progress_decoder.decode((await sub.next_msg(timeout=5)).data).status)
    await sub.unsubscribe()
    assert statuses.count("waiting") == 1
