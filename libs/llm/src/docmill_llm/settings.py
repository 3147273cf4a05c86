"""LLM clients and their resilience from the environment (DOCMILL_LLM_*, DOCMILL_GEMINI_*, keys)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from docmill_runtime.settings import env_float, env_int, env_str


@dataclass(frozen=True, kw_only=True)
class LlmSettings:
    """LLM clients and their resilience; keys never appear in repr or logs."""

    gemini_api_key: str = field(default="", repr=False)
    gemini_model: str = "gemini-2.5-flash"
    gemini_base_url: str = ""  # empty: Google's endpoint
    openai_api_key: str = field(default="", repr=False)
    openai_base_url: str = "http://127.0.0.1:11434/v1"
    openai_model: str = "llama3.1"
    timeout_s: float = 60.0
    attempts: int = 3
    wait_min_s: float = 4.0
    wait_max_s: float = 10.0
    breaker_threshold: int = 5
    breaker_reset_s: float = 60.0

    @classmethod
    def from_env(cls) -> LlmSettings:
        """Keys from GEMINI_API_KEY / OPENAI_API_KEY; the rest from DOCMILL_* variables."""
        return cls(
            gemini_api_key=os.environ.get("GEMINI_API_KEY") or os.environ.get("GOOGLE_API_KEY", ""),
            gemini_model=env_str("DOCMILL_GEMINI_MODEL", cls.gemini_model),
            gemini_base_url=env_str("DOCMILL_GEMINI_BASE_URL", ""),
            openai_api_key=os.environ.get("OPENAI_API_KEY", ""),
            openai_base_url=os.environ.get("OPENAI_BASE_URL")
            or env_str("DOCMILL_OPENAI_BASE_URL", cls.openai_base_url),
            openai_model=env_str("DOCMILL_OPENAI_MODEL", cls.openai_model),
            timeout_s=env_float("DOCMILL_LLM_TIMEOUT_S", cls.timeout_s),
            attempts=env_int("DOCMILL_LLM_ATTEMPTS", cls.attempts),
            wait_min_s=env_float("DOCMILL_LLM_RETRY_MIN_S", cls.wait_min_s),
            wait_max_s=env_float("DOCMILL_LLM_RETRY_MAX_S", cls.wait_max_s),
            breaker_threshold=env_int("DOCMILL_LLM_BREAKER_THRESHOLD", cls.breaker_threshold),
            breaker_reset_s=env_float("DOCMILL_LLM_BREAKER_RESET_S", cls.breaker_reset_s),
        )
