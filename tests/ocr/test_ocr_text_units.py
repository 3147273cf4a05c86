"""Pure pieces of OCR text handling: languages, TSV layout, skew, scanned-deed generation."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from docmill_ocr.images import estimate_skew
from docmill_ocr.language import script_language, tesseract_lang
from docmill_ocr.recognise import Word, layout
from docmill_synth.textscore import char_accuracy

KANNADA = "ಈ ಕ್ರಯ ಪತ್ರವನ್ನು ಬೆಂಗಳೂರಿನಲ್ಲಿ ಬರೆದುಕೊಡಲಾಗಿದೆ"


@pytest.mark.parametrize(
    ("hint", "lang"),
    [("en", "eng"), ("kn", "kan"), ("en+kn", "eng+kan"), ("eng+kan", "eng+kan"), ("", "eng")],
)
def test_language_hints_map_to_tesseract_codes(hint, lang):
    assert tesseract_lang(hint) == lang


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sale deed executed at Bengaluru", "eng"),
        (KANNADA, "kan"),
        (f"{KANNADA} Sale deed executed at Bengaluru on the twelfth", "eng+kan"),
        ("12 34 56", "eng"),
    ],
)
def test_script_decides_the_page_language(text, language):
    assert script_language(text, allowed="eng+kan") == language


def _word(text, left, *, line=1, conf=95.0, height=30, width=None):
    return Word(
        text=text,
        left=left,
        top=100 * line,
        width=width or 20 * len(text),
        height=height,
        conf=conf,
        line=(1, 1, line),
    )


def test_layout_drops_specks_and_mends_numbers_split_after_a_narrow_one():
    words = [
        _word("Aadhaar", 0), _word(":", 160, width=10), _word("8880-1", 190),
        _word("645-9991", 315), _word(":", 900, conf=20, height=3, width=5),
        _word("PAN", 0, line=2), _word(":", 80, line=2, width=10), _word("-", 110, line=2),
    ]  # fmt: skip
    out = layout(words)
    assert out.text == "Aadhaar : 8880-1645-9991\nPAN : -\n"
    assert out.words == 7  # words kept, the speck dropped


def test_paragraph_format_joins_lines_and_hyphenated_words():
    words = [
        _word("The", 0),
        _word("regis-", 80),
        _word("tered", 0, line=2),
        _word("deed", 120, line=2),
    ]
    assert layout(words, output_format="paragraph").text == "The registered deed\n"
    assert layout(words, output_format="raw").text == "The regis-\ntered deed\n"


def test_skew_estimate_finds_a_small_rotation():
    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    for row in range(30):
        draw.rectangle([100, 100 + row * 45, 1100, 118 + row * 45], fill=0)
    crooked = page.rotate(-2.0, fillcolor=255)
    assert abs(estimate_skew(crooked) - 2.0) <= 0.5


def test_char_accuracy_ignores_layout_whitespace():
    assert char_accuracy("Sale  deed\nof land", "Sale deed of land") == 1.0
    assert char_accuracy("abcd", "abed") == 0.75
    assert char_accuracy("", "") == 1.0
