"""One Gemini client (google-genai) for every docmill caller: connect once, map failures."""

from __future__ import annotations

from typing import Any

import httpx
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from docmill_llm.errors import LlmRejectedError, LlmTransientError, classify_status
from docmill_llm.settings import LlmSettings

try:  # google-genai talks through aiohttp when it is installed
    import aiohttp

    _AIOHTTP_ERRORS: tuple[type[Exception], ...] = (aiohttp.ClientError,)
except ImportError:  # pragma: no cover - httpx transport only
    _AIOHTTP_ERRORS = ()


def image_part(data: bytes, *, mime_type: str = "image/png") -> types.Part:
    """An image sent inline with the request (base64 in the JSON body)."""
    return types.Part.from_bytes(data=data, mime_type=mime_type)


class GeminiClient:
    """generateContent with JSON output; LlmTransientError / LlmRejectedError on failure."""

    def __init__(self, settings: LlmSettings) -> None:
        self.settings = settings
        self._client: genai.Client | None = None

    @property
    def model(self) -> str:
        return self.settings.gemini_model

    def _connect(self) -> genai.Client:
        if self._client is None:
            if not self.settings.gemini_api_key:
                raise LlmRejectedError("GEMINI_API_KEY is not set for the gemini backend")
            options = types.HttpOptions(
                api_version="v1beta",
                timeout=int(self.settings.timeout_s * 1000),
                # tenacity in Resilience owns retries; the client must not retry on its own.
                retry_options=types.HttpRetryOptions(attempts=1),
                base_url=self.settings.gemini_base_url or None,
            )
            self._client = genai.Client(api_key=self.settings.gemini_api_key, http_options=options)
        return self._client

    async def generate_json(
        self,
        *,
        contents: str | list[Any],
        system: str,
        schema: dict[str, Any] | None = None,
    ) -> str | None:
        """One generateContent request asking for JSON (matching `schema` when given)."""
        client = self._connect()
        config = types.GenerateContentConfig(
            system_instruction=system,
            response_mime_type="application/json",
            response_json_schema=schema,
            temperature=0.0,
        )
        try:
            response = await client.aio.models.generate_content(
                model=self.model, contents=contents, config=config
            )
        except genai_errors.APIError as err:
            raise classify_status(err.code, str(err.message or err)) from None
        except _AIOHTTP_ERRORS as err:
            raise LlmTransientError(f"LLM unreachable: {type(err).__name__}: {err}") from None
        except (httpx.HTTPError, OSError, TimeoutError) as err:
            raise LlmTransientError(f"LLM unreachable: {type(err).__name__}: {err}") from None
        return response.text

    async def aclose(self) -> None:
        """Close the client's connections."""
        if self._client is not None:
            await self._client.aio.aclose()
            self._client = None
