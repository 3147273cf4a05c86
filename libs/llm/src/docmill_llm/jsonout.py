"""A model's JSON answer decoded into a Struct, or a retryable LlmOutputError."""

from __future__ import annotations

from typing import Any, TypeVar

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


def inline_schema(struct: type) -> dict[str, Any]:
    """The JSON Schema of a msgspec type with its definitions inlined, for picky servers."""
    schema = msgspec.json.schema(struct)
    defs = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                return inline(defs[ref.rsplit("/", 1)[-1]])
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return inline(schema)
