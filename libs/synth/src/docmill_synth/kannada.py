"""Scanned pages in Kannada (and in English, to compare), with the text each page shows.

Kannada needs complex shaping: a conjunct such as ಕ್ರ is one cluster of reordered
glyphs, not the codepoints side by side. Pages are set with the Lohit Kannada font
shipped in `fonts/` (SIL OFL) through Pillow's raqm layout; without raqm the text
would come out as broken glyph strings, so that is an error, never a fallback.
Lohit Kannada has no Latin letters: English pages use the font Pillow ships.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from importlib import resources

from PIL import Image, ImageDraw, ImageFont, features

from docmill_synth.scanfx import scan

FONT_FILE = "Lohit-Kannada.ttf"
A4_IN = (8.27, 11.69)
MARGIN_IN = 0.8
FONT_PT = 14
LINE_SPACING = 1.9
MAX_SKEW_DEG = 1.0

_KN_PEOPLE = (
    "ರಮೇಶ್ ಕುಮಾರ್",
    "ಲಕ್ಷ್ಮೀ ದೇವಿ",
    "ಸುರೇಶ್ ಗೌಡ",
    "ಮಂಜುನಾಥ ಶೆಟ್ಟಿ",
    "ಗೀತಾ ರಾವ್",
    "ಶಿವಕುಮಾರ್ ನಾಯಕ್",
    "ನಾಗರಾಜ್ ಹೆಗಡೆ",
    "ಸರಸ್ವತಿ ಭಟ್",
)
_KN_PLACES = ("ಜಯನಗರ", "ಮೈಸೂರು", "ಹುಬ್ಬಳ್ಳಿ", "ಮಂಗಳೂರು", "ತುಮಕೂರು", "ಬೆಂಗಳೂರು", "ಶಿವಮೊಗ್ಗ")
_KN_LINES = (
    "ಕ್ರಯ ಪತ್ರ",
    "ಈ ಕ್ರಯ ಪತ್ರವನ್ನು {place} ನಗರದಲ್ಲಿ ಬರೆದುಕೊಡಲಾಗಿದೆ",
    "ಮಾರಾಟಗಾರರ ಹೆಸರು {seller} ತಂದೆ {father}",
    "ಖರೀದಿದಾರರ ಹೆಸರು {buyer} ವಾಸ {place2}",
    "ಉಪ ನೋಂದಣಿ ಕಚೇರಿ {place}",
    "ಸ್ವತ್ತಿನ ವಿವರ ಮನೆ ಸಂಖ್ಯೆ ಮತ್ತು ಖಾಲಿ ನಿವೇಶನ",
    "ಪೂರ್ವಕ್ಕೆ ರಸ್ತೆ ಪಶ್ಚಿಮಕ್ಕೆ ಖಾಸಗಿ ಆಸ್ತಿ",
    "ಉತ್ತರಕ್ಕೆ ಚರಂಡಿ ದಕ್ಷಿಣಕ್ಕೆ ಮನೆ",
    "ಕರ್ನಾಟಕ ರಾಜ್ಯ {place2} ಜಿಲ್ಲೆ ಮತ್ತು ತಾಲ್ಲೂಕು",
    "ಮುದ್ರಾಂಕ ಶುಲ್ಕ ಮತ್ತು ನೋಂದಣಿ ಶುಲ್ಕವನ್ನು ಪಾವತಿಸಲಾಗಿದೆ",
    "ಕ್ರಯದ ಹಣವನ್ನು ಪೂರ್ತಿಯಾಗಿ ಸ್ವೀಕರಿಸಿ ಸ್ವಾಧೀನವನ್ನು ಒಪ್ಪಿಸಲಾಗಿದೆ",
    "ಈ ಸ್ವತ್ತಿನ ಮೇಲೆ ಯಾವುದೇ ಸಾಲ ಅಥವಾ ಬಾಧ್ಯತೆ ಇರುವುದಿಲ್ಲ",
    "ಸಾಕ್ಷಿಗಳು {witness} ಮತ್ತು {witness2}",
    "ಮಾರಾಟಗಾರರ ಸಹಿ ಖರೀದಿದಾರರ ಸಹಿ",
)
_EN_LINES = (
    "SALE DEED",
    "This deed of sale is executed at {place} on the date below",
    "Seller {seller} son of {father}",
    "Purchaser {buyer} residing at {place2}",
    "Office of the Sub Registrar {place}",
    "Schedule property house and vacant site with all rights",
    "East by road and west by private property",
    "North by drain and south by house",
    "State of Karnataka district and taluk of {place2}",
    "Stamp duty and registration fee have been paid in full",
    "The sale price is received in full and possession is handed over",
    "The property is free from all loans and encumbrances",
    "Witnesses {witness} and {witness2}",
    "Signature of the seller and signature of the purchaser",
)
_EN_PEOPLE = (
    "Ramesh Kumar",
    "Lakshmi Devi",
    "Suresh Gowda",
    "Manjunatha Shetty",
    "Geetha Rao",
    "Shivakumar Nayak",
    "Nagaraj Hegde",
    "Saraswathi Bhat",
)
_EN_PLACES = ("Jayanagar", "Mysuru", "Hubballi", "Mangaluru", "Tumakuru", "Bengaluru")


class ShapingUnavailableError(RuntimeError):
    """Pillow cannot shape complex scripts here (no raqm): Kannada would come out wrong."""


@dataclass(frozen=True, slots=True)
class ScannedPage:
    image: Image.Image  # greyscale, like an office scanner's default
    text: str  # what the page shows, one line per line
    language: str  # Tesseract code of the page's language: "kan" or "eng"
    dpi: int


def font_path() -> str:
    """The shipped Kannada font (Kannada letters only: no Latin)."""
    return str(resources.files("docmill_synth") / "fonts" / FONT_FILE)


@cache
def kannada_font(size_px: int) -> ImageFont.FreeTypeFont:
    """The Kannada font with raqm layout; ShapingUnavailableError without it."""
    if not features.check("raqm"):
        raise ShapingUnavailableError("Pillow has no raqm layout: install libraqm")
    return ImageFont.truetype(font_path(), size_px, layout_engine=ImageFont.Layout.RAQM)


def is_shaped(font: ImageFont.FreeTypeFont) -> bool:
    """True when conjuncts really form: ಕ್ರ set as one cluster, narrower than its parts."""
    cluster = "ಕ್ರ"
    unshaped = sum(font.getlength(ch) for ch in cluster)
    return font.getlength(cluster) < 0.8 * unshaped


def kannada_text(seed: int) -> str:
    """A page of sale-deed wording in Kannada; same seed, same text."""
    return _fill(_KN_LINES, _KN_PEOPLE, _KN_PLACES, rng=random.Random(f"kn:{seed}"))


def english_text(seed: int) -> str:
    """The same page of sale-deed wording in English."""
    return _fill(_EN_LINES, _EN_PEOPLE, _EN_PLACES, rng=random.Random(f"en:{seed}"))


def scan_text_page(
    text: str, *, language: str, seed: int, dpi: int = 300, strength: float = 0.6
) -> ScannedPage:
    """`text` set on an A4 page with the shipped font, then scanned (noise, tint, skew)."""
    rng = random.Random(f"page:{language}:{seed}")
    width, height = round(A4_IN[0] * dpi), round(A4_IN[1] * dpi)
    page = Image.new("RGB", (width, height), "white")
    size = round(FONT_PT * dpi / 72)
    if language == "kan":
        font = kannada_font(size)
        if not is_shaped(font):
            raise ShapingUnavailableError("raqm is loaded but Kannada conjuncts do not form")
    else:
        font = ImageFont.load_default(size)
    draw = ImageDraw.Draw(page)
    x = y = round(MARGIN_IN * dpi)
    step = round(size * LINE_SPACING)
    for line in text.splitlines():
        if y + step > height - x or x + font.getlength(line) > width - x:
            raise ValueError(f"text does not fit on one page: {line!r}")
        draw.text((x, y), line, font=font, fill="black")
        y += step
    image = scan(page, rng=rng, strength=strength).convert("L")
    skew = rng.uniform(-MAX_SKEW_DEG, MAX_SKEW_DEG)
    image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=image.getpixel((2, 2)))
    return ScannedPage(image=image, text=text, language=language, dpi=dpi)


def kannada_scan(seed: int, *, dpi: int = 300) -> ScannedPage:
    """A scanned page of Kannada sale-deed text."""
    return scan_text_page(kannada_text(seed), language="kan", seed=seed, dpi=dpi)


def english_scan(seed: int, *, dpi: int = 300) -> ScannedPage:
    """A scanned page of English sale-deed text."""
    return scan_text_page(english_text(seed), language="eng", seed=seed, dpi=dpi)


def _fill(
    lines: tuple[str, ...], people: tuple[str, ...], places: tuple[str, ...], *, rng: random.Random
) -> str:
    seller, father, buyer, witness, witness2 = rng.sample(people, 5)
    place, place2 = rng.sample(places, 2)
    values = dict(
        seller=seller,
        father=father,
        buyer=buyer,
        witness=witness,
        witness2=witness2,
        place=place,
        place2=place2,
    )
    return "\n".join(line.format(**values) for line in lines)
