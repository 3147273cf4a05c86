"""Shared fixtures: a real nats-server and PostgreSQL per test session (see docmill_devstack)."""

from docmill_devstack.fixtures import (  # noqa: F401 - re-exported as pytest fixtures
    devstack_dir,
    fresh_database,
    nats_server,
    nats_url,
    pg_database,
    pg_dsn,
    pg_reader_dsn,
    pg_server,
)
