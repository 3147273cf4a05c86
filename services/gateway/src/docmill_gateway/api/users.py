"""Seed 000 user surface: POST/GET /api/user-info, PATCH /api/user-info/update-batch."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, BeforeValidator, Field, StringConstraints

from docmill_gateway.api.deps import StateDep
from docmill_gateway.db import users

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


router = APIRouter(prefix="/api/user-info", tags=["saledeed: users"], route_class=BadRequestRoute)


class UserInfoCreate(BaseModel):
    user_name: Text
    number_of_files: int = Field(ge=1, le=100_000)
    file_region: Text
    batch_id: OptionalId = None


class BatchLink(BaseModel):
    user_name: Text
    batch_id: Id


@router.post("", status_code=201)
async def create_user_info(body: UserInfoCreate, state: StateDep) -> dict:
    """Record who is about to upload how many files from which region."""
    async with state.pool.acquire() as conn:
        return await users.insert_user_info(conn=conn, **body.model_dump())


@router.get("")
async def list_user_info(state: StateDep) -> list[dict]:
    """Every user info entry, latest first."""
    async with state.pool.acquire() as conn:
        return await users.list_user_info(conn=conn)


@router.patch("/update-batch")
async def update_user_batch(body: BatchLink, state: StateDep) -> dict:
    """Link the user's latest entry to the batch their upload created."""
    async with state.pool.acquire() as conn:
        found = await users.set_latest_batch(
            conn=conn, user_name=body.user_name, batch_id=body.batch_id
        )
    if not found:
        raise HTTPException(status_code=404, detail="User info not found")
    return {"success": True, "message": "User info updated with batch_id"}
