"""Runs the local stack: servers, one process per service, health, ordered shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import structlog

from docmill_devstack.nats import running_nats
from docmill_devstack.postgres import running_postgres
from docmill_devstack.stack import (
    ServiceDef,
    ServiceSpec,
    StackSettings,
    check_ports,
    default_services,
    load_services,
    plan_services,
)

log = structlog.get_logger("docmill.devstack")


@dataclass
class RunningService:
    """One child process, its log file and its health URL."""

    spec: ServiceSpec
    process: asyncio.subprocess.Process
    log_path: Path
    started_at: float = field(default_factory=time.monotonic)


class ServiceGroup:
    """The service processes of the stack, started and stopped together."""

    def __init__(
        self, specs: Sequence[ServiceSpec], *, settings: StackSettings, stop: asyncio.Event
    ) -> None:
        self.specs = list(specs)
        self.settings = settings
        self.running: list[RunningService] = []
        self.stopping = False
        self.failed: str | None = None
        self._stop = stop  # set when a service dies, so the whole stack goes down
        self._width = max((len(s.name) for s in self.specs), default=0)

    async def start(self, tg: asyncio.TaskGroup) -> None:
        """Launch every service; pump its output and watch it exit inside tg."""
        self.settings.logs_dir.mkdir(parents=True, exist_ok=True)
        for spec in self.specs:
            log_path = self.settings.logs_dir / f"{spec.name}.log"
            process = await asyncio.create_subprocess_exec(
                *spec.argv,
                env={**os.environ, **spec.env},
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
                # Own process group: Ctrl-C reaches only us, so we stop things in order.
                start_new_session=True,
            )
            service = RunningService(spec=spec, process=process, log_path=log_path)
            self.running.append(service)
            log.info("service started", service=spec.name, pid=process.pid, log=str(log_path))
            tg.create_task(self._pump(service), name=f"pump-{spec.name}")
            tg.create_task(self._watch(service), name=f"watch-{spec.name}")

    async def wait_healthy(self, *, within: float) -> bool:
        """Poll every /healthz until all answer 200; False on timeout or a dead service."""
        pending = {s.spec.name: s for s in self.running}
        deadline = time.monotonic() + within
        async with httpx.AsyncClient(timeout=2.0) as client:
            while pending:
                if self._stop.is_set():
                    return False
                for name, service in list(pending.items()):
                    with contextlib.suppress(httpx.HTTPError):
                        response = await client.get(service.spec.health_url)
                        if response.status_code == 200:
                            took = time.monotonic() - service.started_at
                            log.info("service healthy", service=name, seconds=round(took, 1))
                            del pending[name]
                if not pending:
                    break
                if time.monotonic() > deadline:
                    self.failed = self.failed or next(iter(pending))
                    for name, service in pending.items():
                        log.error(
                            "service not healthy in time",
                            service=name,
                            url=service.spec.health_url,
                            timeout=within,
                            hint=f"read {service.log_path}",
                        )
                    return False
                await asyncio.sleep(0.25)
        return True

    async def stop(self) -> None:
        """SIGTERM every service, wait up to the stop timeout, then SIGKILL."""
        self.stopping = True
        alive = [s for s in self.running if s.process.returncode is None]
        for service in alive:
            _signal_group(service.process, signal.SIGTERM)
        for service in alive:
            try:
                await asyncio.wait_for(service.process.wait(), self.settings.stop_timeout)
            except TimeoutError:
                log.warning("service ignored SIGTERM, killing it", service=service.spec.name)
                _signal_group(service.process, signal.SIGKILL)
                await service.process.wait()
        for service in alive:
            log.info("service stopped", service=service.spec.name, code=service.process.returncode)

    async def _watch(self, service: RunningService) -> None:
        code = await service.process.wait()
        if self.stopping:
            return
        self.failed = self.failed or service.spec.name
        log.error(
            "service exited, stopping the stack",
            service=service.spec.name,
            code=code,
            hint=f"read {service.log_path}",
        )
        self._stop.set()

    async def _pump(self, service: RunningService) -> None:
        # Chunked reads, not readline: one huge log line must not kill the stack.
        assert service.process.stdout is not None
        prefix = f"{service.spec.name:<{self._width}} | ".encode()
        partial = b""
        with service.log_path.open("ab") as sink:
            while chunk := await service.process.stdout.read(65536):
                sink.write(chunk)
                sink.flush()
                if not self.settings.echo_logs:
                    continue
                *lines, partial = (partial + chunk).split(b"\n")
                self._echo(b"".join(prefix + line + b"\n" for line in lines))
            if partial and self.settings.echo_logs:
                self._echo(prefix + partial + b"\n")

    @staticmethod
    def _echo(data: bytes) -> None:
        with contextlib.suppress(OSError):  # a closed console must not stop the services
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()


async def run_stack(settings: StackSettings, services: Sequence[ServiceDef] | None = None) -> int:
    """Run nats-server, PostgreSQL and the services until SIGINT/SIGTERM or a failure."""
    if services is None:
        services = (
            load_services(settings.services_file) if settings.services_file else default_services()
        )
    check_ports(services, settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    logs = settings.logs_dir
    logs.mkdir(parents=True, exist_ok=True)
    # Resources unwind in reverse: services first, then PostgreSQL, then nats-server.
    async with contextlib.AsyncExitStack() as resources:
        resources.callback(log.info, "nats-server stopped")
        nats = await resources.enter_async_context(
            running_nats(
                settings.data_dir / "nats",
                port=settings.nats_port,
                host=settings.host,
                log_path=logs / "nats-server.log",
            )
        )
        log.info("nats-server ready", url=nats.url, log=str(nats.log_path))
        resources.callback(log.info, "postgres stopped")
        pg = await resources.enter_async_context(
            running_postgres(
                settings.data_dir / "pg",
                port=settings.pg_port,
                host=settings.host,
                log_path=logs / "postgres.log",
            )
        )
        log.info("postgres ready", dsn=pg.dsn(), log=str(pg.log_path))
        specs = plan_services(
            services, settings, nats_url=nats.url, database_url=pg.dsn(), reader_url=pg.reader_dsn()
        )
        group = ServiceGroup(specs, settings=settings, stop=stop)
        resources.push_async_callback(group.stop)
        async with asyncio.TaskGroup() as tg:
            await group.start(tg)
            if await group.wait_healthy(within=settings.startup_timeout):
                _print_banner(settings)
            else:
                stop.set()
            await stop.wait()
            log.info("stopping the stack")
            await group.stop()
    if group.failed:
        log.error("stack stopped after a failure", service=group.failed)
        return 1
    log.info("stack stopped")
    return 0


def _signal_group(process: asyncio.subprocess.Process, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def _print_banner(settings: StackSettings) -> None:
    base = f"http://{settings.host}:{settings.http_port}"
    sys.stdout.write(
        "\n"
        f"  docmill is running: {base}\n"
        f"  API docs:           {base}/docs\n"
        f"  logs:               {settings.logs_dir}/<service>.log\n"
        "  stop with Ctrl-C\n\n"
    )
    sys.stdout.flush()
