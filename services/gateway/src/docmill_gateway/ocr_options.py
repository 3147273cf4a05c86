"""Seed 001's OCR preferences on an upload: checked once, stored per document, sent per job."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docmill_contracts.messages import LANGUAGE_CODES, OcrOptions
from docmill_gateway.errors import InvalidUploadError

OCR_MODES = ("fast", "high_accuracy")
OUTPUT_FORMATS = ("raw", "paragraph")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True, kw_only=True)
class UploadOcrOptions:
    """What the user chose; None keeps the pipeline's default when the page is read."""

    ocr_mode: str | None = None
    output_format: str | None = None
    language_hint: str | None = None
    auto_language_detection: bool | None = None

    def as_job_options(self) -> OcrOptions:
        """The OcrJob options for these choices."""
        return OcrOptions(
            mode=self.ocr_mode,  # type: ignore[arg-type]
            output_format=self.output_format,  # type: ignore[arg-type]
            language_hint=self.language_hint,
            auto_language_detection=self.auto_language_detection,
        )

    def as_dict(self) -> dict[str, Any]:
        """Seed 001's field names and values."""
        return {
            "ocr_mode": self.ocr_mode,
            "output_format": self.output_format,
            "language_hint": self.language_hint,
            "auto_language_detection": self.auto_language_detection,
        }


def parse_ocr_options(
    *,
    ocr_mode: str | None,
    output_format: str | None,
    language_hint: str | None,
    auto_language_detection: str | None,
) -> UploadOcrOptions:
    """Form values as options; InvalidUploadError says which value is wrong and why."""
    mode = _choice("ocr_mode", ocr_mode, OCR_MODES)
    fmt = _choice("output_format", output_format, OUTPUT_FORMATS)
    auto = _flag("auto_language_detection", auto_language_detection)
    hint = _language(language_hint)
    if hint is not None:
        if auto is True:
            raise InvalidUploadError(
                "language_hint is used only when auto_language_detection is false"
            )
        # A hint is a request to read that language: detection would ignore it.
        auto = False
    return UploadOcrOptions(
        ocr_mode=mode, output_format=fmt, language_hint=hint, auto_language_detection=auto
    )


def options_from_row(row: Any) -> UploadOcrOptions:
    """The options stored with a document row."""
    return UploadOcrOptions(
        ocr_mode=row["ocr_mode"],
        output_format=row["output_format"],
        language_hint=row["language_hint"],
        auto_language_detection=row["auto_language_detection"],
    )


def _blank(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if value.lower() not in allowed:
        raise InvalidUploadError(f"{name} must be one of {', '.join(allowed)} (got {value!r})")
    return value.lower()


def _flag(name: str, value: str | None) -> bool | None:
    value = _blank(value)
    if value is None:
        return None
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise InvalidUploadError(f"{name} must be true or false (got {value!r})")


def _language(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    parts = [p.strip().lower() for p in value.replace(",", "+").split("+")]
    unknown = [p for p in parts if p not in LANGUAGE_CODES]
    if unknown or len(value) > 50:
        known = ", ".join(sorted(c for c in LANGUAGE_CODES if len(c) == 2))
        raise InvalidUploadError(
            f"language_hint must be ISO 639 codes among {known}, joined with '+' (got {value!r})"
        )
    return "+".join(dict.fromkeys(parts))
