"""Real checks behind /api/system/info: binaries, GPU, LLM reachability, model file."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import urllib.request
from functools import lru_cache

import msgspec
from nats.js import JetStreamContext
from nats.js.errors import BucketNotFoundError, KeyNotFoundError

from docmill_contracts import subjects as s
from docmill_contracts.llmstatus import LLM_STATUS_KEY, LlmStatus, llm_status_decoder
from docmill_contracts.workerstatus import VISION_STATUS_KEY, VisionStatus, vision_status_decoder


@lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """Tesseract is installed and answers --version."""
    return _runs(["tesseract", "--version"])


@lru_cache(maxsize=1)
def poppler_available() -> bool:
    """Poppler's pdfinfo is installed and answers -v."""
    return _runs(["pdfinfo", "-v"])



async def llm_status(js: JetStreamContext) -> LlmStatus:
    """The LLM backends' breaker states as the extractor last published them."""
    try:
        kv = await js.key_value(s.KV_PIPELINE)
        entry = await kv.get(LLM_STATUS_KEY)
    except (KeyNotFoundError, BucketNotFoundError):
        return LlmStatus()
    try:
        return llm_status_decoder.decode(entry.value or b"{}")
    except msgspec.DecodeError:
        return LlmStatus()


async def vision_status(js: JetStreamContext) -> VisionStatus | None:
    """The detector state the vision worker last published, if any."""
    try:
        kv = await js.key_value(s.KV_PIPELINE)
        entry = await kv.get(VISION_STATUS_KEY)
    except (KeyNotFoundError, BucketNotFoundError):
        return None
    try:
        return vision_status_decoder.decode(entry.value or b"{}")
    except msgspec.DecodeError:
        return None


def yolo_model_loaded(path: str) -> bool:
    """The configured YOLO ONNX file exists and is not empty."""
    return bool(path) and os.path.isfile(path) and os.path.getsize(path) > 0


async def openai_reachable(base_url: str) -> bool:
    """An OpenAI-compatible server (Ollama, vLLM, ...) answers GET /models."""
    if not base_url:
        return False

    def probe() -> bool:
        try:
            with urllib.request.urlopen(base_url.rstrip("/") + "/models", timeout=2) as r:
                return 200 <= r.status < 300
        except OSError:
            return False

    return await asyncio.to_thread(probe)


def _runs(cmd: list[str]) -> bool:
    if shutil.which(cmd[0]) is None:
        return False
    try:
        return subprocess.run(cmd, capture_output=True, timeout=5, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False
