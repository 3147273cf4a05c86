"""Export benchmark: 100,000 party rows to xlsx, csv and json by the real exporter process.

PostgreSQL and nats-server are real; the exporter runs as `python -m docmill_exporter` with
the read-only role and is asked over JetStream exactly as the gateway asks it. The baseline
writes the same rows with plain openpyxl (not write-only) in one process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path

import nats
import psutil

from docmill_bench.deeddata import PARTIES_PER_DEED, seed_deeds
from docmill_bench.report import Section, peak_rss
from docmill_contracts import subjects as s
from docmill_contracts.messages import ExportFilters, ExportRequest, export_ready_decoder
from docmill_devstack.fixtures import make_test_dir, start_test_postgres
from docmill_devstack.health import wait_healthy
from docmill_devstack.nats import start_nats, stop_process
from docmill_devstack.ports import find_free_port
from docmill_devstack.postgres import run_async
from docmill_devstack.stack import ServiceDef, StackSettings, plan_services
from docmill_runtime import natsio

ROWS = int(os.environ.get("DOCMILL_BENCH_EXPORT_ROWS", "100000"))
TARGET_XLSX_S = 30.0
TARGET_XLSX_MB = 300.0
FORMATS = ("xlsx", "csv", "json")


def run() -> Section:
    """Seed the rows, time each format through the exporter, then the openpyxl baseline."""
    section = Section(
        title=f"Export: {ROWS:,} party rows",
        description=(
            "Seconds from the ExportRequest on JetStream to the ExportReady reply (query, "
            "file, upload to the object store) and peak RSS of the exporter process "
            "(`python -m docmill_exporter`, read-only role, server-side cursor, openpyxl "
            "write-only). Baseline: the same rows fetched at once and written with plain "
            "openpyxl (not write-only), styled the same, in one process."
        ),
    )
    base = make_test_dir()
    pg = start_test_postgres(base)
    try:
        name = f"bench_{uuid.uuid4().hex[:8]}"
        owner = pg.create_database(name)
        started = time.perf_counter()
        deeds = run_async(lambda: seed_deeds(owner, parties=ROWS))
        section.extra["seed_s"] = round(time.perf_counter() - started, 2)
        section.extra["deeds"] = deeds
        rows = deeds * PARTIES_PER_DEED
        _measure_exporter(section, base=base, owner=owner, reader=pg.reader_dsn(name), rows=rows)
        _measure_baseline(section, base=base, reader=pg.reader_dsn(name))
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    _ratios(section)
    return section


def _measure_exporter(section: Section, *, base: Path, owner: str, reader: str, rows: int) -> None:
    server = start_nats(base / "nats")
    settings = StackSettings(
        data_dir=base, nats_port=server.port, health_port_base=find_free_port()
    )
    (spec,) = plan_services(
        [ServiceDef("exporter", (sys.executable, "-m", "docmill_exporter"), database="reader")],
        settings,
        nats_url=server.url,
        database_url=owner,
        reader_url=reader,
    )
    env = {**os.environ, **spec.env, "DOCMILL_LOG_FORMAT": "json", "DOCMILL_LOG_LEVEL": "warning"}
    log = (base / "exporter.log").open("ab")
    proc = subprocess.Popen(list(spec.argv), env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(spec.health_url, proc, within_s=120)
        idle = psutil_rss_mb(proc.pid)
        section.add("exporter idle RSS", idle, "MB", "after start, before any export")
        for fmt in FORMATS:
            with peak_rss(proc.pid) as peak:
                seconds, got_rows = run_async(
                    lambda fmt=fmt: _timed_export(server.url, fmt=fmt, out=base / f"out.{fmt}")
                )
            if got_rows != rows:
                raise RuntimeError(f"{fmt} export wrote {got_rows} rows, expected {rows}")
            section.add(f"docmill {fmt} time", seconds, "s", f"{rows / seconds:,.0f} rows/s")
            section.add(f"docmill {fmt} peak RSS", peak["peak_mb"], "MB", "exporter process")
            size = (base / f"out.{fmt}").stat().st_size
            section.add(f"docmill {fmt} file", size / 1048576, "MB")
        section.extra["xlsx_sheet_rows"] = _count_sheet_rows(base / "out.xlsx")
    finally:
        stop_process(proc, timeout=30)
        log.close()
        server.stop()


async def _timed_export(nats_url: str, *, fmt: str, out: Path) -> tuple[float, int]:
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        export_id = uuid.uuid4().hex
        inbox = nc.new_inbox()
        sub = await nc.subscribe(inbox, max_msgs=1)
        request = ExportRequest(
            export_id=export_id,
            reply_to=inbox,
            format=fmt,  # type: ignore[arg-type]
            filename=f"whole_data.{fmt}",
            filters=ExportFilters(),
        )
        started = time.perf_counter()
        await natsio.publish(js, f"{s.EXPORT}.{export_id}", request)
        ready = export_ready_decoder.decode((await sub.next_msg(timeout=600)).data)
        seconds = time.perf_counter() - started
        if ready.error or ready.object_name is None:
            raise RuntimeError(f"{fmt} export failed: {ready.error}")
        store = await js.object_store(s.OBJ_EXPORTS)
        with out.open("wb") as fileobj:
            await store.get(ready.object_name, writeinto=fileobj)
        return seconds, ready.rows
    finally:
        await nc.drain()


def _measure_baseline(section: Section, *, base: Path, reader: str) -> None:
    argv = [sys.executable, "-m", "docmill_bench.openpyxl_baseline", reader, str(base / "b.xlsx")]
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE)
    with peak_rss(proc.pid) as peak:
        _, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"openpyxl baseline failed: {err.decode(errors='replace')[-2000:]}")
    section.add("baseline openpyxl xlsx time", seconds, "s", "plain workbook, one process")
    section.add("baseline openpyxl xlsx peak RSS", peak["peak_mb"], "MB", "baseline process")
    section.add("baseline xlsx file", (base / "b.xlsx").stat().st_size / 1048576, "MB")


def _ratios(section: Section) -> None:
    value = {m.name: m.value for m in section.measurements}
    xlsx_s, xlsx_mb = value["docmill xlsx time"], value["docmill xlsx peak RSS"]
    section.ratios["xlsx time docmill/baseline"] = xlsx_s / value["baseline openpyxl xlsx time"]
    section.ratios["xlsx peak RSS docmill/baseline"] = (
        xlsx_mb / value["baseline openpyxl xlsx peak RSS"]
    )
    for fmt in ("csv", "json"):
        section.ratios[f"{fmt} time docmill/xlsx baseline"] = (
            value[f"docmill {fmt} time"] / value["baseline openpyxl xlsx time"]
        )
    section.targets[f"xlsx < {TARGET_XLSX_S:g} s"] = _verdict(xlsx_s, TARGET_XLSX_S, "s")
    section.targets[f"xlsx < {TARGET_XLSX_MB:g} MB"] = _verdict(xlsx_mb, TARGET_XLSX_MB, "MB")


def _verdict(value: float, limit: float, unit: str) -> str:
    return "met" if value < limit else f"missed: {value:.1f} {unit}"


def psutil_rss_mb(pid: int) -> float:
    """Resident memory of one process now."""
    return psutil.Process(pid).memory_info().rss / 1048576


def _count_sheet_rows(path: Path) -> int:
    # Counted in the raw XML so checking 100k rows costs a second, not a full parse.
    count, tail = 0, b""
    with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet1.xml") as sheet:
        while chunk := sheet.read(1 << 20):
            data = tail + chunk
            count += data.count(b"<row ")
            tail = data[-4:]
    return count
