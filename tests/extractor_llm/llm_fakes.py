"""The fake LLM servers and fast settings, from docmill_llm.testing (shared with vision)."""

from docmill_llm.testing import (
    Answer,
    FakeLlm,
    Recorded,
    fast_settings,
    inline_images,
    serve,
    user_text,
)

__all__ = [
    "Answer",
    "FakeLlm",
    "Recorded",
    "fast_settings",
    "inline_images",
    "serve",
    "user_text",
]
