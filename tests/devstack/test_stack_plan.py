"""Service planning and port checks, without starting anything."""

from pathlib import Path

import pytest

from docmill_devstack.stack import (
    StackSettings,
    assign_health_ports,
    default_services,
    plan_services,
)

pytestmark = pytest.mark.unit


def test_defaults_are_the_five_real_services_on_documented_ports() -> None:
    settings = StackSettings.from_env({})
    services = default_services()
    assert [s.name for s in services] == ["gateway", "ocr", "extractor", "vision", "exporter"]
    assert [s.argv[-1] for s in services] == [f"docmill_{s.name}" for s in services]
    assert (settings.http_port, settings.nats_port, settings.pg_port) == (8000, 4222, 5433)
    assert assign_health_ports(services, settings) == {
        "gateway": 8000,
        "ocr": 8101,
        "extractor": 8102,
        "vision": 8103,
        "exporter": 8104,
    }


def test_env_overrides_ports_and_data_dir(tmp_path: Path) -> None:
    settings = StackSettings.from_env(
        {"DOCMILL_HTTP_PORT": "9000", "DOCMILL_DATA_DIR": str(tmp_path), "DOCMILL_PG_PORT": "6543"}
    )
    assert settings.http_port == 9000 and settings.pg_port == 6543
    assert settings.logs_dir == tmp_path / "logs"


def test_only_gateway_and_exporter_get_database_urls(tmp_path: Path) -> None:
    settings = StackSettings(data_dir=tmp_path)
    specs = {
        s.name: s
        for s in plan_services(
            default_services(),
            settings,
            nats_url="nats://n",
            database_url="pg://rw",
            reader_url="pg://ro",
        )
    }
    assert specs["gateway"].env["DATABASE_URL"] == "pg://rw"
    assert specs["gateway"].health_url == "http://127.0.0.1:8000/healthz"
    assert specs["exporter"].env["DATABASE_URL_READONLY"] == "pg://ro"
    assert "DATABASE_URL" not in specs["ocr"].env
    assert specs["vision"].env["DOCMILL_HEALTH_PORT"] == "8103"
    assert all(s.env["DOCMILL_DATA_DIR"] == str(tmp_path) for s in specs.values())
