"""Fee readers behind one interface, chosen by name in KV `pipeline` (`vision_reader`)."""

from __future__ import annotations

import contextlib
from typing import Protocol

from docmill_runtime.procpool import TaskPool
from docmill_vision.clues import NO_CLUES, FeeClues
from docmill_vision.errors import UnknownReaderError
from docmill_vision.pages import PageReading, read_page
from docmill_vision.settings import VisionSettings

READERS = ("tesseract", "gemini")


class FeeReader(Protocol):
    """Reads the fee tables of one page; owns its clients."""

    name: str

    async def read_page(self, path: str, number: int, *, clues: FeeClues = NO_CLUES) -> PageReading:
        """Detect and read the tables of 1-based page `number` of the PDF at `path`.

        `clues` are what the document's text says about the fee.
        """
        ...

    async def aclose(self) -> None:
        """Release the reader's resources."""
        ...


class TesseractReader:
    """Render, detect, crop and OCR, all in a pool process."""

    name = "tesseract"

    def __init__(self, *, pool: TaskPool, settings: VisionSettings) -> None:
        self._pool = pool
        self._settings = settings

    async def read_page(self, path: str, number: int, *, clues: FeeClues = NO_CLUES) -> PageReading:
        """One pool task per page."""
        return await self._pool.run(
            read_page,
            path,
            number,
            dpi=self._settings.dpi,
            lang=self._settings.lang,
            clues=clues,
            time_limit=self._settings.page_timeout_s,
        )

    async def aclose(self) -> None:
        """Nothing of its own: the pool belongs to the worker."""


class Readers:
    """The readers of one worker, created on first use and closed together."""

    def __init__(self, *, pool: TaskPool, settings: VisionSettings) -> None:
        self._pool = pool
        self._settings = settings
        self._live: dict[str, FeeReader] = {}

    def get(self, name: str) -> FeeReader:
        """The reader called `name`; UnknownReaderError when there is none."""
        reader = self._live.get(name)
        if reader is not None:
            return reader
        if name == "tesseract":
            reader = TesseractReader(pool=self._pool, settings=self._settings)
        elif name == "gemini":
            from docmill_vision.gemini import GeminiReader  # the client only when chosen

            reader = GeminiReader(pool=self._pool, settings=self._settings)
        else:
            known = ", ".join(READERS)
            raise UnknownReaderError(f"unknown fee reader {name!r} (known: {known})")
        self._live[name] = reader
        return reader

    async def aclose(self) -> None:
        """Close every reader that was used."""
        for reader in self._live.values():
            with contextlib.suppress(Exception):
                await reader.aclose()
        self._live.clear()
