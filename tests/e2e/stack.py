"""The whole docmill stack as real processes, for end-to-end tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docmill_devstack.fixtures import make_test_dir
from docmill_devstack.health import wait_healthy
from docmill_devstack.nats import NatsServer, start_nats, stop_process
from docmill_devstack.ports import find_free_port, find_free_ports
from docmill_devstack.stack import StackSettings, default_services, plan_services


@dataclass
class RunningStack:
    base_url: str
    nats: NatsServer
    database_url: str
    reader_url: str
    data_dir: Path
    settings: StackSettings
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)

    def start_services(self, names: list[str] | None = None) -> None:
        """Launch the named services (all five by default) and wait for their /healthz."""
        services = [s for s in default_services() if names is None or s.name in names]
        specs = plan_services(
            default_services(),
            self.settings,
            nats_url=self.nats.url,
            database_url=self.database_url,
            reader_url=self.reader_url,
        )
        wanted = {s.name for s in services}
        logs = self.data_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        for spec in specs:
            if spec.name not in wanted or spec.name in self.processes:
                continue
            log = (logs / f"{spec.name}.log").open("ab")
            env = {**os.environ, **spec.env, "DOCMILL_LOG_FORMAT": "json", **self.extra_env}
            self.processes[spec.name] = subprocess.Popen(
                list(spec.argv),
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        for spec in specs:
            if spec.name in wanted:
                wait_healthy(
                    spec.health_url,
                    self.processes[spec.name],
                    describe=lambda name=spec.name: self.log_tail(name),
                )

    def stop_services(self, names: list[str] | None = None, *, kill: bool = False) -> None:
        """SIGTERM (or SIGKILL) the named services and wait for them."""
        for name in list(self.processes):
            if names is not None and name not in names:
                continue
            proc = self.processes.pop(name)
            if kill:
                proc.kill()
                proc.wait(timeout=10)
            else:
                stop_process(proc, timeout=30)

    def restart_nats(self) -> None:
        """Stop nats-server and start it again on the same port and store (data survives)."""
        port = self.nats.port
        self.nats.stop()
        self.nats = start_nats(self.data_dir / "nats", port=port)

    def log_tail(self, name: str, lines: int = 40) -> str:
        path = self.data_dir / "logs" / f"{name}.log"
        if not path.exists():
            return "(no log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def make_stack(*, base_dir: Path, database_url: str, reader_url: str) -> RunningStack:
    """A stack with its own nats-server on free ports; services are started separately."""
    nats = start_nats(base_dir / "nats")
    http_port = find_free_port()
    # Worker health ports count up from the base.
    settings = StackSettings(
        data_dir=base_dir,
        http_port=http_port,
        nats_port=nats.port,
        health_port_base=find_free_ports(len(default_services())),
    )
    return RunningStack(
        base_url=f"http://127.0.0.1:{http_port}",
        nats=nats,
        database_url=database_url,
        reader_url=reader_url,
        data_dir=base_dir,
        settings=settings,
    )


@contextlib.contextmanager
def running_stack(
    pg_server: Any, *, services: list[str] | None = None, extra_env: dict[str, str] | None = None
) -> Iterator[RunningStack]:
    """A fresh nats-server and database with the named services running on them."""
    base = make_test_dir()
    name = f"t_{uuid.uuid4().hex[:10]}"
    st = make_stack(
        base_dir=base,
        database_url=pg_server.create_database(name),
        reader_url=pg_server.reader_dsn(name),
    )
    st.extra_env.update(extra_env or {})
    try:
        st.start_services(services)
        yield st
    finally:
        st.stop_services()
        st.nats.stop()
        shutil.rmtree(base, ignore_errors=True)
