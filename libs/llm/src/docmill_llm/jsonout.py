"""A model's JSON answer decoded into a Struct, or a retryable LlmOutputError."""

from __future__ import annotations

from typing import TypeVar

import msgspec

from docmill_llm.errors import LlmOutputError

T = TypeVar("T")


def decode_answer(raw: str | None, decoder: msgspec.json.Decoder[T], *, what: str) -> T:
    """`raw` decoded with `decoder`; LlmOutputError naming `what` when it does not fit."""
    if not raw:
        raise LlmOutputError("the model returned an empty answer")
    body = raw.strip()
    if body.startswith("```"):
        # Some servers wrap JSON mode output in a markdown fence anyway.
        body = body.strip("`").removeprefix("json").strip()
    try:
        return decoder.decode(body)
    except (msgspec.DecodeError, msgspec.ValidationError) as err:
        raise LlmOutputError(
            f"the model's answer does not match the {what} schema: {err}"
        ) from None
