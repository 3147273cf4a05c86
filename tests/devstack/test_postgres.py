"""PostgreSQL from local binaries: non-root server, TCP, data kept across restarts."""

import os
import pwd
from pathlib import Path

import asyncpg
import pytest

from docmill_devstack.errors import BinaryNotFoundError, PermissionProblemError
from docmill_devstack.pgbin import PG_BINDIR_ENV, check_traversable, find_pg_bindir
from docmill_devstack.postgres import running_postgres


async def test_server_runs_as_non_root_and_keeps_data_across_restarts(
    server_dir: Path,
) -> None:
    data_dir = server_dir / "pg"
    async with running_postgres(data_dir) as server:
        assert server.dsn() == f"postgresql://docmill@127.0.0.1:{server.port}/docmill"
        pid = int((data_dir / "postmaster.pid").read_text().split()[0])
        assert os.stat(f"/proc/{pid}").st_uid != 0
        conn = await asyncpg.connect(server.dsn())
        await conn.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')")
        await conn.close()
    async with running_postgres(data_dir) as server:
        conn = await asyncpg.connect(server.dsn())
        assert await conn.fetchval("SELECT v FROM kept") == "still here"
        await conn.close()


async def test_fixtures_give_a_private_database_and_a_read_only_role(
    pg_dsn: str, pg_reader_dsn: str, fresh_database
) -> None:
    owner = await asyncpg.connect(pg_dsn)
    await owner.execute("CREATE TABLE t (v int); INSERT INTO t VALUES (1)")
    await owner.execute("GRANT SELECT ON t TO docmill_reader")
    await owner.close()
    reader = await asyncpg.connect(pg_reader_dsn)
    assert await reader.fetchval("SELECT current_user") == "docmill_reader"
    assert await reader.fetchval("SELECT v FROM t") == 1
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await reader.execute("INSERT INTO t VALUES (2)")
    await reader.close()
    other = await asyncpg.connect(fresh_database())
    assert await other.fetchval("SELECT to_regclass('t')") is None
    await other.close()


@pytest.mark.unit
def test_missing_binaries_fail_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PG_BINDIR_ENV, "/nonexistent/bin")
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr("glob.glob", lambda pattern: [])
    with pytest.raises(BinaryNotFoundError, match="DOCMILL_PG_BINDIR"):
        find_pg_bindir()


@pytest.mark.unit
def test_untraversable_parent_is_reported_not_loosened(tmp_path: Path) -> None:
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o700)
    stranger = pwd.struct_passwd(("nobody", "x", 65534, 65534, "", "/", "/usr/sbin/nologin"))
    with pytest.raises(PermissionProblemError, match=r"chmod o\+x"):
        check_traversable(closed / "pg", stranger, purpose="data under")
    assert closed.stat().st_mode & 0o777 == 0o700
