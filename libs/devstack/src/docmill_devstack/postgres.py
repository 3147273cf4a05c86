"""A real PostgreSQL on TCP from local binaries, run as a non-root OS user."""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import threading
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import asyncpg

from docmill_devstack.errors import DevstackError, ServerStartError
from docmill_devstack.pgbin import (
    check_traversable,
    ensure_os_user,
    find_pg_bindir,
    server_major_version,
)
from docmill_devstack.ports import find_free_port

OS_USER = "docmill"
SUPERUSER = "docmill"
DATABASE = "docmill"
READER_ROLE = "docmill_reader"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
T = TypeVar("T")


@dataclass
class PostgresServer:
    """A running PostgreSQL cluster and how to reach it."""

    bindir: Path
    data_dir: Path
    host: str
    port: int
    log_path: Path
    os_user: pwd.struct_passwd
    socket_dir: Path
    superuser: str = SUPERUSER
    reader_role: str = READER_ROLE
    _stopped: bool = field(default=False, repr=False)

    def dsn(self, database: str = DATABASE) -> str:
        """DSN of the superuser (owner of every database) for database."""
        return f"postgresql://{self.superuser}@{self.host}:{self.port}/{database}"

    def reader_dsn(self, database: str = DATABASE) -> str:
        """DSN of the read-only login role for database."""
        return f"postgresql://{self.reader_role}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database (a unique name unless given) and return its DSN."""
        name = name or f"test_{uuid.uuid4().hex[:12]}"
        run_async(lambda: create_database(admin_dsn=self.dsn("postgres"), name=name))
        return self.dsn(name)

    def stop(self) -> None:
        """Stop the server (`pg_ctl stop -m fast`); safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        _run_as(self, ["pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop"], check=False)
        shutil.rmtree(self.socket_dir, ignore_errors=True)


def start_postgres(
    data_dir: Path,
    *,
    port: int = 0,
    host: str = "127.0.0.1",
    log_path: Path | None = None,
    os_user: str = OS_USER,
    database: str = DATABASE,
    timeout: float = 60.0,
) -> PostgresServer:
    """Start PostgreSQL on data_dir (initdb only when empty); create database and reader role."""
    bindir = find_pg_bindir()
    user = ensure_os_user(os_user)
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    check_traversable(bindir, user, purpose="the PostgreSQL binaries in")
    check_traversable(data_dir.parent, user, purpose="the PostgreSQL data dir under")
    log_path = Path(log_path).resolve() if log_path else data_dir.parent / f"{data_dir.name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.touch()
    # A short private folder: Unix socket paths are limited to ~107 bytes.
    socket_dir = Path(tempfile.mkdtemp(prefix="docmill-pg-"))
    for owned in (socket_dir, log_path):
        os.chown(owned, user.pw_uid, user.pw_gid)
    server = PostgresServer(
        bindir=bindir,
        data_dir=data_dir,
        host=host,
        port=port or find_free_port(host),
        log_path=log_path,
        os_user=user,
        socket_dir=socket_dir,
    )
    try:
        _prepare_data_dir(server)
        _stop_leftover(server)
        server_opts = f"-p {server.port} -h {host} -k {socket_dir}"
        result = _run_as(
            server,
            [
                "pg_ctl",
                "-D",
                str(data_dir),
                "-w",
                "-t",
                str(int(timeout)),
                "-l",
                str(log_path),
                "-o",
                server_opts,
                "start",
            ],
            check=False,
        )
        if result.returncode != 0:
            raise ServerStartError(
                f"PostgreSQL did not start on {host}:{server.port}: {result.stdout.strip()} "
                f"{result.stderr.strip()}\nlast lines of {log_path}:\n{_tail(log_path)}"
            )
        run_async(lambda: bootstrap(admin_dsn=server.dsn("postgres"), database=database))
    except BaseException:
        server.stop()
        raise
    return server


@contextlib.contextmanager
def postgres_server(data_dir: Path, **kwargs: Any) -> Iterator[PostgresServer]:
    """Run PostgreSQL for the duration of a with-block."""
    server = start_postgres(data_dir, **kwargs)
    try:
        yield server
    finally:
        server.stop()


@contextlib.asynccontextmanager
async def running_postgres(data_dir: Path, **kwargs: Any) -> AsyncIterator[PostgresServer]:
    """Run PostgreSQL for the duration of an async with-block."""
    server = await asyncio.to_thread(start_postgres, data_dir, **kwargs)
    try:
        yield server
    finally:
        await asyncio.to_thread(server.stop)


async def bootstrap(*, admin_dsn: str, database: str, reader_role: str = READER_ROLE) -> None:
    """Create database and the read-only login role unless they exist."""
    conn = await asyncpg.connect(admin_dsn)
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", reader_role):
            await conn.execute(f'CREATE ROLE "{_checked(reader_role)}" LOGIN')
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database):
            await conn.execute(f'CREATE DATABASE "{_checked(database)}"')
    finally:
        await conn.close()


async def create_database(*, admin_dsn: str, name: str) -> None:
    """Create an empty database called name."""
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{_checked(name)}"')
    finally:
        await conn.close()


def run_async(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from sync code, even inside a running event loop."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(_await(make))
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    # A private thread keeps this usable from sync fixtures while pytest-asyncio's loop runs.
    thread = threading.Thread(target=target, name="devstack-sql")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


async def _await(make: Callable[[], Awaitable[T]]) -> T:
    return await make()


def _prepare_data_dir(server: PostgresServer) -> None:
    data_dir, user = server.data_dir, server.os_user
    version_file = data_dir / "PG_VERSION"
    if version_file.exists():
        found, wanted = int(version_file.read_text().strip()), server_major_version(server.bindir)
        if found != wanted:
            raise DevstackError(
                f"{data_dir} holds a PostgreSQL {found} cluster but the binaries in "
                f"{server.bindir} are PostgreSQL {wanted}; remove {data_dir} (`make clean`) "
                f"or point DOCMILL_PG_BINDIR at PostgreSQL {found}"
            )
    elif any(data_dir.iterdir()):
        raise DevstackError(f"{data_dir} is neither empty nor a PostgreSQL data dir; remove it")
    if data_dir.stat().st_uid != user.pw_uid:
        for root, dirs, files in os.walk(data_dir):
            for name in [*dirs, *files]:
                os.lchown(os.path.join(root, name), user.pw_uid, user.pw_gid)
        os.chown(data_dir, user.pw_uid, user.pw_gid)
    # PostgreSQL refuses a data dir readable by others.
    data_dir.chmod(0o700)
    if not version_file.exists():
        _run_as(
            server,
            [
                "initdb",
                "-D",
                str(data_dir),
                "-U",
                server.superuser,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-instructions",
            ],
        )


def _stop_leftover(server: PostgresServer) -> None:
    # A server left running by a killed stack would block the start; stop it first.
    status = _run_as(server, ["pg_ctl", "-D", str(server.data_dir), "status"], check=False)
    if status.returncode == 0:
        _run_as(server, ["pg_ctl", "-D", str(server.data_dir), "-m", "fast", "-w", "stop"])


def _run_as(
    server: PostgresServer, argv: list[str], *, check: bool = True
) -> subprocess.CompletedProcess[str]:
    user = server.os_user
    run_as: dict[str, Any] = {}
    if os.geteuid() == 0:
        run_as = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "HOME": str(server.socket_dir)}
    result = subprocess.run(
        [str(server.bindir / argv[0]), *argv[1:]],
        capture_output=True,
        text=True,
        cwd=server.socket_dir,  # the OS user may not be allowed into our cwd
        env=env,
        check=False,
        **run_as,
    )
    if check and result.returncode != 0:
        raise ServerStartError(
            f"`{' '.join(argv)}` failed ({result.returncode}): {result.stderr.strip()}"
        )
    return result


def _checked(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"unsafe SQL identifier: {name!r}")
    return name


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
