"""What a document's text says about its fee, for the table reader to weigh."""

from __future__ import annotations

from dataclasses import dataclass

from docmill_normalize import is_possible_fee


@dataclass(frozen=True, slots=True)
class FeeClues:
    """The fee OCR'd text gave (to confirm) and the property's value (to rule figures out)."""

    text_fee: float | None = None
    property_value: float | None = None  # the higher of price and guidance value

    def confirms(self, fee: float) -> bool:
        """True when a table reading agrees with the fee the text gave: two reads agree."""
        return self.text_fee is not None and fee == self.text_fee

    def allows(self, fee: float) -> bool:
        """False for a figure no registration fee could be on this property (a misread)."""
        return is_possible_fee(fee, base=self.property_value)


NO_CLUES = FeeClues()
