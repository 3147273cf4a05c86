"""The sale-deed document shape of seed 000, as extracted and as stored."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta, Struct

# Normalised forms written once, used by extractor, gateway and exporter alike.
IsoDate = Annotated[str, Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Aadhaar = Annotated[str, Meta(pattern=r"^\d{4}-\d{4}-\d{4}$")]
Pan = Annotated[str, Meta(pattern=r"^[A-Z]{5}\d{4}[A-Z]$")]
Phone = Annotated[str, Meta(pattern=r"^\d{10}$")]
Pincode = Annotated[str, Meta(pattern=r"^\d{6}$")]


class Party(Struct, frozen=True, kw_only=True, omit_defaults=False):
    """A buyer or seller; `property_share` is only meaningful for sellers."""

    name: str | None = None
    gender: str | None = None  # "Male" | "Female" | None
    aadhaar_number: Aadhaar | None = None
    pan_card_number: Pan | None = None
    address: str | None = None
    pincode: Pincode | None = None
    state: str | None = None
    phone_number: Phone | None = None
    secondary_phone_number: Phone | None = None
    email: str | None = None
    property_share: str | None = None  # e.g. "100%", "50%"


class PropertyDetails(Struct, frozen=True, kw_only=True):
    schedule_b_area: float | None = None
    schedule_c_property_name: str | None = None
    schedule_c_property_address: str | None = None
    schedule_c_property_area: float | None = None
    paid_in_cash_mode: str | None = None  # "Yes" | "No"
    pincode: Pincode | None = None
    state: str | None = None
    sale_consideration: float | None = None
    stamp_duty_fee: float | None = None
    registration_fee: float | None = None
    guidance_value: float | None = None


class SaleDeed(Struct, frozen=True, kw_only=True):
    """Everything extracted from one sale deed (seed 000 document, without ids)."""

    transaction_date: IsoDate | None = None
    registration_office: str | None = None
    property_details: PropertyDetails = msgspec.field(default_factory=PropertyDetails)
    buyers: list[Party] = msgspec.field(default_factory=list)
    sellers: list[Party] = msgspec.field(default_factory=list)


sale_deed_decoder = msgspec.json.Decoder(SaleDeed)
