"""Pure functions turning the way Indian deeds write values into normalised forms."""

from docmill_normalize.amounts import (
    format_indian,
    parse_amount,
    parse_amount_words,
    spell_amount,
)
from docmill_normalize.areas import SQFT_PER_SQM, parse_area
from docmill_normalize.dates import DateMatch, find_dates, parse_date
from docmill_normalize.fees import is_likely_fee, is_possible_fee
from docmill_normalize.identity import (
    OCR_DIGIT_CHARS,
    infer_gender,
    is_valid_aadhaar,
    normalize_aadhaar,
    normalize_pan,
    normalize_phone,
    normalize_pincode,
    ocr_digits,
    repair_aadhaar,
    verhoeff_check_digit,
)
from docmill_normalize.ordinals import mend_ordinals, ordinal_suffix, read_ordinal

__all__ = [
    "OCR_DIGIT_CHARS",
    "SQFT_PER_SQM",
    "DateMatch",
    "find_dates",
    "format_indian",
    "infer_gender",
    "is_likely_fee",
    "is_possible_fee",
    "mend_ordinals",
    "is_valid_aadhaar",
    "normalize_aadhaar",
    "normalize_pan",
    "normalize_phone",
    "normalize_pincode",
    "ocr_digits",
    "ordinal_suffix",
    "parse_amount",
    "parse_amount_words",
    "parse_area",
    "parse_date",
    "read_ordinal",
    "repair_aadhaar",
    "spell_amount",
    "verhoeff_check_digit",
]
