"""docmill's side of the OCR benchmark: real services, REST upload, captured page text."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import nats

from docmill_bench.cputime import CpuMeter, postmaster_pid
from docmill_contracts import subjects as s
from docmill_contracts.messages import extract_job_decoder
from docmill_devstack.fixtures import start_test_postgres
from docmill_devstack.health import wait_healthy
from docmill_devstack.nats import start_nats, stop_process
from docmill_devstack.ports import find_free_port
from docmill_devstack.postgres import PostgresServer
from docmill_devstack.stack import StackSettings, default_services, plan_services
from docmill_runtime.objects import get_pages
from docmill_synth import FieldScore, generate_deed, score
from docmill_synth.scoring import sale_deed_from_api

SERVICES = ("gateway", "ocr", "extractor")


@dataclass
class DocmillRun:
    seconds: float
    texts: dict[str, list[str]]  # file name -> page texts handed to the extractor
    origins: dict[str, int] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)
    field_accuracy: float = 0.0
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # per process tree


def run_docmill(files: list[Path], *, base: Path) -> DocmillRun:
    """Start the services, upload every file, wait for the last document, read back."""
    base.mkdir(parents=True, exist_ok=True)
    pg = start_test_postgres(base)
    server = start_nats(base / "nats")
    procs: list[subprocess.Popen[bytes]] = []
    try:
        name = f"bench_{uuid.uuid4().hex[:8]}"
        settings = StackSettings(
            data_dir=base,
            http_port=find_free_port(),
            nats_port=server.port,
            health_port_base=find_free_port(),
        )
        specs = plan_services(
            [d for d in default_services() if d.name in SERVICES],
            settings,
            nats_url=server.url,
            database_url=pg.create_database(name),
            reader_url=pg.reader_dsn(name),
        )
        for spec in specs:
            log = (base / f"{spec.name}.log").open("ab")
            env = {**os.environ, **spec.env, "DOCMILL_LOG_FORMAT": "json"}
            procs.append(
                subprocess.Popen(list(spec.argv), env=env, stdout=log, stderr=subprocess.STDOUT)
            )
        for spec, proc in zip(specs, procs, strict=True):
            wait_healthy(spec.health_url, proc, within_s=120)
        url = f"http://127.0.0.1:{settings.http_port}"
        roots = {spec.name: proc.pid for spec, proc in zip(specs, procs, strict=True)}
        roots["nats-server"] = server.process.pid
        # A containerised PostgreSQL's CPU is out of reach; the report then says so.
        postmaster = postmaster_pid(pg.data_dir) if isinstance(pg, PostgresServer) else None
        if postmaster is not None:
            roots["postgres"] = postmaster
        return asyncio.run(_timed_run(url, server.url, files, meter=CpuMeter(roots=roots)))
    finally:
        for proc in procs:
            stop_process(proc, timeout=30)
        server.stop()
        pg.stop()


async def _timed_run(
    base_url: str, nats_url: str, files: list[Path], *, meter: CpuMeter
) -> DocmillRun:
    nc = await nats.connect(nats_url)
    js = nc.jetstream()
    captured: dict[str, list[str]] = {}
    origins: dict[str, int] = {}
    jobs = []

    async def on_extract(msg) -> None:  # noqa: ANN001
        # A plain subscription sees each ExtractJob as it is published; the stream keeps it.
        jobs.append(extract_job_decoder.decode(msg.data))

    sub = await nc.subscribe(f"{s.EXTRACT}.>", cb=on_extract)
    payload = [("files", (p.name, p.read_bytes(), "application/pdf")) for p in files]
    async with httpx.AsyncClient(base_url=base_url, timeout=300) as client:
        meter.start()
        started = time.perf_counter()
        r = await client.post("/api/upload", files=payload)
        r.raise_for_status()
        body = r.json()
        r = await client.post("/api/process/start", json={})
        r.raise_for_status()
        while True:
            stats = (await client.get("/api/process/stats")).json()
            if not stats["is_running"]:
                break
            await asyncio.sleep(0.25)
        seconds = time.perf_counter() - started
        meter.stop()
        ids = dict(zip(body["document_ids"], body["files"], strict=True))
        total = FieldScore(correct=0, total=0, mismatches=[])
        failed = []
        for doc_id, filename in ids.items():
            doc = (await client.get(f"/api/documents/{doc_id}")).json()
            if doc["status"] != "done":
                failed.append(f"{filename}: {doc.get('failure_reason')}")
                continue
            for source in doc.get("text_sources") or []:
                origins[source] = origins.get(source, 0) + 1
            family, seed = Path(filename).stem.split("_")
            total += score(generate_deed(int(seed), family=family).truth, sale_deed_from_api(doc))
    await sub.unsubscribe()
    for job in jobs:
        pages = job.pages if job.text_object is None else await get_pages(js, name=job.text_object)
        captured[job.filename] = [p.text for p in pages]
    await nc.drain()
    return DocmillRun(
        seconds=seconds,
        texts=captured,
        origins=origins,
        failed=failed,
        field_accuracy=total.accuracy,
        cpu_seconds=dict(meter.spent),
    )
