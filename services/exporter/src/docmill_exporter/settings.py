"""Exporter settings from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from docmill_runtime.settings import WorkerSettings, env_float, env_int, env_str


@dataclass(frozen=True, kw_only=True)
class ExporterSettings:
    worker: WorkerSettings
    database_url: str
    # Rows pulled from the server-side cursor per round trip; also the write batch.
    chunk_rows: int
    # Rows looked at to size the columns (write-only sheets cannot be resized later).
    sample_rows: int
    # created_at date filters are whole days in this zone.
    timezone: str
    tmp_dir: Path | None
    heartbeat_s: float
    # Connections; exports beyond this wait for one (concurrency lives in KV `pipeline`).
    pool_size: int

    @classmethod
    def from_env(cls) -> ExporterSettings:
        """Build from `DATABASE_URL_READONLY` (else `DATABASE_URL`), `NATS_URL`, `DOCMILL_*`."""
        database_url = os.environ.get("DATABASE_URL_READONLY") or os.environ.get("DATABASE_URL")
        if not database_url:
            raise SystemExit("set DATABASE_URL_READONLY (or DATABASE_URL) for the exporter")
        tmp_dir = env_str("DOCMILL_EXPORT_TMP_DIR", "")
        return cls(
            worker=WorkerSettings.from_env("exporter"),
            database_url=database_url,
            chunk_rows=max(1, env_int("DOCMILL_EXPORT_CHUNK_ROWS", 1000)),
            sample_rows=max(0, env_int("DOCMILL_EXPORT_SAMPLE_ROWS", 500)),
            timezone=env_str("DOCMILL_EXPORT_TIMEZONE", "UTC"),
            tmp_dir=Path(tmp_dir) if tmp_dir else None,
            heartbeat_s=env_float("DOCMILL_EXPORT_HEARTBEAT_S", 10.0),
            pool_size=max(1, env_int("DOCMILL_EXPORT_POOL_SIZE", 4)),
        )
