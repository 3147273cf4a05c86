"""Request validation in the seed's shape: 400 `{"detail": "..."}`, never FastAPI's 422."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BeforeValidator, StringConstraints

# Non-blank text, trimmed; the bound keeps one request from storing megabytes.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# An optional id: blank counts as absent, as forms send "" for an empty field.
OptionalId = Annotated[Id | None, BeforeValidator(_blank_to_none)]


def validation_detail(errors: list[dict[str, Any]]) -> str:
    """One readable sentence per problem, e.g. `user_name is required`."""
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "path", "query")]
        field = ".".join(loc)
        kind = err.get("type")
        if kind == "json_invalid":
            parts.append("Request body is not valid JSON")
        elif kind == "missing":
            parts.append(f"{field} is required" if field else "Request body is required")
        elif kind == "string_too_short":
            parts.append(f"{field} must not be empty")
        else:
            parts.append(f"{field}: {err.get('msg')}" if field else f"Request body: {err['msg']}")
    return "; ".join(parts)


class BadRequestRoute(APIRoute):
    """Invalid parameters are the seed's 400 `{"detail": "..."}`, not FastAPI's 422."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as err:
                detail = validation_detail(list(err.errors()))
                raise HTTPException(status_code=400, detail=detail) from None

        return route_handler
