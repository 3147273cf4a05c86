"""Polling benchmark: many browsers asking the gateway for stats and folder counts.

The seed has every open page poll `/api/process/stats` every 2 s. Concurrent clients
poll the real gateway process back to back; requests/s and latency percentiles of the two
polled endpoints are set beside `GET /healthz` on the same gateway (no database, no NATS).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

from docmill_bench.deeddata import seed_deeds
from docmill_bench.report import Section, peak_rss
from docmill_devstack.fixtures import make_test_dir, start_test_postgres
from docmill_devstack.health import wait_healthy
from docmill_devstack.nats import start_nats, stop_process
from docmill_devstack.ports import find_free_port
from docmill_devstack.postgres import run_async
from docmill_devstack.stack import ServiceDef, StackSettings, plan_services

CLIENTS = int(os.environ.get("DOCMILL_BENCH_POLL_CLIENTS", "50"))
SECONDS = float(os.environ.get("DOCMILL_BENCH_POLL_SECONDS", "10"))
PARTIES = int(os.environ.get("DOCMILL_BENCH_POLL_PARTIES", "100000"))
POLL_INTERVAL_S = 2.0
PATHS = ("/healthz", "/api/process/stats", "/api/system/folders")
# Headroom wanted: this many browsers, each polling every 2 s, on one gateway process.
TARGET_BROWSERS = 500


def run() -> Section:
    """Start PostgreSQL, nats-server and the gateway; poll each path with CLIENTS clients."""
    section = Section(
        title=f"Polling: {CLIENTS} clients against the gateway",
        description=(
            f"{CLIENTS} httpx clients, each on its own connection, request one path back to back "
            f"for {SECONDS:g} s against the gateway process (`python -m docmill_gateway`), "
            "with the database holding the export benchmark's deeds. Baseline: `GET /healthz` "
            "on the same gateway. The load generator shares the machine with the gateway; "
            "latencies are at saturation (every client always waiting), not at a 2 s pace. "
            f"Browsers served = requests/s x {POLL_INTERVAL_S:g} s poll interval."
        ),
    )
    base = make_test_dir()
    pg = start_test_postgres(base)
    server = start_nats(base / "nats")
    proc: subprocess.Popen[bytes] | None = None
    try:
        name = f"bench_{uuid.uuid4().hex[:8]}"
        owner = pg.create_database(name)
        section.extra["deeds"] = run_async(lambda: seed_deeds(owner, parties=PARTIES))
        reader = pg.reader_dsn(name)
        proc, url = _start_gateway(base, nats_url=server.url, owner=owner, reader=reader)
        results = {}
        for path in PATHS:
            with peak_rss(proc.pid) as peak:
                results[path] = run_async(lambda path=path: _poll(url + path))
            stats = results[path]
            section.add(f"{path} requests/s", stats["rps"], "req/s", f"{stats['errors']} errors")
            section.add(f"{path} p50", stats["p50_ms"], "ms")
            section.add(f"{path} p95", stats["p95_ms"], "ms")
            section.add(f"{path} gateway peak RSS", peak["peak_mb"], "MB")
    finally:
        if proc is not None:
            stop_process(proc, timeout=30)
        server.stop()
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    health = results["/healthz"]
    for path in PATHS[1:]:
        stats = results[path]
        section.ratios[f"{path} requests/s vs /healthz"] = stats["rps"] / health["rps"]
        section.ratios[f"{path} p95 vs /healthz"] = stats["p95_ms"] / max(health["p95_ms"], 1e-9)
        browsers = stats["rps"] * POLL_INTERVAL_S
        section.add(f"{path} browsers served", browsers, "browsers", "polling every 2 s")
        ok = browsers >= TARGET_BROWSERS and not stats["errors"]
        section.targets[f"{path}: >= {TARGET_BROWSERS} browsers at 2 s, no errors"] = (
            "met" if ok else f"missed: {browsers:.0f} browsers, {stats['errors']} errors"
        )
    return section


def _start_gateway(
    base: Path, *, nats_url: str, owner: str, reader: str
) -> tuple[subprocess.Popen[bytes], str]:
    settings = StackSettings(data_dir=base, http_port=find_free_port(), nats_port=0)
    (spec,) = plan_services(
        [ServiceDef("gateway", (sys.executable, "-m", "docmill_gateway"), True, "owner")],
        settings,
        nats_url=nats_url,
        database_url=owner,
        reader_url=reader,
    )
    env = {**os.environ, **spec.env, "DOCMILL_LOG_FORMAT": "json", "DOCMILL_LOG_LEVEL": "warning"}
    log = (base / "gateway.log").open("ab")
    proc = subprocess.Popen(list(spec.argv), env=env, stdout=log, stderr=subprocess.STDOUT)
    wait_healthy(
        spec.health_url, proc, within_s=60,
        describe=lambda: (base / "gateway.log").read_text()[-2000:],
    )
    return proc, f"http://{settings.host}:{settings.http_port}"


async def _poll(url: str) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    connected = 0
    go = asyncio.Event()
    window = {"stop_at": 0.0}

    async def client() -> None:
        nonlocal errors, connected
        async with httpx.AsyncClient(timeout=10) as http:
            await http.get(url)  # connect before the clock starts
            connected += 1
            if connected == CLIENTS:
                window["stop_at"] = time.perf_counter() + SECONDS
                go.set()
            await go.wait()
            while time.perf_counter() < window["stop_at"]:
                started = time.perf_counter()
                try:
                    r = await http.get(url)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok

    async with asyncio.TaskGroup() as tg:
        for _ in range(CLIENTS):
            tg.create_task(client())
    if len(latencies) < 2:
        raise RuntimeError(f"{url}: only {len(latencies)} requests completed in {SECONDS} s")
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / SECONDS,
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
        "errors": errors,
    }
