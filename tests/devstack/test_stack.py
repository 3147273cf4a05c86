"""`python -m docmill_devstack run` with stand-in services instead of the real five."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docmill_devstack.ports import find_free_port, find_free_ports

STANDIN = str(Path(__file__).with_name("standin.py"))
BANNER = "docmill is running"


def _launch(root: Path, services: list[dict], **env: str) -> tuple[subprocess.Popen, Path]:
    services_file = root / "services.json"
    services_file.write_text(json.dumps(services))
    output = root / "stack.out"
    full_env = {
        **os.environ,
        "DOCMILL_DATA_DIR": str(root / "data"),
        "DOCMILL_HTTP_PORT": str(find_free_port()),
        "DOCMILL_NATS_PORT": str(find_free_port()),
        "DOCMILL_PG_PORT": str(find_free_port()),
        "DOCMILL_HEALTH_PORT_BASE": str(find_free_ports(len(services))),
        **env,
    }
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "docmill_devstack", "run", "--services", str(services_file)],
            env=full_env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return process, output


def _wait_for(output: Path, text: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in output.read_text(errors="replace"):
            return
        if process.poll() is not None:
            break
        time.sleep(0.1)
    pytest.fail(f"{text!r} not seen; stack output:\n{output.read_text(errors='replace')}")


def _standin(name: str, *args: str, **extra: object) -> dict:
    return {"name": name, "argv": [sys.executable, STANDIN, *args], **extra}


@pytest.mark.slow
def test_stack_starts_services_waits_for_health_and_stops_all_on_sigterm(
    server_dir: Path,
) -> None:
    root = server_dir
    services = [
        _standin("gateway", serves_http=True, database="owner"),
        _standin("ocr"),
        _standin("stubborn", "--ignore-term", "--long-line", "300000"),
        _standin("exporter", database="reader"),
    ]
    process, output = _launch(root, services, DOCMILL_STOP_TIMEOUT="1")
    _wait_for(output, BANNER, process)
    data = root / "data"
    records = {
        s["name"]: json.loads((data / f"{s['name']}.env.json").read_text()) for s in services
    }
    gateway, exporter = records["gateway"]["env"], records["exporter"]["env"]
    assert gateway["DATABASE_URL"].startswith("postgresql://docmill@127.0.0.1:")
    assert "DATABASE_URL_READONLY" not in gateway
    assert exporter["DATABASE_URL_READONLY"].startswith("postgresql://docmill_reader@")
    assert "DATABASE_URL" not in exporter
    assert gateway["DOCMILL_HEALTH_PORT"] == gateway["DOCMILL_HTTP_PORT"]
    worker_ports = {
        records[n]["env"]["DOCMILL_HEALTH_PORT"] for n in ("ocr", "stubborn", "exporter")
    }
    assert len(worker_ports) == 3
    assert all(r["env"]["NATS_URL"].startswith("nats://127.0.0.1:") for r in records.values())
    assert all(r["env"]["DOCMILL_LOG_FORMAT"] == "console" for r in records.values())

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0, output.read_text()
    for record in records.values():
        with pytest.raises(ProcessLookupError):
            os.kill(record["pid"], 0)
    assert not (data / "pg" / "postmaster.pid").exists()
    assert "Server Exiting" in (data / "logs" / "nats-server.log").read_text()
    assert "gateway stopping" in (data / "logs" / "gateway.log").read_text()
    assert "ignored SIGTERM" in output.read_text()
    assert len((data / "logs" / "stubborn.log").read_text()) > 300_000


@pytest.mark.slow
def test_a_dying_service_is_reported_and_stops_the_stack(server_dir: Path) -> None:
    root = server_dir
    services = [_standin("gateway", serves_http=True), _standin("ocr", "--exit-after", "2")]
    process, output = _launch(root, services)
    assert process.wait(timeout=60) == 1
    text = output.read_text()
    assert "service exited" in text and "ocr" in text
    assert not (root / "data" / "pg" / "postmaster.pid").exists()


@pytest.mark.slow
def test_a_service_that_never_gets_healthy_names_its_log(server_dir: Path) -> None:
    root = server_dir
    services = [_standin("gateway", serves_http=True), _standin("vision", "--no-health")]
    process, output = _launch(root, services, DOCMILL_STARTUP_TIMEOUT="3")
    assert process.wait(timeout=60) == 1
    text = output.read_text()
    assert "not healthy in time" in text and "vision.log" in text


def test_taken_http_port_gives_a_clear_message(server_dir: Path) -> None:
    root = server_dir
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        process, output = _launch(
            root, [_standin("gateway", serves_http=True)], DOCMILL_HTTP_PORT=str(port)
        )
        assert process.wait(timeout=30) == 2
    text = output.read_text()
    assert f"port {port}" in text and "DOCMILL_HTTP_PORT" in text and "make run" in text
    assert not (root / "data" / "pg").exists()  # nothing was started
