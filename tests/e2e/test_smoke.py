"""Smoke: the stack comes up and answers the system endpoints."""

import pytest

pytestmark = pytest.mark.e2e


def test_system_endpoints_answer(client):
    info = client.get("/api/system/info").json()
    assert info["tesseract_available"] is True
    config = client.get("/api/system/config").json()
    assert config["tesseract_lang"] == "eng+kan"
    assert client.get("/api/system/folders").json() == {
        "newly_uploaded": 0, "processed": 0, "failed": 0, "left_over_reg_fee": 0,
    }
