"""Extraction through KV `cache` (24 h TTL), and LLM reachability in KV `pipeline`."""

from __future__ import annotations

import hashlib
import re

import msgspec
import structlog
from nats.js import JetStreamContext
from nats.js.errors import KeyNotFoundError

from docmill_contracts import subjects as s
from docmill_contracts.llmstatus import LLM_STATUS_KEY, BackendStatus, LlmStatus
from docmill_contracts.messages import ExtractJob, PageText
from docmill_extractor.backends import Backend, Extraction

log = structlog.get_logger(__name__)
_extraction_decoder = msgspec.json.Decoder(Extraction)


def content_hash(job: ExtractJob, pages: list[PageText]) -> str:
    """SHA-256 of the uploaded file when known, else of the page text."""
    if job.sha256:
        return job.sha256.lower()
    digest = hashlib.sha256()
    for page in sorted(pages, key=lambda p: p.page):
        digest.update(f"\f{page.page}\n{page.text}".encode())
    return digest.hexdigest()


def cache_key(*, job: ExtractJob, pages: list[PageText], backend: str, version: str) -> str:
    """`<doc_type>.<backend>.<prompt version>.<sha256>`, in the characters KV keys allow."""
    safe = re.sub(r"[^A-Za-z0-9_=-]", "_", version)
    return f"{job.doc_type}.{backend}.{safe}.{content_hash(job, pages)}"


class StatusBoard:
    """Publishes each LLM backend's breaker state when it changes."""

    def __init__(self) -> None:
        self._last: dict[str, BackendStatus] = {}

    async def update(self, js: JetStreamContext, *, name: str, status: BackendStatus) -> None:
        """Write KV `pipeline` key `llm_status` if `name`'s state or failures changed."""
        old = self._last.get(name)
        if old is not None and (old.state, old.failures) == (status.state, status.failures):
            return
        self._last[name] = status
        try:
            kv = await js.key_value(s.KV_PIPELINE)
            await kv.put(LLM_STATUS_KEY, msgspec.json.encode(LlmStatus(backends=self._last)))
        except Exception as err:  # noqa: BLE001 - reporting must not fail the document
            log.warning("llm_status_publish_failed", error=str(err))


async def extract_cached(
    js: JetStreamContext,
    *,
    job: ExtractJob,
    pages: list[PageText],
    backend: Backend,
    board: StatusBoard,
) -> tuple[Extraction, bool]:
    """The backend's extraction, from KV `cache` when an identical request was answered."""
    version = getattr(backend, "cache_version", None)
    if version is None:  # offline rules are cheaper to rerun than to cache
        return await backend.extract(doc_type=job.doc_type, pages=pages), False
    key = cache_key(job=job, pages=pages, backend=backend.name, version=version)
    kv = await js.key_value(s.KV_CACHE)
    try:
        entry = await kv.get(key)
        if entry.value:
            return _extraction_decoder.decode(entry.value), True
    except KeyNotFoundError:
        pass
    except msgspec.DecodeError:
        log.warning("cache_entry_unreadable", key=key)
    try:
        extraction = await backend.extract(doc_type=job.doc_type, pages=pages)
    finally:
        await board.update(js, name=backend.name, status=await backend.status())  # type: ignore[attr-defined]
    try:
        await kv.put(key, msgspec.json.encode(extraction))
    except Exception as err:  # noqa: BLE001 - a cache miss next time is fine
        log.warning("cache_put_failed", error=str(err))
    return extraction, False
