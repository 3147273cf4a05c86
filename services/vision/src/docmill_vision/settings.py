"""Vision worker settings from the environment (DOCMILL_VISION_*)."""

from __future__ import annotations

from dataclasses import dataclass

from docmill_runtime.settings import WorkerSettings


@dataclass(frozen=True, kw_only=True)
class VisionSettings:
    worker: WorkerSettings

    @classmethod
    def from_env(cls) -> VisionSettings:
        """Build from NATS_URL and DOCMILL_* variables."""
        return cls(worker=WorkerSettings.from_env("vision"))
