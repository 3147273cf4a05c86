"""What `make run` starts: settings from env, the service list, ports to check."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from docmill_devstack.errors import DevstackError, PortInUseError
from docmill_devstack.ports import is_port_free

DatabaseAccess = Literal["none", "owner", "reader"]


@dataclass(frozen=True)
class StackSettings:
    """Ports, paths and timeouts of the local stack, all overridable by env."""

    data_dir: Path
    host: str = "127.0.0.1"
    http_port: int = 8000
    nats_port: int = 4222
    pg_port: int = 5433
    health_port_base: int = 8101
    startup_timeout: float = 120.0
    stop_timeout: float = 10.0
    echo_logs: bool = True
    services_file: Path | None = None

    @property
    def logs_dir(self) -> Path:
        """Folder holding one log file per process."""
        return self.data_dir / "logs"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> StackSettings:
        """Build settings from DOCMILL_* variables."""
        services_file = env.get("DOCMILL_STACK_SERVICES")
        return cls(
            data_dir=Path(env.get("DOCMILL_DATA_DIR", ".data")).resolve(),
            host=env.get("DOCMILL_HOST", "127.0.0.1"),
            http_port=_int(env, "DOCMILL_HTTP_PORT", 8000),
            nats_port=_int(env, "DOCMILL_NATS_PORT", 4222),
            pg_port=_int(env, "DOCMILL_PG_PORT", 5433),
            health_port_base=_int(env, "DOCMILL_HEALTH_PORT_BASE", 8101),
            startup_timeout=float(env.get("DOCMILL_STARTUP_TIMEOUT", "120")),
            stop_timeout=float(env.get("DOCMILL_STOP_TIMEOUT", "10")),
            echo_logs=env.get("DOCMILL_STACK_ECHO", "1") not in ("0", "false", "no"),
            services_file=Path(services_file) if services_file else None,
        )


@dataclass(frozen=True)
class ServiceDef:
    """A service to run, before ports and URLs are known."""

    name: str
    argv: tuple[str, ...]
    serves_http: bool = False  # the gateway: health is its own HTTP port
    database: DatabaseAccess = "none"


@dataclass(frozen=True)
class ServiceSpec:
    """A service ready to launch: command, environment and health URL."""

    name: str
    argv: tuple[str, ...]
    health_url: str
    env: Mapping[str, str] = field(default_factory=dict)


def default_services() -> tuple[ServiceDef, ...]:
    """The five real docmill services."""
    python = sys.executable
    return (
        ServiceDef(
            "gateway", (python, "-m", "docmill_gateway"), serves_http=True, database="owner"
        ),
        ServiceDef("ocr", (python, "-m", "docmill_ocr")),
        ServiceDef("extractor", (python, "-m", "docmill_extractor")),
        ServiceDef("vision", (python, "-m", "docmill_vision")),
        ServiceDef("exporter", (python, "-m", "docmill_exporter"), database="reader"),
    )


def load_services(path: Path) -> tuple[ServiceDef, ...]:
    """Read service definitions from a JSON list of {name, argv, serves_http?, database?}."""
    try:
        raw = json.loads(Path(path).read_text())
        return tuple(
            ServiceDef(
                name=item["name"],
                argv=tuple(item["argv"]),
                serves_http=bool(item.get("serves_http", False)),
                database=item.get("database", "none"),
            )
            for item in raw
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DevstackError(f"cannot read service definitions from {path}: {exc}") from exc


def assign_health_ports(services: Sequence[ServiceDef], settings: StackSettings) -> dict[str, int]:
    """Give the HTTP service the HTTP port and every other service its own health port."""
    ports: dict[str, int] = {}
    next_port = settings.health_port_base
    for service in services:
        if service.serves_http:
            ports[service.name] = settings.http_port
        else:
            ports[service.name] = next_port
            next_port += 1
    return ports


def plan_services(
    services: Sequence[ServiceDef],
    settings: StackSettings,
    *,
    nats_url: str,
    database_url: str,
    reader_url: str,
) -> list[ServiceSpec]:
    """Turn definitions into launchable specs with each service's environment."""
    ports = assign_health_ports(services, settings)
    common = {
        "NATS_URL": nats_url,
        "DOCMILL_DATA_DIR": str(settings.data_dir),
        "DOCMILL_LOG_FORMAT": "console",
        "PYTHONUNBUFFERED": "1",  # lines reach the log files as they happen
    }
    specs = []
    for service in services:
        env = {**common, "DOCMILL_SERVICE_NAME": service.name}
        env["DOCMILL_HEALTH_PORT"] = str(ports[service.name])
        if service.serves_http:
            env["DOCMILL_HTTP_HOST"] = settings.host
            env["DOCMILL_HTTP_PORT"] = str(settings.http_port)
        if service.database == "owner":
            env["DATABASE_URL"] = database_url
        elif service.database == "reader":
            env["DATABASE_URL_READONLY"] = reader_url
        specs.append(
            ServiceSpec(
                name=service.name,
                argv=service.argv,
                health_url=f"http://{settings.host}:{ports[service.name]}/healthz",
                env=env,
            )
        )
    return specs


def check_ports(services: Sequence[ServiceDef], settings: StackSettings) -> None:
    """Raise PortInUseError naming the first needed port that is taken and how to move it."""
    needed: list[tuple[int, str, str]] = [
        (settings.http_port, "DOCMILL_HTTP_PORT", "the gateway's HTTP port"),
        (settings.nats_port, "DOCMILL_NATS_PORT", "nats-server"),
        (settings.pg_port, "DOCMILL_PG_PORT", "PostgreSQL"),
    ]
    for name, port in assign_health_ports(services, settings).items():
        if port != settings.http_port:
            needed.append((port, "DOCMILL_HEALTH_PORT_BASE", f"the {name} health endpoint"))
    for port, variable, purpose in needed:
        if not is_port_free(port, settings.host):
            raise PortInUseError(
                f"port {port} ({purpose}, {variable}) is already in use on {settings.host}. "
                f"Stop whatever listens there (`ss -ltnp 'sport = :{port}'` shows it) "
                f"or pick another port, e.g. `{variable}={port + 1000} make run`."
            )


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise DevstackError(f"{name}={value!r} is not a port number") from None
