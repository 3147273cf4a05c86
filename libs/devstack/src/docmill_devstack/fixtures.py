"""pytest fixtures: a real nats-server and a real PostgreSQL per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import pytest

from docmill_devstack.errors import DevstackError
from docmill_devstack.nats import NatsServer, start_nats
from docmill_devstack.postgres import DATABASE, READER_ROLE, bootstrap, run_async, start_postgres

# auto: testcontainers when a Docker engine answers, else local binaries; docker | local force one.
TEST_POSTGRES_ENV = "DOCMILL_TEST_POSTGRES"
TEST_POSTGRES_IMAGE_ENV = "DOCMILL_TEST_POSTGRES_IMAGE"


class PostgresForTests(Protocol):
    """What tests need from a PostgreSQL, wherever it runs."""

    def dsn(self, database: str = DATABASE) -> str: ...
    def reader_dsn(self, database: str = DATABASE) -> str: ...
    def create_database(self, name: str | None = None) -> str: ...
    def stop(self) -> None: ...


class ContainerPostgres:
    """PostgreSQL in a testcontainers container, used when a Docker engine is reachable."""

    _password = "docmill"

    def __init__(self, image: str) -> None:
        try:
            from testcontainers.community.postgres import PostgresContainer
        except ImportError:  # testcontainers before the community split
            from testcontainers.postgres import PostgresContainer

        self._container = PostgresContainer(
            image, username="docmill", password=self._password, dbname=DATABASE
        )
        self._container.start()
        self.host = self._container.get_container_host_ip()
        self.port = int(self._container.get_exposed_port(5432))
        run_async(lambda: self._bootstrap())

    async def _bootstrap(self) -> None:
        await bootstrap(admin_dsn=self.dsn("postgres"), database=DATABASE)
        import asyncpg

        conn = await asyncpg.connect(self.dsn("postgres"))
        try:
            await conn.execute(f"ALTER ROLE {READER_ROLE} PASSWORD '{self._password}'")
        finally:
            await conn.close()

    def dsn(self, database: str = DATABASE) -> str:
        """Owner DSN for database."""
        return f"postgresql://docmill:{self._password}@{self.host}:{self.port}/{database}"

    def reader_dsn(self, database: str = DATABASE) -> str:
        """Read-only DSN for database."""
        return f"postgresql://{READER_ROLE}:{self._password}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database and return its owner DSN."""
        from docmill_devstack.postgres import create_database

        name = name or f"test_{uuid.uuid4().hex[:12]}"
        run_async(lambda: create_database(admin_dsn=self.dsn("postgres"), name=name))
        return self.dsn(name)

    def stop(self) -> None:
        """Remove the container."""
        self._container.stop()


def docker_available(timeout: float = 3.0) -> bool:
    """Tell whether a Docker engine answers `docker info` quickly."""
    if shutil.which("docker") is None:
        return False
    try:
        result = subprocess.run(["docker", "info"], capture_output=True, timeout=timeout)
    except (subprocess.TimeoutExpired, OSError):
        return False
    return result.returncode == 0


def start_test_postgres(base_dir: Path) -> PostgresForTests:
    """Start PostgreSQL for tests: a container if Docker answers, else local binaries."""
    mode = os.environ.get(TEST_POSTGRES_ENV, "auto")
    if mode not in ("auto", "docker", "local"):
        raise DevstackError(f"{TEST_POSTGRES_ENV}={mode!r}: use auto, docker or local")
    if mode == "docker" or (mode == "auto" and docker_available()):
        return ContainerPostgres(os.environ.get(TEST_POSTGRES_IMAGE_ENV, "postgres:17-alpine"))
    return start_postgres(base_dir / "pg", log_path=base_dir / "postgres.log")


def make_test_dir() -> Path:
    """Create a private temp folder the PostgreSQL OS user can enter."""
    # pytest's own tmp_path lives under a 0700 folder the non-root server user cannot traverse.
    path = Path(tempfile.mkdtemp(prefix="docmill-test-"))
    path.chmod(0o755)
    return path


def _fail_loudly(exc: Exception) -> None:
    pytest.fail(f"local test server could not start: {exc}", pytrace=False)


@pytest.fixture(scope="session")
def devstack_dir() -> Iterator[Path]:
    """A session-wide temp folder for server data."""
    path = make_test_dir()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def nats_server(devstack_dir: Path) -> Iterator[NatsServer]:
    """A real nats-server with JetStream on a free port, for the whole session."""
    try:
        server = start_nats(devstack_dir / "nats")
    except DevstackError as exc:
        _fail_loudly(exc)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nats_url(nats_server: NatsServer) -> str:
    """URL of the session's nats-server; use unique stream and subject names per test."""
    return nats_server.url


@pytest.fixture(scope="session")
def pg_server(devstack_dir: Path) -> Iterator[PostgresForTests]:
    """A real PostgreSQL for the whole session (container or local binaries)."""
    try:
        server = start_test_postgres(devstack_dir)
    except DevstackError as exc:
        _fail_loudly(exc)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fresh_database(pg_server: PostgresForTests) -> Callable[..., str]:
    """Factory: `fresh_database()` creates an empty database and returns its owner DSN."""
    return pg_server.create_database


@pytest.fixture(scope="module")
def pg_database(pg_server: PostgresForTests) -> str:
    """Name of an empty database private to the test module."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    pg_server.create_database(name)
    return name


@pytest.fixture(scope="module")
def pg_dsn(pg_server: PostgresForTests, pg_database: str) -> str:
    """Owner DSN of the module's private database."""
    return pg_server.dsn(pg_database)


@pytest.fixture(scope="module")
def pg_reader_dsn(pg_server: PostgresForTests, pg_database: str) -> str:
    """DSN of the read-only role `docmill_reader` on the module's private database."""
    return pg_server.reader_dsn(pg_database)


__all__ = [
    "devstack_dir",
    "fresh_database",
    "nats_server",
    "nats_url",
    "pg_database",
    "pg_dsn",
    "pg_reader_dsn",
    "pg_server",
]
