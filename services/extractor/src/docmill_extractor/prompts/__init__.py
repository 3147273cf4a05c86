"""Prompts for the LLM backends, kept as files; their hash is the prompt version."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

DOC_TYPES = ("sale_deed", "invoice")


@cache
def load_prompt(doc_type: str) -> str:
    """The system prompt for `doc_type` (a `{schema}` placeholder left to fill)."""
    return resources.files(__package__).joinpath(f"{doc_type}.txt").read_text(encoding="utf-8")


@cache
def prompt_version() -> str:
    """A short hash of every prompt: a new wording never reuses cached answers."""
    digest = hashlib.sha256()
    for doc_type in DOC_TYPES:
        digest.update(load_prompt(doc_type).encode())
    return digest.hexdigest()[:12]
