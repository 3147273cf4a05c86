"""The registration fee agreed by several OCR readings of one table, checked by its total.

A seal or a fold garbles different digits in different passes (plain, enlarged,
binarised). Rows are matched across readings by label; a fee is trusted when some
choice of each row's readings adds up to the table's total.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from docmill_vision.tablerows import (
    TableRow,
    adds_up,
    is_other_head,
    is_registration_label,
    is_total_label,
    registration_fee,
)

MAX_COMBINATIONS = 50_000  # beyond this the readings disagree too much to trust a sum
_FEE_WORD = re.compile(r"\b(fees?|charges?)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Group:
    kind: str  # registration, total, other, unknown
    label: str
    amounts: list[float] = field(default_factory=list)
    seen: int = 0  # readings that had this row with an amount

    def options(self, readings: int) -> set[float]:
        found = set(self.amounts)
        # A row missing from some readings may be a seal fragment read as a row.
        return found | {0.0} if self.seen < readings and self.kind != "total" else found


def _kind(label: str) -> str:
    if is_total_label(label):
        return "total"
    if is_registration_label(label):
        return "registration"
    return "other" if is_other_head(label) else "unknown"


def _group_rows(readings: list[list[TableRow]]) -> list[_Group]:
    groups: list[_Group] = []
    for rows in readings:
        used: set[int] = set()
        for row in rows:
            if row.amount is None or not row.label:
                continue
            kind = _kind(row.label)
            best, best_ratio = None, 0.55
            for i, group in enumerate(groups):
                if i in used or group.kind != kind:
                    continue
                ratio = SequenceMatcher(None, group.label.lower(), row.label.lower()).ratio()
                if kind in {"registration", "total"} or ratio > best_ratio:
                    best, best_ratio = i, max(ratio, best_ratio)
                    if kind in {"registration", "total"}:
                        break
            if best is None:
                groups.append(_Group(kind=kind, label=row.label))
                best = len(groups) - 1
            used.add(best)
            groups[best].amounts.append(row.amount)
            groups[best].seen += 1
    return groups


def _balanced_fees(groups: list[_Group], *, readings: int, fee_group: _Group) -> Counter[float]:
    """Fee values for which some reading of every other row adds up to a total."""
    totals = [g for g in groups if g.kind == "total"]
    others = [g for g in groups if g is not fee_group and g.kind != "total"]
    found: Counter[float] = Counter()
    if not totals or not fee_group.amounts:
        return found
    options = [sorted(g.options(readings)) for g in others]
    size = len(set(fee_group.amounts)) * len(set(totals[-1].amounts))
    for o in options:
        size *= len(o)
    if size > MAX_COMBINATIONS:
        return found
    support = Counter(fee_group.amounts)
    for total in set(totals[-1].amounts):
        for choice in itertools.product(*options):
            rest = total - sum(choice)
            if rest >= 1 and rest in support:
                found[rest] = support[rest]
    return found


def consensus_fee(readings: list[list[TableRow]]) -> float | None:
    """The registration fee several readings of one table agree on, or None."""
    readings = [r for r in readings if r]
    for rows in readings:
        if registration_fee(rows) is not None and adds_up(rows):
            return registration_fee(rows)
    if not readings:
        return None
    groups = _group_rows(readings)
    fee_groups = [g for g in groups if g.kind == "registration"]
    if fee_groups:
        balanced = _balanced_fees(groups, readings=len(readings), fee_group=fee_groups[0])
        if balanced:
            return balanced.most_common(1)[0][0]
    else:
        # Under a seal the fee's label can be unreadable while its amount is not: when
        # every other row is a known head, the one unknown row that balances is the fee.
        unknown = [g for g in groups if g.kind == "unknown"]
        if len(unknown) == 1:
            balanced = _balanced_fees(groups, readings=len(readings), fee_group=unknown[0])
            if balanced:
                return balanced.most_common(1)[0][0]
        if not any(g.kind == "total" for g in groups):
            # No total to check against: one unknown `... Fee` row among known heads.
            fees = [g for g in unknown if _FEE_WORD.search(g.label)]
            amounts = Counter(a for g in fees for a in g.amounts if a >= 1)
            if len(fees) == 1 and amounts:
                return amounts.most_common(1)[0][0]
        return None
    # Nothing balances: the value most readings gave, the first reading's on a tie.
    votes = Counter(f for f in (registration_fee(rows) for rows in readings) if f is not None)
    if not votes:
        return None
    top = max(votes.values())
    tied = [f for f in votes if votes[f] == top]
    # A seal or a fold erases digits and rarely adds them: when `17,000` ties with
    # `5,17,000`, the longer figure is the one the seal cut short.
    longer = [f for f in tied if any(_cut_short(g, f) for g in tied)]
    if len(longer) == 1:
        return longer[0]
    return next(
        f
        for f in (registration_fee(rows) for rows in readings)
        if f is not None and votes[f] == top
    )


def _cut_short(short: float, full: float) -> bool:
    """True when `short`'s digits are the tail of `full`'s: leading digits lost."""
    a, b = f"{short:.2f}", f"{full:.2f}"
    return len(a) < len(b) and b.endswith(a)
