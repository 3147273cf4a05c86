"""Reachability of each LLM backend, as the extractor's circuit breakers see it.

Stored in KV `pipeline` under `llm_status` so the gateway can report it without
probing the LLM itself.
"""

from __future__ import annotations

from typing import Literal

import msgspec
from msgspec import Struct

from docmill_contracts import SCHEMA_VERSION

LLM_STATUS_KEY = "llm_status"
BreakerState = Literal["closed", "open", "half_open"]


class BackendStatus(Struct, frozen=True, kw_only=True):
    state: BreakerState = "closed"
    reachable: bool = True  # False while the breaker is open
    failures: int = 0  # consecutive failures counted by the breaker
    retry_in_s: float = 0.0  # until a half-open probe is allowed
    last_error: str | None = None
    updated_at: float = 0.0  # unix time


class LlmStatus(Struct, frozen=True, kw_only=True):
    v: int = SCHEMA_VERSION
    backends: dict[str, BackendStatus] = msgspec.field(default_factory=dict)


llm_status_decoder = msgspec.json.Decoder(LlmStatus)
