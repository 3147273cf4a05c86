"""Running samples through the real OCR and extractor services on a private nats-server."""

from __future__ import annotations

import asyncio
import hashlib
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import msgspec
import nats
import nats.errors
from nats.js.api import ConsumerConfig, DeliverPolicy

from docmill_contracts import subjects as s
from docmill_contracts.messages import (
    DocumentExtracted,
    DocumentFailed,
    FeeFound,
    OcrJob,
    result_decoder,
)
from docmill_contracts.pipeline import PipelineConfig
from docmill_devstack.nats import start_nats
from docmill_eval.corpus import Sample
from docmill_runtime.natsio import ensure_topology
from docmill_runtime.pipeline import write_pipeline
from docmill_runtime.testing import WorkerProcess, start_worker_process

BATCH = "eval"
Outcome = DocumentExtracted | DocumentFailed | None


@contextmanager
def running_workers(*, env: dict[str, str] | None = None) -> Iterator[str]:
    """nats-server plus the OCR and extractor services as processes; yields the NATS URL."""
    base = Path(tempfile.mkdtemp(prefix="docmill-eval-"))
    server = start_nats(base / "nats")
    workers: list[WorkerProcess] = []
    try:
        for module in ("docmill_ocr", "docmill_extractor"):
            workers.append(
                start_worker_process(
                    module, nats_url=server.url, log_path=base / f"{module}.log", env=env or {}
                )
            )
        yield server.url
    finally:
        for worker in workers:
            worker.stop()
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


def _doc_id(sample: Sample) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", sample.filename.removesuffix(".pdf"))


async def run_samples(
    nats_url: str, samples: list[Sample], *, backend: str = "rules", timeout_s: float = 900
) -> dict[str, Outcome]:
    """Submit every sample as an OcrJob; return each document's result by filename."""
    nc = await nats.connect(nats_url)
    js = nc.jetstream()
    await ensure_topology(js)
    # The live config picks the backend, as an operator would.
    await write_pipeline(js, PipelineConfig(llm_backend=backend, ocr_workers=2, llm_workers=2))
    store = await js.object_store(s.OBJ_DOCUMENTS)
    sub = await js.pull_subscribe(
        s.batch_subject(s.RESULTS, BATCH),
        durable=None,
        stream=s.STREAM_RESULTS,
        config=ConsumerConfig(deliver_policy=DeliverPolicy.NEW),
    )
    by_id = {_doc_id(sample): sample for sample in samples}
    results: dict[str, Outcome] = {sample.filename: None for sample in samples}
    try:
        for doc_id, sample in by_id.items():
            name = f"{BATCH}/{sample.filename}"
            await store.put(name, sample.pdf)
            job = OcrJob(
                document_id=doc_id,
                batch_id=BATCH,
                filename=sample.filename,
                object_name=name,
                sha256=hashlib.sha256(sample.pdf).hexdigest(),
                doc_type=sample.doc_type,  # type: ignore[arg-type]
            )
            await js.publish(s.batch_subject(s.OCR, BATCH), msgspec.json.encode(job))
        pending = set(by_id)
        deadline = time.monotonic() + timeout_s
        while pending and time.monotonic() < deadline:
            try:
                msgs = await sub.fetch(10, timeout=2)
            except (nats.errors.TimeoutError, TimeoutError):  # nats-py raises either
                continue
            for msg in msgs:
                await msg.ack()
                result = result_decoder.decode(msg.data)
                if result.document_id in pending and not isinstance(result, FeeFound):
                    pending.discard(result.document_id)
                    results[by_id[result.document_id].filename] = result
    finally:
        await sub.unsubscribe()
        await nc.drain()
    return results


def run(
    samples: list[Sample], *, backend: str = "rules", env: dict[str, str] | None = None
) -> dict[str, Outcome]:
    """Start the services, run `samples` through them with `backend`, stop the services."""
    with running_workers(env=env) as url:
        return asyncio.run(run_samples(url, samples, backend=backend))
