"""The two OCR baselines: the raw ceiling (render + Tesseract, nothing else) and OCRmyPDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from docmill_bench.cputime import CpuMeter

CEILING_DPI = 300
CEILING_LANG = "eng"


def _ceiling_init() -> None:
    # The measured rule: one Tesseract thread per process, one process per core.
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _ceiling_page(job: tuple[str, int]) -> tuple[str, int, str]:
    import pymupdf
    import pytesseract

    path, index = job
    with pymupdf.open(path) as doc:
        pix = doc[index].get_pixmap(dpi=CEILING_DPI, colorspace=pymupdf.csGRAY, alpha=False)
        data = pix.tobytes("pgm")
    with tempfile.NamedTemporaryFile(suffix=".pgm", dir="/dev/shm") as image:
        image.write(data)
        image.flush()
        text = pytesseract.image_to_string(
            image.name, lang=CEILING_LANG, config=f"--dpi {CEILING_DPI}"
        )
    return path, index, text


@dataclass
class CeilingRun:
    seconds: float
    cpu_seconds: float  # the pool's processes and their Tesseract runs, plus this process
    texts: dict[tuple[str, int], str]


def run_ceiling(pages: list[tuple[str, int]], *, workers: int) -> CeilingRun:
    """Seconds and CPU seconds for a plain pool to render and read every page, and its text."""
    texts: dict[tuple[str, int], str] = {}
    with ProcessPoolExecutor(workers, initializer=_ceiling_init) as pool:
        list(pool.map(abs, range(workers)))  # start the processes before the clock
        meter = CpuMeter(roots={"ceiling": os.getpid()})
        meter.start()
        started = time.perf_counter()
        for path, index, text in pool.map(_ceiling_page, pages):
            texts[(path, index)] = text
        seconds = time.perf_counter() - started
        meter.stop()
    return CeilingRun(seconds=seconds, cpu_seconds=meter.total, texts=texts)


def ensure_ocrmypdf() -> str | None:
    """Install OCRmyPDF into this venv for the bench if missing; None when it works."""
    if _ocrmypdf_works():
        return None
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "ocrmypdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    if pip.returncode != 0:
        return f"pip install ocrmypdf failed: {pip.stderr.strip()[-500:]}"
    if shutil.which("gs") is None:
        return "Ghostscript (gs) is missing: apt-get install ghostscript (make bench-deps)"
    return None if _ocrmypdf_works() else "ocrmypdf installed but does not run"


def _ocrmypdf_works() -> bool:
    try:
        return (
            subprocess.run(
                [sys.executable, "-m", "ocrmypdf", "--version"], capture_output=True, check=False
            ).returncode
            == 0
        )
    except OSError:
        return False


def run_ocrmypdf(files: list[Path], *, workers: int, out_dir: Path) -> tuple[float, dict]:
    """Seconds for `ocrmypdf --jobs N --force-ocr` over the files one by one, and its text."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    texts: dict[str, str] = {}
    started = time.perf_counter()
    for path in files:
        sidecar = out_dir / f"{path.stem}.txt"
        argv = [
            sys.executable, "-m", "ocrmypdf", "--jobs", str(workers), "--force-ocr",
            "-l", CEILING_LANG, "--output-type", "pdf", "--optimize", "0",
            "--sidecar", str(sidecar), "--quiet", str(path), str(out_dir / path.name),
        ]  # fmt: skip
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"ocrmypdf failed on {path.name}: {done.stderr[-1000:]}")
        texts[path.name] = sidecar.read_text()
    return time.perf_counter() - started, texts
