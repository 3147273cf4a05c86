"""Write a YOLO dataset of generated A4 pages with and without fee tables.

Train and held-out splits come from disjoint seed ranges, so the held-out
score is measured on pages the detector never saw. One class: `fee_table`.

    python services/vision/training/generate.py --out .data/vision-train
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docmill_synth.feepage import compose_page

HELD_OUT_SEED = 1_000_000  # held-out pages start here; training seeds stay below
CLASSES = ("fee_table",)


def yolo_lines(boxes: list[tuple[float, float, float, float]], *, width: int, height: int) -> str:
    """Return YOLO label lines (class cx cy w h, normalised) for pixel `boxes`."""
    lines = []
    for x0, y0, x1, y1 in boxes:
        x0, x1 = max(0.0, x0), min(float(width), x1)
        y0, y1 = max(0.0, y0), min(float(height), y1)
        cx, cy = (x0 + x1) / 2 / width, (y0 + y1) / 2 / height
        lines.append(f"0 {cx:.6f} {cy:.6f} {(x1 - x0) / width:.6f} {(y1 - y0) / height:.6f}")
    return "\n".join(lines) + ("\n" if lines else "")


def write_split(root: Path, split: str, *, seeds: range, family: str, size: int) -> int:
    """Render pages for `seeds` into images/<split> and labels/<split>; return tables written."""
    images, labels = root / "images" / split, root / "labels" / split
    images.mkdir(parents=True, exist_ok=True)
    labels.mkdir(parents=True, exist_ok=True)
    tables = 0
    for seed in seeds:
        name = f"{family}_{seed:07d}"
        label = labels / f"{name}.txt"
        if label.exists() and (images / f"{name}.jpg").exists():  # pages are seeded: reuse
            tables += len(label.read_text().splitlines())
            continue
        page = compose_page(seed, family=family, size=size)
        page.image.save(images / f"{name}.jpg", quality=90)
        w, h = page.image.size
        label.write_text(yolo_lines(page.boxes, width=w, height=h))
        tables += len(page.boxes)
    return tables


def write_data_yaml(root: Path) -> Path:
    """Write the ultralytics data file for `root`."""
    path = root / "data.yaml"
    names = "\n".join(f"  {i}: {n}" for i, n in enumerate(CLASSES))
    path.write_text(
        f"path: {root.resolve()}\ntrain: images/train\nval: images/val\nnames:\n{names}\n"
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(".data/vision-train"))
    parser.add_argument("--train", type=int, default=600, help="training pages")
    parser.add_argument("--val", type=int, default=150, help="held-out pages")
    parser.add_argument("--size", type=int, default=640, help="long side of each page in px")
    parser.add_argument("--family", default="main", help="fee-table style family")
    args = parser.parse_args(argv)
    n_train = write_split(
        args.out, "train", seeds=range(args.train), family=args.family, size=args.size
    )
    held = range(HELD_OUT_SEED, HELD_OUT_SEED + args.val)
    n_val = write_split(args.out, "val", seeds=held, family=args.family, size=args.size)
    data = write_data_yaml(args.out)
    sys.stdout.write(
        f"{args.train} train pages ({n_train} tables), {args.val} held-out pages "
        f"({n_val} tables); data file {data}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
