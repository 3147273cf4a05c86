"""CPU seconds spent by process trees over a stretch of a benchmark.

On a shared machine wall-clock pages/min moves with other people's load; the
CPU seconds a pipeline spends per page does not (much). Both saturate the same
cores, so ceiling CPU/page divided by docmill CPU/page is the throughput ratio
docmill would reach on a quiet machine, before idle gaps.

A process's `children_*` times hold its exited, reaped descendants (Tesseract
runs reaped by a pool worker, PostgreSQL backends reaped by the postmaster), so
summing own + children over the live processes of a tree counts every process
that ran in it once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import psutil


def tree_cpu_seconds(pid: int) -> float:
    """User + system seconds of `pid` and every descendant, live or reaped; 0 if gone."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
        except psutil.Error:
            continue  # exited between listing and reading: its parent's children_* has it
        total += t.user + t.system + t.children_user + t.children_system
    return total


def postmaster_pid(data_dir: Path) -> int | None:
    """The PostgreSQL server's pid from its data dir, or None when it is not local."""
    try:
        return int((data_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class CpuMeter:
    """CPU seconds per named process tree between `start()` and `stop()`."""

    roots: dict[str, int]
    _before: dict[str, float] = field(default_factory=dict)
    spent: dict[str, float] = field(default_factory=dict)

    def start(self) -> None:
        """Take the first reading of every tree."""
        self._before = {name: tree_cpu_seconds(pid) for name, pid in self.roots.items()}

    def stop(self) -> dict[str, float]:
        """Seconds each tree spent since `start()`."""
        self.spent = {
            name: max(0.0, tree_cpu_seconds(pid) - self._before.get(name, 0.0))
            for name, pid in self.roots.items()
        }
        return self.spent

    @property
    def total(self) -> float:
        return sum(self.spent.values())
