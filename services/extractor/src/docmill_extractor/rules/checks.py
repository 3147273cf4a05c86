"""Plausibility checks that warn but never change a value."""

from __future__ import annotations

from docmill_contracts.saledeed import SaleDeed
from docmill_normalize import is_likely_fee

# Stamp duty across Indian states sits between about 3% and 8% of the higher of
# price and guidance value; outside that a figure was probably misread.
STAMP_DUTY_RANGE = (0.03, 0.08)


def check_deed(deed: SaleDeed) -> list[str]:
    """Return warnings about values that look wrong together."""
    warnings: list[str] = []
    pd = deed.property_details
    base = max(pd.sale_consideration or 0.0, pd.guidance_value or 0.0)
    if base and pd.stamp_duty_fee is not None:
        ratio = pd.stamp_duty_fee / base
        if not STAMP_DUTY_RANGE[0] <= ratio <= STAMP_DUTY_RANGE[1]:
            warnings.append(f"stamp duty is {ratio:.1%} of the consideration, expected 3-8%")
    if base and pd.registration_fee is not None:
        if not is_likely_fee(pd.registration_fee, base=base):
            ratio = pd.registration_fee / base
            warnings.append(f"registration fee is {ratio:.2%} of the consideration")
    if not deed.sellers:
        warnings.append("no sellers found")
    if not deed.buyers:
        warnings.append("no buyers found")
    shares = [p.property_share for p in deed.sellers if p.property_share]
    if shares and len(shares) == len(deed.sellers):
        total = sum(float(s.rstrip("%")) for s in shares)
        if abs(total - 100) > 0.5:
            warnings.append(f"seller shares add up to {total:g}%, not 100%")
    return warnings
