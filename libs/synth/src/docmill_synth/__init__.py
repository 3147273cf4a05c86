"""Synthetic sale deeds with ground truth, and the scorer that compares extractions to it."""

from docmill_synth.deed import FAMILIES, GeneratedDeed, UnknownFamilyError, generate_deed
from docmill_synth.scoring import FieldScore, Mismatch, score, values_match

__all__ = [
    "FAMILIES",
    "FieldScore",
    "GeneratedDeed",
    "Mismatch",
    "UnknownFamilyError",
    "generate_deed",
    "score",
    "values_match",
]
