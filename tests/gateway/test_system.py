"""/api/system/* report real state: binaries, live config, LLM breakers."""

import msgspec
import pytest

from docmill_contracts import subjects as s
from docmill_contracts.llmstatus import LLM_STATUS_KEY, BackendStatus, LlmStatus
from docmill_contracts.pipeline import PipelineConfig
from docmill_contracts.workerstatus import VISION_STATUS_KEY, VisionStatus
from docmill_runtime.pipeline import write_pipeline

pytestmark = pytest.mark.slow

SEED_INFO_FIELDS = {
    "cuda_available": bool, "cuda_device_count": int, "poppler_available": bool,
    "tesseract_available": bool, "ollama_connected": bool, "yolo_model_loaded": bool,
}


async def test_info_has_the_seed_fields_from_real_checks(api):
    info = (await api.get("/api/system/info")).json()
    for name, kind in SEED_INFO_FIELDS.items():
        assert isinstance(info[name], kind), name
    assert info["tesseract_available"] is True and info["poppler_available"] is True
    assert info["cuda_device_count"] == 0  # no GPU on this machine
    assert info["llm_backend"] == "rules" and info["llm_available"] is True


async def test_model_and_gpu_come_from_the_vision_worker_report(api, js):
    kv = await js.key_value(s.KV_PIPELINE)
    assert (await api.get("/api/system/info")).json()["yolo_model_loaded"] is False
    report = VisionStatus(model_loaded=True, model_path="/models/feetable.onnx",
                          providers=["CUDAExecutionProvider"], cuda_available=True,
                          cuda_device_count=2)
    await kv.put(VISION_STATUS_KEY, msgspec.json.encode(report))
    info = (await api.get("/api/system/info")).json()
    assert info["yolo_model_loaded"] is True
    assert info["cuda_available"] is True and info["cuda_device_count"] == 2
    await kv.delete(VISION_STATUS_KEY)


async def test_an_open_breaker_makes_the_llm_unreachable(api, js):
    await write_pipeline(js, PipelineConfig(llm_backend="openai"))
    kv = await js.key_value(s.KV_PIPELINE)
    status = LlmStatus(backends={"openai": BackendStatus(
        state="open", reachable=False, failures=5, last_error="HTTP 500")})
    await kv.put(LLM_STATUS_KEY, msgspec.json.encode(status))
    info = (await api.get("/api/system/info")).json()
    assert info["ollama_connected"] is False
    assert info["llm_available"] is False
    assert info["llm_backends"]["openai"] == {
        "state": "open", "reachable": False, "failures": 5, "last_error": "HTTP 500"}

    await kv.put(LLM_STATUS_KEY, msgspec.json.encode(LlmStatus(
        backends={"openai": BackendStatus(state="closed")})))
    assert (await api.get("/api/system/info")).json()["llm_available"] is True
    config = (await api.get("/api/system/config")).json()
    assert config["llm_backend"] == "openai"
