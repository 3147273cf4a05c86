"""Tesseract on one page image: words with boxes and confidences, cleaned and laid out.

Runs in the OCR pool processes. Reading Tesseract's TSV instead of its plain
text costs nothing extra (one run gives words, boxes and confidences) and lets us
drop scanner specks, mend split numbers and group lines into paragraphs.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from docmill_ocr.engine import read_tsv

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
    tsv = read_tsv(image, lang=lang, dpi=dpi, psm=psm, timeout=timeout, number=number, limit=limit)
    words = []
    for row in tsv.splitlines():
        cols = row.split("\t")
        # level 5 = a word: level page block par line word left top width height conf text
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        words.append(
            Word(
                text=text,
                left=int(cols[6]),
                top=int(cols[7]),
                width=int(cols[8]),
                height=int(cols[9]),
                conf=float(cols[10]),
                line=(int(cols[2]), int(cols[3]), int(cols[4])),
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
