"""`python -m docmill_bench [name ...]`: run benchmarks and write one report.

Each benchmark is a module `docmill_bench.<name>` with `run() -> Section`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from docmill_bench.report import Section, write_report

# Every benchmark docmill ships, in report order.
BENCHMARKS = ["export", "polling", "ocr", "vision"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docmill_bench")
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: {BENCHMARKS})")
    parser.add_argument("--out", type=Path, default=Path("bench/reports"))
    args = parser.parse_args(argv)
    names = args.names or BENCHMARKS
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; known: {BENCHMARKS}")
    sections: list[Section] = []
    for name in names:
        sys.stderr.write(f"docmill bench: running {name}\n")
        module = importlib.import_module(f"docmill_bench.{name}")
        sections.append(module.run())
    json_path, md_path = write_report(sections, out_dir=args.out)
    sys.stdout.write(md_path.read_text())
    sys.stderr.write(f"docmill bench: wrote {md_path} and {json_path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
