"""The benchmark report: sections of measurements, each with a baseline and ratios."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil


@dataclass
class Measurement:
    name: str
    value: float
    unit: str
    note: str = ""


@dataclass
class Section:
    """One benchmark: what was measured, the baseline, and the ratios that matter."""

    title: str
    description: str
    measurements: list[Measurement] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)  # name -> "met" | "missed: ..."
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, value: float, unit: str, note: str = "") -> None:
        self.measurements.append(Measurement(name, round(value, 4), unit, note))


@contextmanager
def peak_rss(pid: int | None = None, *, interval_s: float = 0.05) -> Iterator[dict[str, float]]:
    """Sample a process's resident memory (with its children) while the block runs."""
    proc = psutil.Process(pid or os.getpid())
    out = {"peak_mb": 0.0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            try:
                rss = proc.memory_info().rss + sum(
                    c.memory_info().rss for c in proc.children(recursive=True)
                )
            except psutil.Error:
                rss = 0
            out["peak_mb"] = max(out["peak_mb"], rss / 1048576)
            stop.wait(interval_s)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield out
    finally:
        stop.set()
        thread.join()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    try:
        tesseract = subprocess.run(
            ["tesseract", "--version"], capture_output=True, text=True, check=False
        ).stdout.splitlines()[0]
    except (OSError, IndexError):
        tesseract = "missing"
    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "tesseract": tesseract,
        "self_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def write_report(sections: list[Section], *, out_dir: Path) -> tuple[Path, Path]:
    """Write report.json and report.md; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    data = {"generated_at": stamp, "machine": machine(), "sections": [asdict(s) for s in sections]}
    json_path = out_dir / "report.json"
    json_path.write_text(json.dumps(data, indent=2) + "\n")
    lines = ["# docmill benchmark report\n", f"Generated {stamp} on {data['machine']}.\n"]
    for s in sections:
        lines.append(f"\n## {s.title}\n\n{s.description}\n")
        lines.append("\n| measurement | value | unit | note |\n| --- | ---: | --- | --- |")
        lines += [f"| {m.name} | {m.value} | {m.unit} | {m.note} |" for m in s.measurements]
        if s.ratios:
            lines.append("\n| ratio | value |\n| --- | ---: |")
            lines += [f"| {k} | {v:.3f} |" for k, v in s.ratios.items()]
        if s.targets:
            lines.append("\n| target | result |\n| --- | --- |")
            lines += [f"| {k} | {v} |" for k, v in s.targets.items()]
    md_path = out_dir / "report.md"
    md_path.write_text("\n".join(lines) + "\n")
    return json_path, md_path
