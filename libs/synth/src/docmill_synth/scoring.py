"""Field-level comparison of an extracted SaleDeed with its ground truth."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from docmill_contracts.saledeed import Party, PropertyDetails, SaleDeed

PARTY_FIELDS = list(Party.__struct_fields__)
PROPERTY_FIELDS = list(PropertyDetails.__struct_fields__)


class Mismatch(msgspec.Struct, frozen=True, kw_only=True):
    field: str  # dotted path, e.g. "sellers[1].pincode"
    expected: str | float | None
    got: str | float | None


class FieldScore(msgspec.Struct, frozen=True, kw_only=True):
    correct: int
    total: int
    mismatches: list[Mismatch]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(
            correct=self.correct + other.correct,
            total=self.total + other.total,
            mismatches=[*self.mismatches, *other.mismatches],
        )


def _canon_text(value: str) -> str:
    # Spacing and punctuation around commas vary between renderers, not between values.
    text = re.sub(r"\s*([,.\-/])\s*", r"\1", value.casefold())
    return re.sub(r"\s+", " ", text).strip(" ,.;")


def values_match(expected: object, got: object) -> bool:
    """True when two field values are the same up to formatting (0.5% on numbers)."""
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, float | int) and isinstance(got, float | int):
        return abs(expected - got) <= max(0.5, 0.005 * abs(expected))
    return _canon_text(str(expected)) == _canon_text(str(got))


def _compare(prefix: str, fields: list[str], truth: object, got: object) -> FieldScore:
    correct, misses = 0, []
    # A party missing on either side earns nothing, not even for its empty fields.
    paired = truth is not None and got is not None
    for name in fields:
        want = getattr(truth, name) if truth is not None else None
        have = getattr(got, name) if got is not None else None
        if paired and values_match(want, have):
            correct += 1
        else:
            misses.append(Mismatch(field=f"{prefix}.{name}", expected=want, got=have))
    return FieldScore(correct=correct, total=len(fields), mismatches=misses)


def _party_fields(role: str) -> list[str]:
    # Buyers carry no share; counting it would reward nothing.
    return PARTY_FIELDS if role == "sellers" else [f for f in PARTY_FIELDS if f != "property_share"]


def score(truth: SaleDeed, got: SaleDeed) -> FieldScore:
    """Count matching scalar fields; parties are paired by position, extras count as wrong."""
    result = _compare(
        "property_details", PROPERTY_FIELDS, truth.property_details, got.property_details
    )
    result += _compare("deed", ["transaction_date", "registration_office"], truth, got)
    for role in ("sellers", "buyers"):
        want, have = getattr(truth, role), getattr(got, role)
        for i in range(max(len(want), len(have))):
            result += _compare(
                f"{role}[{i}]",
                _party_fields(role),
                want[i] if i < len(want) else None,
                have[i] if i < len(have) else None,
            )
    return result


def sale_deed_from_api(document: dict[str, Any]) -> SaleDeed:
    """A document as GET /api/documents/{id} returns it, read back into the contract."""
    body = {k: document[k] for k in ("transaction_date", "registration_office", "buyers",
                                      "sellers")}
    body["property_details"] = document["property_details"] or {}
    return msgspec.convert(body, SaleDeed)
