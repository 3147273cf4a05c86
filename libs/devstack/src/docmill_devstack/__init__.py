"""docmill's local stack: real nats-server and PostgreSQL for `make run` and the tests."""

from docmill_devstack.errors import (
    BinaryNotFoundError,
    DevstackError,
    PermissionProblemError,
    PortInUseError,
    ServerStartError,
)
from docmill_devstack.nats import NatsServer, running_nats, start_nats
from docmill_devstack.postgres import PostgresServer, running_postgres, start_postgres

__all__ = [
    "BinaryNotFoundError",
    "DevstackError",
    "NatsServer",
    "PermissionProblemError",
    "PortInUseError",
    "PostgresServer",
    "ServerStartError",
    "running_nats",
    "running_postgres",
    "start_nats",
    "start_postgres",
]
