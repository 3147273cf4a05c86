"""Timestamps in the seed's shape: ISO 8601 to the second, UTC, no offset."""

from __future__ import annotations

from datetime import UTC, date, datetime


def iso(value: datetime | date | None) -> str | None:
    """`2024-12-23T13:00:00` for datetimes, `2024-01-15` for dates, None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="seconds")
    return value.isoformat()
