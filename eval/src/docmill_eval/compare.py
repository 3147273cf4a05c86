"""Flattening extracted documents to dotted fields and comparing them with the truth."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from docmill_contracts.invoice import Invoice
from docmill_contracts.saledeed import SaleDeed
from docmill_synth import values_match


class FieldResult(msgspec.Struct, frozen=True, kw_only=True):
    field: str  # dotted path, e.g. "sellers[1].pincode"
    expected: Any
    got: Any
    correct: bool


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            _flatten(f"{prefix}.{name}" if prefix else name, getattr(value, name), out)
    elif isinstance(value, list):
        out[f"{prefix}#count"] = len(value)
        for i, item in enumerate(value):
            _flatten(f"{prefix}[{i}]", item, out)
    else:
        out[prefix] = value


def flatten(document: msgspec.Struct) -> dict[str, Any]:
    """Every scalar field of `document` by dotted path; lists also give their length."""
    out: dict[str, Any] = {}
    _flatten("", document, out)
    return out


def _money_match(expected: Any, got: Any) -> bool:
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return abs(expected - got) <= 0.011  # invoices are exact to the paisa or cent
    return values_match(expected, got)


def _fields_of(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    # Fields of list entries the truth lacks (extra parties/items) count as wrong.
    return sorted(set(truth) | set(got), key=_natural)


def _natural(key: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key)]


def compare_sale_deed(truth: SaleDeed, got: SaleDeed) -> list[FieldResult]:
    """Field by field, as docmill_synth.score counts them (buyers carry no share)."""
    want, have = flatten(truth), flatten(got)
    results = []
    for name in _fields_of(want, have):
        if name.endswith("#count") or (name.startswith("buyers[") and name.endswith("share")):
            continue
        results.append(
            FieldResult(
                field=name,
                expected=want.get(name),
                got=have.get(name),
                correct=values_match(want.get(name), have.get(name)),
            )
        )
    return results


def compare_invoice(truth: Invoice, got: Invoice) -> list[FieldResult]:
    """Field by field; numbers must agree to the cent."""
    want, have = flatten(truth), flatten(got)
    return [
        FieldResult(
            field=name,
            expected=want.get(name),
            got=have.get(name),
            correct=_money_match(want.get(name), have.get(name)),
        )
        for name in _fields_of(want, have)
        if not name.endswith("#count")
    ]


def field_group(name: str) -> str:
    """The field a dotted path belongs to, list positions dropped: `items[].total_price`."""
    return re.sub(r"\[\d+\]", "[]", name)
