"""Fixtures for the vision tests: a real Triton server from nvidia-pytriton in its own venv."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from docmill_devstack.ports import find_free_port
from docmill_vision.detector import shipped_model_path

ROOT = Path(__file__).resolve().parents[2]
# Kept between runs (the wheel is 55 MB); .data is the repository's local state folder.
PYTRITON_VENV = ROOT / ".data" / "venvs" / "pytriton"
PYTRITON_REQUIREMENTS = ["nvidia-pytriton", "numpy<2", "onnxruntime"]


@dataclass(frozen=True)
class TritonServer:
    http_url: str
    grpc_url: str
    model: str
    log_path: Path


def _pytriton_python() -> Path:
    python = PYTRITON_VENV / "bin" / "python"
    marker = PYTRITON_VENV / ".docmill-installed"
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PYTRITON_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *PYTRITON_REQUIREMENTS], check=True
        )
        marker.write_text("\n".join(PYTRITON_REQUIREMENTS) + "\n")
    return python


def _wait_ready(url: str, model: str, process: subprocess.Popen, log: Path) -> None:
    import tritonclient.http as httpclient

    client = httpclient.InferenceServerClient(url)
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"Triton exited with {process.returncode}:\n{log.read_text()}")
            try:
                if client.is_server_ready() and client.is_model_ready(model):
                    return
            except Exception:  # noqa: BLE001 - not listening yet
                pass
            time.sleep(0.5)
    finally:
        client.close()
    raise RuntimeError(f"Triton not ready within 180 s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def triton_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TritonServer]:
    """A real tritonserver serving the shipped detector as model `feetable`."""
    python = _pytriton_python()
    tmp = tmp_path_factory.mktemp("triton")
    http_port, grpc_port, metrics_port = find_free_port(), find_free_port(), find_free_port()
    log = tmp / "triton.log"
    libdir = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_config_var('LIBDIR'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip() or sysconfig.get_config_var("LIBDIR")
    env = {
        **os.environ,
        # Else the Python backend stub loads another libpython and fails on start.
        "LD_LIBRARY_PATH": f"{libdir}:{os.environ.get('LD_LIBRARY_PATH', '')}",
    }
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(python),
                str(Path(__file__).with_name("triton_server.py")),
                "--model",
                shipped_model_path(),
                "--http-port",
                str(http_port),
                "--grpc-port",
                str(grpc_port),
                "--metrics-port",
                str(metrics_port),
                "--workspace",
                str(tmp / "workspace"),
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_ready(f"127.0.0.1:{http_port}", "feetable", process, log)
        yield TritonServer(
            http_url=f"127.0.0.1:{http_port}",
            grpc_url=f"127.0.0.1:{grpc_port}",
            model="feetable",
            log_path=log,
        )
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
