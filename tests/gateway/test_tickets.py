"""Support tickets: create, list, get, status changes and the once-only resolved_at."""

import re

import asyncpg
import pytest

pytestmark = pytest.mark.slow

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
SEED_TICKET = {
    "user_name": "John Doe",
    "batch_id": "BATCH_20241223_130000_a1b2c3d4",
    "error_type": "OCR Failure",
    "description": "OCR failed on 3 documents",
}
INVALID = "Invalid status '{}'. Valid values: open, in_progress, resolved, closed"


async def create(api, **changes):
    r = await api.post("/api/tickets", json={**SEED_TICKET, **changes})
    assert r.status_code == 201, r.text
    return r.json()


async def raw_resolved_at(gateway, ticket_id):
    """resolved_at to the microsecond: the API's seconds cannot show a re-stamp."""
    conn = await asyncpg.connect(gateway.database_url)
    try:
        return await conn.fetchval("SELECT resolved_at FROM tickets WHERE id = $1", ticket_id)
    finally:
        await conn.close()


async def test_create_ticket_as_the_seed_shows_it(api):
    ticket = await create(api)
    assert set(ticket) == {
        "id",
        "user_name",
        "batch_id",
        "error_type",
        "description",
        "status",
        "created_at",
        "resolved_at",
    }
    assert isinstance(ticket["id"], int)
    assert ticket["user_name"] == "John Doe"
    assert ticket["batch_id"] == "BATCH_20241223_130000_a1b2c3d4"
    assert ticket["error_type"] == "OCR Failure"
    assert ticket["description"] == "OCR failed on 3 documents"
    assert ticket["status"] == "open"
    assert ISO.match(ticket["created_at"])
    assert ticket["resolved_at"] is None


async def test_batch_id_is_optional(api):
    body = {k: v for k, v in SEED_TICKET.items() if k != "batch_id"}
    r = await api.post("/api/tickets", json=body)
    assert r.status_code == 201
    assert r.json()["batch_id"] is None


async def test_list_is_latest_first_and_get_returns_the_same_ticket(api):
    a = await create(
        api,
        user_name="Jane Smith",
        error_type="LLM Timeout",
        description="LLM extraction timed out after 5 minutes",
    )
    b = await create(api, error_type="Upload")
    r = await api.get("/api/tickets")
    assert r.status_code == 200
    tickets = r.json()
    assert tickets[0] == b and tickets[1] == a
    ids = [t["id"] for t in tickets]
    assert ids == sorted(ids, reverse=True)
    r = await api.get(f"/api/tickets/{a['id']}")
    assert r.status_code == 200
    assert r.json() == a


async def test_unknown_ticket_is_404(api):
    r = await api.get("/api/tickets/999999")
    assert r.status_code == 404
    assert r.json() == {"detail": "Ticket not found"}
    r = await api.patch("/api/tickets/999999/status", json={"status": "resolved"})
    assert r.status_code == 404
    assert r.json() == {"detail": "Ticket not found"}


async def test_a_ticket_id_that_is_not_a_number_is_400(api):
    r = await api.get("/api/tickets/abc")
    assert r.status_code == 400
    assert r.json()["detail"].startswith("ticket_id: Input should be a valid integer")


async def test_resolved_at_is_set_once_on_first_resolution(api, gateway):
    ticket = await create(api)
    r = await api.patch(f"/api/tickets/{ticket['id']}/status", json={"status": "in_progress"})
    assert r.status_code == 200
    assert r.json() == {**ticket, "status": "in_progress", "resolved_at": None}

    r = await api.patch(f"/api/tickets/{ticket['id']}/status", json={"status": "resolved"})
    assert r.status_code == 200
    resolved = r.json()
    assert ISO.match(resolved["resolved_at"])
    assert resolved == {**ticket, "status": "resolved", "resolved_at": resolved["resolved_at"]}
    first = await raw_resolved_at(gateway, ticket["id"])

    for status in ("closed", "open", "in_progress", "resolved", "closed"):
        r = await api.patch(f"/api/tickets/{ticket['id']}/status", json={"status": status})
        assert r.status_code == 200
        assert r.json() == {**resolved, "status": status}
        assert await raw_resolved_at(gateway, ticket["id"]) == first
    assert (await api.get(f"/api/tickets/{ticket['id']}")).json()["status"] == "closed"


async def test_closing_an_open_ticket_also_sets_resolved_at(api):
    ticket = await create(api)
    r = await api.patch(f"/api/tickets/{ticket['id']}/status", json={"status": "closed"})
    assert r.json()["status"] == "closed"
    assert ISO.match(r.json()["resolved_at"])


@pytest.mark.parametrize("status", ["done", "RESOLVED", ""])
async def test_invalid_status_is_400_listing_the_valid_values(api, status):
    ticket = await create(api)
    r = await api.patch(f"/api/tickets/{ticket['id']}/status", json={"status": status})
    assert r.status_code == 400
    assert r.json() == {"detail": INVALID.format(status)}
    assert (await api.get(f"/api/tickets/{ticket['id']}")).json() == ticket


async def test_missing_status_is_400(api):
    ticket = await create(api)
    r = await api.patch(f"/api/tickets/{ticket['id']}/status", json={})
    assert r.status_code == 400
    assert r.json() == {"detail": "status is required"}


@pytest.mark.parametrize(
    ("missing", "detail"),
    [
        (["user_name"], "user_name is required"),
        (["error_type", "description"], "error_type is required; description is required"),
    ],
)
async def test_create_without_required_fields_is_400(api, missing, detail):
    body = {k: v for k, v in SEED_TICKET.items() if k not in missing}
    r = await api.post("/api/tickets", json=body)
    assert r.status_code == 400
    assert r.json() == {"detail": detail}


async def test_blank_description_is_400(api):
    r = await api.post("/api/tickets", json={**SEED_TICKET, "description": "   "})
    assert r.status_code == 400
    assert r.json() == {"detail": "description must not be empty"}
