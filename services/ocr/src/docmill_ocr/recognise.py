"""Tesseract on one page image: words with boxes and confidences, cleaned and laid out.

Runs in the OCR pool processes. Reading Tesseract's TSV instead of its plain
text costs nothing extra and lets us drop scanner specks, mend split numbers and
group lines into paragraphs.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import pytesseract

from docmill_ocr.errors import OcrEngineError, PageError

# Scanner specks come back as tiny, unsure, letterless "words".
SPECK_MAX_CONF = 50.0
SPECK_HEIGHT_RATIO = 0.3
# Tesseract sets a space after a narrow "1" inside digit runs ("8880-1 645-9991").
SPLIT_GAP_RATIO = 0.7
_DIGIT_END = re.compile(r"\d-?$")
_DIGIT_START = re.compile(r"^-?\d")
_HYPHENATED = re.compile(r"([a-z])-$")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line: tuple[int, int, int]  # block, paragraph, line


@dataclass(frozen=True, slots=True)
class Recognised:
    text: str
    mean_conf: float  # over kept words; 0 when none
    words: int


def recognise(
    image: str, *, lang: str, dpi: int, psm: int, timeout: float, number: int, limit: float
) -> list[Word]:
    """Run Tesseract on the image file and return its words in reading order."""
    try:
        # pytesseract's own timeout kills the tesseract child; the pool's would orphan it.
        data = pytesseract.image_to_data(
            image,
            lang=lang,
            config=f"--dpi {dpi} --psm {psm}",
            timeout=max(timeout, 0.05),
            output_type=pytesseract.Output.DICT,
        )
    except pytesseract.TesseractNotFoundError:
        raise OcrEngineError(
            "Tesseract is not installed on this OCR worker (install tesseract-ocr)"
        ) from None
    except pytesseract.TesseractError as err:
        if "Failed loading language" in str(err) or "Error opening data file" in str(err):
            raise OcrEngineError(f"Tesseract language data missing for {lang!r}") from None
        raise PageError(f"Tesseract failed on page {number}: {err}") from None
    except RuntimeError as err:
        if "timeout" in str(err).lower():
            raise PageError(f"page {number} took longer than {limit:g} s") from None
        raise
    words = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or int(data["level"][i]) != 5:
            continue
        words.append(
            Word(
                text=text,
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                conf=float(data["conf"][i]),
                line=(int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])),
            )
        )
    return words


def layout(words: list[Word], *, output_format: str = "raw") -> Recognised:
    """Text from `words`: lines as Tesseract found them, or joined into paragraphs."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    kept_conf: list[float] = []
    paragraphs: list[list[str]] = []
    last_par: tuple[int, int] | None = None
    for key, line_words in lines.items():
        text, confs = _clean_line(line_words)
        if not text:
            continue
        kept_conf += confs
        if key[:2] != last_par:
            paragraphs.append([])
            last_par = key[:2]
        paragraphs[-1].append(text)
    if output_format == "paragraph":
        body = "\n\n".join(_join_lines(p) for p in paragraphs)
    else:
        body = "\n\n".join("\n".join(p) for p in paragraphs)
    mean = statistics.fmean(kept_conf) if kept_conf else 0.0
    return Recognised(text=body + "\n" if body else "", mean_conf=mean, words=len(kept_conf))


def _clean_line(words: list[Word]) -> tuple[str, list[float]]:
    heights = [w.height for w in words if any(ch.isalnum() for ch in w.text)]
    typical = statistics.median(heights) if heights else 0
    kept = [w for w in words if not _is_speck(w, typical_height=typical)]
    if not kept:
        return "", []
    gaps = [b.left - (a.left + a.width) for a, b in zip(kept, kept[1:], strict=False)]
    normal_gap = statistics.median(gaps) if gaps else 0
    parts = [kept[0].text]
    for gap, prev, word in zip(gaps, kept, kept[1:], strict=False):
        split_number = _DIGIT_END.search(prev.text) and _DIGIT_START.search(word.text)
        if split_number and normal_gap > 0 and gap < SPLIT_GAP_RATIO * normal_gap:
            parts[-1] += word.text
        else:
            parts.append(word.text)
    return " ".join(parts), [w.conf for w in kept]


def _is_speck(word: Word, *, typical_height: float) -> bool:
    if word.conf >= SPECK_MAX_CONF:
        return False
    if not any(ch.isalnum() for ch in word.text):
        return True
    return typical_height > 0 and word.height < SPECK_HEIGHT_RATIO * typical_height


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out.endswith("-") and _HYPHENATED.search(out) and line[:1].islower():
            out = out[:-1] + line  # a word broken at the line end
        else:
            out = f"{out} {line}" if out else line
    return out
