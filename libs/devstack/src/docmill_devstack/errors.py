"""Errors raised while starting the local stack."""


class DevstackError(Exception):
    """Base for every local-stack failure; the message says what to do."""


class BinaryNotFoundError(DevstackError):
    """A server binary (nats-server, initdb, pg_ctl) could not be found."""


class ServerStartError(DevstackError):
    """A server process did not become ready."""


class PortInUseError(DevstackError):
    """A port the stack needs is already taken."""


class PermissionProblemError(DevstackError):
    """The PostgreSQL OS user cannot reach the data directory."""
