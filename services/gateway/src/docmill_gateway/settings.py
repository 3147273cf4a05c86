"""Gateway settings from the environment."""

from __future__ import annotations

from dataclasses import dataclass

from docmill_runtime.settings import env_float, env_int, env_str


@dataclass(frozen=True, kw_only=True)
class GatewaySettings:
    host: str
    port: int
    database_url: str
    nats_url: str
    max_upload_bytes: int
    # The OCR stream is kept at most this many messages per OCR worker deep.
    ocr_depth_per_worker: int
    dispatch_interval_s: float
    # In-flight documents without any sign of life for this long are queued again.
    stale_after_s: float
    export_timeout_s: float
    stats_cache_s: float
    info_cache_s: float
    log_format: str
    log_level: str
    yolo_model_path: str
    openai_base_url: str

    @classmethod
    def from_env(cls) -> GatewaySettings:
        """Build from `DATABASE_URL`, `NATS_URL` and `DOCMILL_*` variables."""
        return cls(
            host=env_str("DOCMILL_HTTP_HOST", "127.0.0.1"),
            port=env_int("DOCMILL_HTTP_PORT", 8000),
            database_url=env_str(
                "DATABASE_URL", "postgresql://docmill@127.0.0.1:5433/docmill"
            ),
            nats_url=env_str("NATS_URL", "nats://127.0.0.1:4222"),
            max_upload_bytes=env_int("DOCMILL_MAX_UPLOAD_MB", 100) * 1024 * 1024,
            ocr_depth_per_worker=env_int("DOCMILL_OCR_DEPTH_PER_WORKER", 2),
            dispatch_interval_s=env_float("DOCMILL_DISPATCH_INTERVAL_S", 0.5),
            stale_after_s=env_float("DOCMILL_STALE_AFTER_S", 1800.0),
            export_timeout_s=env_float("DOCMILL_EXPORT_TIMEOUT_S", 600.0),
            stats_cache_s=env_float("DOCMILL_STATS_CACHE_S", 0.5),
            # /api/system/info runs programs and probes servers; pollers every 10 s share it.
            info_cache_s=env_float("DOCMILL_INFO_CACHE_S", 5.0),
            log_format=env_str("DOCMILL_LOG_FORMAT", "auto"),
            log_level=env_str("DOCMILL_LOG_LEVEL", "info"),
            yolo_model_path=env_str("DOCMILL_YOLO_MODEL", ""),
            openai_base_url=env_str("DOCMILL_OPENAI_BASE_URL", ""),
        )
