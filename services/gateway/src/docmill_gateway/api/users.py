"""Seed 000 user surface: POST/GET /api/user-info, PATCH /api/user-info/update-batch."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from docmill_gateway.api.deps import StateDep
from docmill_gateway.api.validation import BadRequestRoute, Id, OptionalId, Text
from docmill_gateway.db import users

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
