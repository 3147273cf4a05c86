"""Local fake LLM servers that speak the real REST wire protocols (stdlib http.server), for tests.

A test scripts what the next requests get ("ok", "malformed", or an HTTP status);
once the script is used up every request gets `default`. Requests are recorded.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from docmill_llm.settings import LlmSettings

Answer = Callable[[dict[str, Any]], str]  # request body -> the model's text


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeLlm:
    """One fake server; `kind` is "gemini" or "openai"."""

    kind: str
    answer: Answer
    script: list[str | int] = field(default_factory=list)
    default: str | int = "ok"
    delay_s: float = 0.0
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def next_action(self) -> str | int:
        with self._lock:
            return self.script.pop(0) if self.script else self.default

    def reply(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        action = self.next_action()
        if self.delay_s:
            time.sleep(self.delay_s)
        if isinstance(action, int):
            return action, _error(self.kind, action)
        text = "{not json: the model rambled" if action == "malformed" else self.answer(body)
        if self.kind == "gemini":
            model = path.rsplit("/", 1)[-1].split(":")[0]
            return 200, {
                "candidates": [
                    {
                        "content": {"role": "model", "parts": [{"text": text}]},
                        "finishReason": "STOP",
                        "index": 0,
                    }
                ],
                "usageMetadata": {
                    "promptTokenCount": 10,
                    "candidatesTokenCount": 20,
                    "totalTokenCount": 30,
                },
                "modelVersion": model,
            }
        return 200, {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
        }


def _error(kind: str, status: int) -> dict[str, Any]:
    names = {
        400: "INVALID_ARGUMENT",
        401: "UNAUTHENTICATED",
        403: "PERMISSION_DENIED",
        429: "RESOURCE_EXHAUSTED",
        500: "INTERNAL",
        503: "UNAVAILABLE",
    }
    if kind == "gemini":
        return {
            "error": {
                "code": status,
                "message": f"fake error {status}",
                "status": names.get(status, "UNKNOWN"),
            }
        }
    return {"error": {"message": f"fake error {status}", "type": "server_error", "code": None}}


def _paths(kind: str) -> tuple[str, ...]:
    return (":generateContent",) if kind == "gemini" else ("/chat/completions",)


def serve(fake: FakeLlm) -> Callable[[], None]:
    """Start `fake` on a free local port (sets fake.url); returns a stop function."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b"{}"
            body = json.loads(raw or b"{}")
            fake.requests.append(
                Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            if not self.path.split("?")[0].endswith(_paths(fake.kind)):
                status, payload = 404, _error(fake.kind, 404)
            else:
                status, payload = fake.reply(self.path, body)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return stop


def user_text(kind: str, body: dict[str, Any]) -> str:
    """The document text the client sent, from either protocol's request body."""
    if kind == "gemini":
        return "".join(p.get("text", "") for c in body.get("contents", []) for p in c["parts"])
    return next(m["content"] for m in body["messages"] if m["role"] == "user")


def inline_images(body: dict[str, Any]) -> list[tuple[str, bytes]]:
    """(mime type, bytes) of every inline image part in a generateContent request body."""
    found = []
    for content in body.get("contents", []):
        for part in content.get("parts", []):
            data = part.get("inlineData") or part.get("inline_data")
            if data:
                mime = data.get("mimeType") or data.get("mime_type") or ""
                found.append((mime, base64.b64decode(data["data"])))
    return found


def fast_settings(fake: FakeLlm, **kw: object) -> LlmSettings:
    """Settings pointing at `fake`, with millisecond backoff so tests stay quick."""
    base: dict[str, object] = dict(
        wait_min_s=0.01, wait_max_s=0.05, timeout_s=10.0, breaker_reset_s=60.0
    )
    if fake.kind == "gemini":
        base.update(gemini_api_key="test-gemini-key", gemini_base_url=fake.url)
    else:
        base.update(
            openai_api_key="test-openai-key",
            openai_base_url=f"{fake.url}/v1",
            openai_model="fake-model",
        )
    base.update(kw)
    return LlmSettings(**base)  # type: ignore[arg-type]
