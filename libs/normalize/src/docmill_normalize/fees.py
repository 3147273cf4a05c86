"""How large a registration fee can be next to the property's value."""

from __future__ import annotations

# Indian states charge about 1% of the higher of price and guidance value, some with a
# cap (Rs. 30,000 in Maharashtra) or a concession; outside this a figure was misread.
LIKELY_FEE_SHARE = (0.001, 0.02)
# Beyond these no state's fee goes: such a figure is a misreading, not a fee.
POSSIBLE_FEE_SHARE = (0.0001, 0.05)


def fee_share(fee: float, *, base: float | None) -> float | None:
    """The fee as a share of `base` (the higher of price and guidance value), if known."""
    return fee / base if base else None


def is_likely_fee(fee: float, *, base: float | None) -> bool:
    """True when `fee` is a usual registration fee for a property worth `base`."""
    share = fee_share(fee, base=base)
    return share is None or LIKELY_FEE_SHARE[0] <= share <= LIKELY_FEE_SHARE[1]


def is_possible_fee(fee: float, *, base: float | None) -> bool:
    """False when no registration fee could be `fee` for a property worth `base`."""
    share = fee_share(fee, base=base)
    return share is None or POSSIBLE_FEE_SHARE[0] <= share <= POSSIBLE_FEE_SHARE[1]
