"""Extractor worker settings from the environment (DOCMILL_EXTRACT_*, DOCMILL_LLM_*, keys)."""

from __future__ import annotations

from dataclasses import dataclass, field

from docmill_llm.settings import LlmSettings
from docmill_runtime.settings import WorkerSettings, env_float, env_int

__all__ = ["ExtractorSettings", "LlmSettings"]


@dataclass(frozen=True, kw_only=True)
class ExtractorSettings:
    worker: WorkerSettings
    rules_processes: int  # processes running the rules backend
    time_limit_s: float  # one document's extraction
    heartbeat_s: float
    llm: LlmSettings = field(default_factory=LlmSettings)

    @classmethod
    def from_env(cls) -> ExtractorSettings:
        """Build from NATS_URL and DOCMILL_* variables."""
        return cls(
            worker=WorkerSettings.from_env("extractor"),
            rules_processes=env_int("DOCMILL_EXTRACT_RULES_PROCESSES", 1),
            time_limit_s=env_float("DOCMILL_EXTRACT_TIME_LIMIT_S", 120.0),
            heartbeat_s=env_float("DOCMILL_EXTRACT_HEARTBEAT_S", 10.0),
            llm=LlmSettings.from_env(),
        )
