"""Settings every worker reads from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


def env_str(name: str, default: str) -> str:
    """A string setting from the environment."""
    return os.environ.get(name, default)


def env_int(name: str, default: int) -> int:
    """An integer setting from the environment, with a clear error when malformed."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from None


def env_float(name: str, default: float) -> float:
    """A float setting from the environment."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a number, got {raw!r}") from None


def env_bool(name: str, default: bool) -> bool:
    """A boolean setting: 1/true/yes/on are true."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True, kw_only=True)
class WorkerSettings:
    service: str
    nats_url: str
    health_host: str
    health_port: int
    log_format: str  # "json" | "console" | "auto"
    log_level: str
    grace_period_s: float
    fetch_timeout_s: float
    max_hold_s: float = 3600.0

    @classmethod
    def from_env(cls, service: str, *, default_health_port: int = 0) -> WorkerSettings:
        """Build from `NATS_URL` and `DOCMILL_*` variables."""
        return cls(
            service=service,
            nats_url=env_str("NATS_URL", "nats://127.0.0.1:4222"),
            health_host=env_str("DOCMILL_HEALTH_HOST", "127.0.0.1"),
            health_port=env_int("DOCMILL_HEALTH_PORT", default_health_port),
            log_format=env_str("DOCMILL_LOG_FORMAT", "auto"),
            log_level=env_str("DOCMILL_LOG_LEVEL", "info"),
            # Below Kubernetes' default terminationGracePeriodSeconds (30 s).
            grace_period_s=env_float("DOCMILL_GRACE_PERIOD_S", 25.0),
            fetch_timeout_s=env_float("DOCMILL_FETCH_TIMEOUT_S", 1.0),
            # How long a message may wait in place for a dependency that is down.
            max_hold_s=env_float("DOCMILL_MAX_HOLD_S", 3600.0),
        )
