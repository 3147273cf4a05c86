"""Killing the stack mid-batch loses no document: the rest is processed after restart."""

from __future__ import annotations

import time

import httpx
import pytest

from docmill_synth import generate_deed
from e2e.flow import upload, wait_until_idle

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_kill_and_restart_mid_batch_loses_nothing(stack):
    deeds = [generate_deed(50_000 + i, family="main") for i in range(10)]
    with httpx.Client(base_url=stack.base_url, timeout=60) as client:
        body = upload(client, [(f"{d.filename}.pdf", d.pdf) for d in deeds])
        r = client.post("/api/process/start", json={"ocr_workers": 1, "llm_workers": 1})
        assert r.status_code == 200
        deadline = time.monotonic() + 120
        while client.get("/api/process/stats").json()["successful"] < 2:
            assert time.monotonic() < deadline, "no progress before the crash"
            time.sleep(0.2)
        before = client.get("/api/process/stats").json()
        assert before["is_running"] and before["successful"] < len(deeds)

    # A crash: every service killed at once, then the message server restarted too.
    stack.stop_services(kill=True)
    stack.restart_nats()
    stack.start_services()

    with httpx.Client(base_url=stack.base_url, timeout=60) as client:
        stats = wait_until_idle(client)
        assert stats["successful"] == len(deeds), stats
        assert stats["failed"] == 0
        docs = [client.get(f"/api/documents/{i}").json() for i in body["document_ids"]]
        assert all(d["status"] == "done" for d in docs)
        assert all(d["buyers"] and d["sellers"] for d in docs)
