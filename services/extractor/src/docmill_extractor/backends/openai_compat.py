"""The `openai` backend: any OpenAI-compatible server (Ollama, vLLM, Groq, llama.cpp)."""

from __future__ import annotations

import openai

from docmill_extractor.backends import register_backend
from docmill_extractor.backends.llm import LlmBackend
from docmill_extractor.settings import ExtractorSettings
from docmill_llm.errors import LlmTransientError, classify_status
from docmill_llm.settings import LlmSettings


class OpenAIBackend(LlmBackend):
    name = "openai"

    def __init__(self, settings: LlmSettings) -> None:
        super().__init__(settings)
        self._client = openai.AsyncOpenAI(
            # Local servers ignore the key, but the client insists on one.
            api_key=settings.openai_api_key or "unused",
            base_url=settings.openai_base_url,
            timeout=settings.timeout_s,
            max_retries=0,  # tenacity in Resilience owns retries
        )

    @property
    def model(self) -> str:
        return self.settings.openai_model

    async def complete(self, *, system: str, text: str, doc_type: str) -> str | None:
        """One chat completion in JSON mode."""
        try:
            response = await self._client.chat.completions.create(
                model=self.model,
                messages=[
                    {"role": "system", "content": system},
                    {"role": "user", "content": text},
                ],
                response_format={"type": "json_object"},
                temperature=0.0,
            )
        except openai.APIStatusError as err:
            raise classify_status(err.status_code, err.message) from None
        except openai.APIConnectionError as err:  # timeouts included
            raise LlmTransientError(f"LLM unreachable: {type(err).__name__}: {err}") from None
        if not response.choices:
            return None
        return response.choices[0].message.content

    async def aclose(self) -> None:
        """Close the client's connections."""
        await self._client.close()


def create(settings: ExtractorSettings) -> OpenAIBackend:
    """Factory for the registry."""
    return OpenAIBackend(settings.llm)


register_backend("openai", create)
