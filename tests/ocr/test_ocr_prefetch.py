"""The OCR worker holds one document beyond `ocr_workers`, read once a pool process is free."""

from __future__ import annotations

import asyncio

from docmill_contracts import subjects as s
from docmill_contracts.pipeline import PipelineConfig
from docmill_runtime.pipeline import write_pipeline

from .support import next_extract, scanned_pdf, submit

TEXTS = [
    "FIRST SALE DEED REGISTERED AT JAYANAGAR",
    "SECOND SALE DEED REGISTERED AT MALLESWARAM",
    "THIRD SALE DEED REGISTERED AT BASAVANAGUDI",
]


async def _held(js) -> int:
    info = await js.consumer_info(s.STREAM_OCR, s.CONSUMER_OCR)
    return info.num_ack_pending


async def test_one_document_is_prefetched_beyond_the_workers(js, start_ocr):
    await write_pipeline(js, PipelineConfig(ocr_workers=1))
    worker = start_ocr()
    health = worker.health() or {}
    assert health.get("concurrency") == 2, worker.log_tail()

    jobs = [await submit(js, scanned_pdf([text] * 3), batch="pre") for text in TEXTS]
    # Three pages each on one pool process: the second document is held while the first
    # is read, and never a third.
    most = 0
    for _ in range(600):
        most = max(most, await _held(js))
        if most >= 2:
            break
        await asyncio.sleep(0.05)
    assert most == 2, worker.log_tail()
    assert await _held(js) <= 2

    extracts = [(await next_extract(js))[0] for _ in jobs]
    assert [e.document_id for e in extracts] == [j.document_id for j in jobs]
    for extract, text in zip(extracts, TEXTS, strict=True):
        assert [p.source for p in extract.pages] == ["tesseract"] * 3
        assert text.split()[0] in extract.pages[0].text


async def test_prefetch_can_be_turned_off(js, start_ocr):
    await write_pipeline(js, PipelineConfig(ocr_workers=1))
    worker = start_ocr(DOCMILL_OCR_PREFETCH="0")
    assert (worker.health() or {}).get("concurrency") == 1, worker.log_tail()
