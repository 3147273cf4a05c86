"""Train the fee-table detector (yolov8n from its yaml) on the CPU, fully offline, and export ONNX.

Runs in the training environment only (`pip install -e 'services/vision[train]'`, torch
first, see the Makefile's `train-vision`). Writes `feetable.onnx` and `MODEL_CARD.md`
into the package's models folder, with the held-out scores measured after training.

    python services/vision/training/train.py --data .data/vision-train/data.yaml --hours 0.75
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "src" / "docmill_vision" / "models"
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)


def prepare_offline(config_dir: Path) -> None:
    """Point ultralytics at a local config dir with a font, so it never reaches the network."""
    font = next((p for p in FONT_CANDIDATES if p.exists()), None)
    if font is None:
        import PIL

        # Pillow ships a TTF for its default font; any TTF stops the Arial.ttf download.
        font = next(Path(PIL.__file__).parent.rglob("*.ttf"))
    for folder in (config_dir, config_dir / "Ultralytics"):
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("Arial.ttf", "Arial.Unicode.ttf"):
            if not (folder / name).exists():
                shutil.copy(font, folder / name)
    os.environ["YOLO_OFFLINE"] = "1"
    os.environ["YOLO_CONFIG_DIR"] = str(config_dir)


def write_model_card(path: Path, *, facts: dict[str, object]) -> None:
    """Write the model card beside the ONNX file."""
    path.write_text(
        f"""# feetable.onnx: registration-fee table detector

- Architecture: YOLOv8n (ultralytics {facts["ultralytics"]}), trained from `yolov8n.yaml`
  (no pretrained weights), CPU, AMP off. This run started from `{facts["init"]}`.
- Classes: `0: fee_table`
- Input: `images` float32 [batch, 3, H, W], dynamic axes; exported for
  {facts["export_imgsz"]}×{facts["export_imgsz"]} (the ONNX metadata `imgsz`, which docmill
  reads), RGB scaled to 0–1, letterboxed (grey 114).
- Output: `output0` float32 [batch, 5, anchors] ({facts["anchors"]} anchors at
  {facts["export_imgsz"]}): cx, cy, w, h (input pixels), score. No NMS in the model; docmill's
  detector decodes it and runs NMS in numpy.
- ONNX opset {facts["opset"]}, {facts["size_mb"]:.1f} MB, one file.

## Data

Generated A4 pages (`docmill_synth.feepage.compose_page`, style family `main`), long side
640 px: deed-like body text, label/value lines, seals (often over the table), signatures,
rotation up to ±2°, blur, paper tint, noise, edge shadows, speckle. About 60% of pages hold
one fee table (10% of those two): bordered (grid, outer box, rules) and borderless, 2–4
columns, rows such as Registration Fee, Stamp Duty, Scanning Fee, Cess, Total, at varied
position and scale.

- Training pages: {facts["train_pages"]} (seeds 0..{facts["train_pages"]} - 1)
- Held-out pages: {facts["val_pages"]} (seeds from 1,000,000: never seen in training)

## Training

{facts["epochs"]} epochs, batch {facts["batch"]}, training imgsz {facts["imgsz"]} (mosaic, scale
augmentation), {facts["train_minutes"]:.0f} min on 2 shared CPU cores ({facts["date"]}); the
held-out scores below are measured at the exported input size.

## Held-out scores (ultralytics val on the held-out pages)

| metric | value |
| --- | --- |
| mAP50 | {facts["map50"]:.3f} |
| mAP50-95 | {facts["map50_95"]:.3f} |
| precision | {facts["precision"]:.3f} |
| recall | {facts["recall"]:.3f} |

{facts.get("notes", "")}

`tests/vision/test_model.py` re-measures mAP50 of this file with docmill's own
onnxruntime pre/post-processing on freshly generated held-out pages.

## Reproduce

    make train-vision

(generates the pages under `.data/vision-train`, creates `.venv-train` with torch 2.14.1,
torchvision 0.29.1 and ultralytics, trains, exports and rewrites this card).
"""
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(".data/vision-train/data.yaml"))
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--hours", type=float, default=0.0, help="time budget; 0 means epochs")
    parser.add_argument(
        "--init", default="yolov8n.yaml", help="model yaml, or a checkpoint of ours to go on from"
    )
    parser.add_argument("--name", default="feetable", help="run folder under --runs")
    parser.add_argument("--imgsz", type=int, default=640, help="training input size")
    parser.add_argument("--export-imgsz", type=int, default=0, help="ONNX input size; 0: --imgsz")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr0", type=float, default=0.0, help="AdamW start rate; 0: automatic")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--notes", default="", help="extra text for the model card")
    parser.add_argument("--threads", type=int, default=0, help="torch threads; 0: ultralytics'")
    parser.add_argument("--runs", type=Path, default=Path(".data/vision-train/runs"))
    parser.add_argument("--out", type=Path, default=MODELS)
    args = parser.parse_args(argv)
    prepare_offline(args.runs.parent / "ultralytics-config")

    import ultralytics
    import ultralytics.utils.torch_utils
    from ultralytics import YOLO

    if args.threads:
        # ultralytics uses cpu_count - 1 threads; more only pays on cores nobody else is using,
        # since OpenMP threads spin when a sibling is descheduled.
        ultralytics.utils.torch_utils.NUM_THREADS = args.threads

    started = dt.datetime.now()
    model = YOLO(args.init)
    tuning = {"optimizer": "AdamW", "lr0": args.lr0, "warmup_epochs": 1} if args.lr0 else {}
    model.train(
        **tuning,
        data=str(args.data.resolve()),
        epochs=args.epochs,
        time=args.hours or None,
        imgsz=args.imgsz,
        batch=args.batch,
        workers=args.workers,
        device="cpu",
        # Never True: that downloads weights. A checkpoint of our own is loaded by path.
        pretrained=args.init if args.init.endswith(".pt") else False,
        amp=False,
        plots=False,
        cache=True,
        fliplr=0.0,
        project=str(args.runs.resolve()),
        name=args.name,
        exist_ok=True,
        verbose=False,
        seed=0,
    )
    minutes = (dt.datetime.now() - started).total_seconds() / 60
    export_size = args.export_imgsz or args.imgsz
    weights = Path(model.trainer.best)
    best = YOLO(str(weights))
    metrics = best.val(
        data=str(args.data.resolve()),
        imgsz=export_size,
        batch=8,
        workers=args.workers,
        device="cpu",
        plots=False,
        verbose=False,
    )
    exported = Path(
        best.export(
            format="onnx", opset=17, imgsz=export_size, simplify=True, dynamic=True, device="cpu"
        )
    )
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "feetable.onnx"
    shutil.copy(exported, target)
    images = args.data.parent / "images"
    facts = {
        "ultralytics": ultralytics.__version__,
        "opset": 17,
        "imgsz": args.imgsz,
        "export_imgsz": export_size,
        "anchors": sum((export_size // stride) ** 2 for stride in (8, 16, 32)),
        "size_mb": target.stat().st_size / 1e6,
        "epochs": model.trainer.epochs,
        "batch": args.batch,
        "train_minutes": minutes,
        "date": started.date().isoformat(),
        "init": args.init,
        "notes": args.notes,
        "train_pages": len(list((images / "train").glob("*.jpg"))),
        "val_pages": len(list((images / "val").glob("*.jpg"))),
        "map50": float(metrics.box.map50),
        "map50_95": float(metrics.box.map),
        "precision": float(metrics.box.mp),
        "recall": float(metrics.box.mr),
    }
    write_model_card(args.out / "MODEL_CARD.md", facts=facts)
    sys.stdout.write(json.dumps(facts, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
