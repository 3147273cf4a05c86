"""The `gemini` backend: google-genai, JSON output constrained by the document's schema."""

from __future__ import annotations

from docmill_extractor.backends import register_backend
from docmill_extractor.backends.llm import LlmBackend, json_schema
from docmill_extractor.settings import ExtractorSettings
from docmill_llm.gemini import GeminiClient
from docmill_llm.settings import LlmSettings


class GeminiBackend(LlmBackend):
    name = "gemini"

    def __init__(self, settings: LlmSettings) -> None:
        super().__init__(settings)
        self._client = GeminiClient(settings)

    @property
    def model(self) -> str:
        return self._client.model

    async def complete(self, *, system: str, text: str, doc_type: str) -> str | None:
        """One generateContent request."""
        return await self._client.generate_json(
            contents=text, system=system, schema=json_schema(doc_type)
        )

    async def aclose(self) -> None:
        """Close the client's connections."""
        await self._client.aclose()


def create(settings: ExtractorSettings) -> GeminiBackend:
    """Factory for the registry."""
    return GeminiBackend(settings.llm)


register_backend("gemini", create)
