"""The exporter's PostgreSQL access: a pool whose every session is read-only."""

from __future__ import annotations

import asyncpg

# The gateway is the only writer; a read-only session makes a stray write an error
# even when the exporter is (mis)configured with a writer's credentials.
READ_ONLY_SETTINGS = {
    "default_transaction_read_only": "on",
    "application_name": "docmill-exporter",
}


def session_settings(*, timezone: str) -> dict[str, str]:
    """Server settings for every exporter connection."""
    return {**READ_ONLY_SETTINGS, "TimeZone": timezone}


async def open_pool(dsn: str, *, timezone: str = "UTC", max_size: int = 4) -> asyncpg.Pool:
    """A small pool of read-only sessions; connections open lazily."""
    return await asyncpg.create_pool(
        dsn,
        min_size=0,
        max_size=max_size,
        server_settings=session_settings(timezone=timezone),
    )
