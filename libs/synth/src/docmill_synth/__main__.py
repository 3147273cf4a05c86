"""`python -m docmill_synth deeds --count N --out DIR [--seed S] [--family main|holdout]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import msgspec

from docmill_synth.deed import FAMILIES, generate_deed


def write_deeds(*, count: int, out: Path, seed: int, family: str) -> list[Path]:
    """Write `count` deeds as `<name>.pdf` + `<name>.json` into `out`; return the PDF paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for offset in range(count):
        deed = generate_deed(seed + offset, family=family)
        pdf_path = out / f"{deed.filename}.pdf"
        pdf_path.write_bytes(deed.pdf)
        (out / f"{deed.filename}.json").write_bytes(
            msgspec.json.format(msgspec.json.encode(deed.truth), indent=2)
        )
        written.append(pdf_path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run it."""
    parser = argparse.ArgumentParser(prog="docmill_synth")
    commands = parser.add_subparsers(dest="command", required=True)
    deeds = commands.add_parser("deeds", help="write synthetic sale deeds with ground truth")
    deeds.add_argument("--count", type=int, required=True)
    deeds.add_argument("--out", type=Path, required=True)
    deeds.add_argument("--seed", type=int, default=0)
    deeds.add_argument("--family", choices=sorted(FAMILIES), default="main")
    args = parser.parse_args(argv)
    paths = write_deeds(count=args.count, out=args.out, seed=args.seed, family=args.family)
    sys.stdout.write(f"wrote {len(paths)} deeds to {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
