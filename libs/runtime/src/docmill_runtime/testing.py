"""Test support: run a worker as a real process and read what it published."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import nats.errors
from nats.aio.msg import Msg
from nats.js import JetStreamContext

from docmill_devstack.ports import find_free_port


@dataclass
class WorkerProcess:
    """A worker started with `python -m <module>`, reachable on its health port."""

    process: subprocess.Popen[bytes]
    health_url: str
    log_path: Path

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM (graceful drain), then SIGKILL after `timeout`; return the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return int(self.process.returncode)

    def log_tail(self, lines: int = 60) -> str:
        """The last lines the worker logged, for assertion messages."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""

    def health(self) -> dict[str, object] | None:
        """The worker's /healthz answer, or None when it does not answer 200."""
        import json

        try:
            with urllib.request.urlopen(f"{self.health_url}/healthz", timeout=1.0) as response:
                return dict(json.loads(response.read()))
        except (urllib.error.URLError, OSError, ValueError):
            return None


def start_worker_process(
    module: str,
    *,
    nats_url: str,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> WorkerProcess:
    """Start `python -m module` against `nats_url` and wait until /healthz says ok."""
    port = find_free_port()
    full_env = {
        **os.environ,
        "NATS_URL": nats_url,
        "DOCMILL_HEALTH_PORT": str(port),
        "DOCMILL_LOG_FORMAT": "json",
        **(env or {}),
    }
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", module], env=full_env, stdout=log, stderr=subprocess.STDOUT
        )
    worker = WorkerProcess(
        process=process, health_url=f"http://127.0.0.1:{port}", log_path=log_path
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{module} exited with {process.returncode}:\n{worker.log_tail()}")
        state = worker.health()
        if state and state.get("ok"):
            return worker
        time.sleep(0.1)
    worker.stop(timeout=5)
    raise RuntimeError(f"{module} not healthy within {timeout:.0f}s:\n{worker.log_tail()}")


async def fetch_one(
    js: JetStreamContext, *, stream: str, durable: str, wait_s: float = 30.0
) -> Msg:
    """Pull the next message from a durable consumer and ack it (synchronously)."""
    psub = await js.pull_subscribe_bind(durable=durable, stream=stream)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no message on {stream}/{durable} within {wait_s:g}s")
            try:
                msgs = await psub.fetch(1, timeout=min(remaining, 2.0))
            except nats.errors.TimeoutError:
                continue
            # ack_sync: in a bounded stream the slot frees only once the ack is stored.
            await msgs[0].ack_sync()
            return msgs[0]
    finally:
        await psub.unsubscribe()
