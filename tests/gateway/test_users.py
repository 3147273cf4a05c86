"""User info: create, list latest first, link to a batch; errors in the seed's shape."""

import re

import pytest

pytestmark = pytest.mark.slow

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


async def test_create_user_info_as_the_seed_shows_it(api):
    r = await api.post(
        "/api/user-info",
        json={"user_name": "John Doe", "number_of_files": 10, "file_region": "Bangalore"},
    )
    assert r.status_code == 201
    body = r.json()
    assert set(body) == {
        "id",
        "user_name",
        "number_of_files",
        "file_region",
        "date",
        "batch_id",
        "created_at",
    }
    assert isinstance(body["id"], int)
    assert body["user_name"] == "John Doe"
    assert body["number_of_files"] == 10
    assert body["file_region"] == "Bangalore"
    assert body["batch_id"] is None
    assert ISO.match(body["date"]) and ISO.match(body["created_at"])
    assert body["date"] == body["created_at"]


async def test_list_is_latest_first_and_matches_what_was_created(api):
    first = (
        await api.post(
            "/api/user-info",
            json={
                "user_name": "Asha",
                "number_of_files": 3,
                "file_region": "Mysuru",
                "batch_id": None,
            },
        )
    ).json()
    second = (
        await api.post(
            "/api/user-info",
            json={
                "user_name": "Jane Smith",
                "number_of_files": 5,
                "file_region": "Mumbai",
                "batch_id": "BATCH_20241223_140000_e5f6g7h8",
            },
        )
    ).json()
    assert second["batch_id"] == "BATCH_20241223_140000_e5f6g7h8"
    r = await api.get("/api/user-info")
    assert r.status_code == 200
    entries = r.json()
    assert entries[0] == second
    assert entries[1] == first
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids, reverse=True)


async def test_blank_batch_id_counts_as_absent(api):
    r = await api.post(
        "/api/user-info",
        json={
            "user_name": "Blank",
            "number_of_files": 1,
            "file_region": "Hubli",
            "batch_id": "  ",
        },
    )
    assert r.status_code == 201
    assert r.json()["batch_id"] is None


async def test_update_batch_links_the_latest_entry_of_that_user(api):
    older = (
        await api.post(
            "/api/user-info",
            json={"user_name": "Ravi", "number_of_files": 2, "file_region": "Udupi"},
        )
    ).json()
    newer = (
        await api.post(
            "/api/user-info",
            json={"user_name": "Ravi", "number_of_files": 4, "file_region": "Udupi"},
        )
    ).json()
    r = await api.patch(
        "/api/user-info/update-batch",
        json={"user_name": "Ravi", "batch_id": "BATCH_20241223_130000_a1b2c3d4"},
    )
    assert r.status_code == 200
    assert r.json() == {"success": True, "message": "User info updated with batch_id"}
    by_id = {e["id"]: e for e in (await api.get("/api/user-info")).json()}
    assert by_id[newer["id"]] == {**newer, "batch_id": "BATCH_20241223_130000_a1b2c3d4"}
    assert by_id[older["id"]] == older


async def test_update_batch_for_an_unknown_user_is_404(api):
    r = await api.patch(
        "/api/user-info/update-batch",
        json={"user_name": "Nobody", "batch_id": "BATCH_20241223_130000_a1b2c3d4"},
    )
    assert r.status_code == 404
    assert r.json() == {"detail": "User info not found"}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"batch_id": "BATCH_X"}, "user_name is required"),
        ({"user_name": "John Doe"}, "batch_id is required"),
        ({}, "user_name is required; batch_id is required"),
        ({"user_name": " ", "batch_id": "BATCH_X"}, "user_name must not be empty"),
        ({"user_name": "John Doe", "batch_id": ""}, "batch_id must not be empty"),
    ],
)
async def test_update_batch_without_user_name_or_batch_id_is_400(api, body, detail):
    r = await api.patch("/api/user-info/update-batch", json=body)
    assert r.status_code == 400
    assert r.json() == {"detail": detail}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"number_of_files": 10, "file_region": "Bangalore"}, "user_name is required"),
        ({"user_name": "John Doe"}, "number_of_files is required; file_region is required"),
        (
            {"user_name": "John Doe", "number_of_files": "ten", "file_region": "Bangalore"},
            "number_of_files: Input should be a valid integer, unable to parse string as an"
            " integer",
        ),
        (
            {"user_name": "John Doe", "number_of_files": 0, "file_region": "Bangalore"},
            "number_of_files: Input should be greater than or equal to 1",
        ),
    ],
)
async def test_create_with_missing_or_bad_fields_is_400(api, body, detail):
    r = await api.post("/api/user-info", json=body)
    assert r.status_code == 400
    assert r.json() == {"detail": detail}


async def test_a_body_that_is_not_json_is_400(api):
    r = await api.post(
        "/api/user-info", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 400
    assert r.json() == {"detail": "Request body is not valid JSON"}
    r = await api.post("/api/user-info")
    assert r.status_code == 400
    assert r.json() == {"detail": "Request body is required"}
