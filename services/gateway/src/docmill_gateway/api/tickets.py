"""Seed 000 support ticket surface: /api/tickets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, StringConstraints

from docmill_gateway.api.deps import StateDep
from docmill_gateway.api.validation import BadRequestRoute, OptionalId, Text
from docmill_gateway.db import tickets

router = APIRouter(prefix="/api/tickets", tags=["saledeed: tickets"], route_class=BadRequestRoute)

# Ticket ids are bigserial; anything outside that range cannot exist.
TicketId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class TicketCreate(BaseModel):
    user_name: Text
    batch_id: OptionalId = None
    error_type: Text
    description: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)
    ]


class StatusChange(BaseModel):
    status: str


@router.post("", status_code=201)
async def create_ticket(body: TicketCreate, state: StateDep) -> dict:
    """Open a support ticket."""
    async with state.pool.acquire() as conn:
        return await tickets.insert_ticket(conn=conn, **body.model_dump())


@router.get("")
async def list_tickets(state: StateDep) -> list[dict]:
    """Every ticket, latest first."""
    async with state.pool.acquire() as conn:
        return await tickets.list_tickets(conn=conn)


@router.get("/{ticket_id}")
async def get_ticket(ticket_id: TicketId, state: StateDep) -> dict:
    """One ticket."""
    async with state.pool.acquire() as conn:
        ticket = await tickets.fetch_ticket(conn=conn, ticket_id=ticket_id)
    if ticket is None:
        raise HTTPException(status_code=404, detail="Ticket not found")
    return ticket


@router.patch("/{ticket_id}/status")
async def update_ticket_status(ticket_id: TicketId, body: StatusChange, state: StateDep) -> dict:
    """Move a ticket to another status; resolved_at records the first resolution."""
    if body.status not in tickets.STATUSES:
        raise HTTPException(
            status_code=400,
            detail=f"Invalid status '{body.status}'. Valid values: {', '.join(tickets.STATUSES)}",
        )
    async with state.pool.acquire() as conn:
        ticket = await tickets.update_ticket_status(
            conn=conn, ticket_id=ticket_id, status=body.status
        )
    if ticket is None:
        raise HTTPException(status_code=404, detail="Ticket not found")
    return ticket
