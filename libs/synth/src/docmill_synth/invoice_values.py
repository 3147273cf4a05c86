"""Sampling the facts of one invoice: parties, line items, discount, taxes, currency."""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass

from docmill_synth.values import PLACES, STREETS, SURNAMES

COMPANY_WORDS = [
    "Sri Lakshmi",
    "Apex",
    "Sahyadri",
    "Kaveri",
    "Bluechip",
    "Nilgiri",
    "Vertex",
    "Orion",
    "Deccan",
    "Sunrise",
    "Greenleaf",
    "Zenith",
    "Trident",
    "Mahalakshmi",
    "Coastal",
    "Pinnacle",
]
COMPANY_KINDS = [
    "Traders",
    "Enterprises",
    "Technologies",
    "Industries",
    "Agencies",
    "Solutions",
    "Distributors",
    "Services",
    "Supplies",
    "Exports",
]
COMPANY_SUFFIXES = ["Pvt. Ltd.", "LLP", "", "& Co.", "Private Limited"]
FOREIGN_PLACES = {
    "USD": [
        ("Austin", "TX 78701", "USA"),
        ("Denver", "CO 80202", "USA"),
        ("Seattle", "WA 98101", "USA"),
    ],
    "GBP": [("Leeds", "LS1 4AP", "United Kingdom"), ("Bristol", "BS1 5TR", "United Kingdom")],
    "EUR": [("Berlin", "10115", "Germany"), ("Lyon", "69002", "France")],
}
FOREIGN_STREETS = ["Main Street", "Oak Avenue", "High Street", "Market Square", "Elm Drive"]
PRODUCTS = [
    ("A4 Copier Paper (500 sheets)", 180, 420),
    ("Laser Printer Toner Cartridge", 1800, 5200),
    ("Office Chair, ergonomic", 4200, 9800),
    ("LED Monitor 24 inch", 7800, 14500),
    ("Wireless Keyboard and Mouse Set", 900, 2400),
    ("Annual Maintenance Contract", 12000, 45000),
    ("Software Consulting (hours)", 1500, 4000),
    ("Cement OPC 53 Grade (bags)", 340, 420),
    ("TMT Steel Bars 12 mm (kg)", 58, 75),
    ("Network Switch 24-port", 6500, 16000),
    ("Cloud Hosting, monthly plan", 2500, 9000),
    ("Training Workshop (per participant)", 2000, 6000),
    ("Stainless Steel Water Bottle", 250, 650),
    ("Courier and Handling Charges", 150, 900),
    ("Website Design and Development", 15000, 60000),
    ("UPS 1 kVA Online", 5200, 11000),
]
GST_RATES = [5, 12, 18, 28]
GST_STATES = {
    "Karnataka": 29,
    "Tamil Nadu": 33,
    "Maharashtra": 27,
    "Telangana": 36,
    "Kerala": 32,
    "Andhra Pradesh": 37,
}
FOREIGN_TAX = {"USD": ("Sales Tax", [6, 7.25, 8.5]), "GBP": ("VAT", [20]), "EUR": ("VAT", [19, 20])}


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    address: str
    gstin: str | None


@dataclass(frozen=True, slots=True)
class Item:
    description: str
    quantity: float
    unit_price: float

    @property
    def total(self) -> float:
        return round(self.quantity * self.unit_price, 2)


@dataclass(frozen=True, slots=True)
class InvoiceFacts:
    number: str
    date: dt.date
    due: dt.date | None
    vendor: Party
    customer: Party
    items: list[Item]
    currency: str
    discount: float  # absolute, before tax
    discount_pct: float | None  # how the discount was printed, when as a percentage
    tax_kind: str  # "cgst_sgst" | "igst" | "vat"
    tax_label: str
    tax_rate: float

    @property
    def subtotal(self) -> float:
        return round(sum(item.total for item in self.items), 2)

    @property
    def taxable(self) -> float:
        return round(self.subtotal - self.discount, 2)

    @property
    def half_tax(self) -> float:
        return round(self.taxable * self.tax_rate / 200, 2)

    @property
    def tax(self) -> float:
        if self.tax_kind == "cgst_sgst":
            return round(2 * self.half_tax, 2)
        return round(self.taxable * self.tax_rate / 100, 2)

    @property
    def total(self) -> float:
        return round(self.taxable + self.tax, 2)


def sample_gstin(rng: random.Random, state_code: int) -> str:
    """A GSTIN-shaped id: state code, PAN, entity digit, Z, check character."""
    pan = "".join(rng.choices(string.ascii_uppercase, k=5)) + f"{rng.randint(0, 9999):04d}"
    pan += rng.choice(string.ascii_uppercase)
    return f"{state_code:02d}{pan}{rng.randint(1, 9)}Z{rng.choice(string.ascii_uppercase)}"


def _company(rng: random.Random) -> str:
    name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"
    if rng.random() < 0.3:
        name = f"{rng.choice(SURNAMES)} {rng.choice(COMPANY_KINDS)}"
    suffix = rng.choice(COMPANY_SUFFIXES)
    return f"{name} {suffix}".strip()


def _indian_party(rng: random.Random, place: tuple) -> Party:
    city, state, prefix, localities = place
    address = (
        f"{rng.randint(1, 999)}, {rng.choice(STREETS)}, {rng.choice(localities)}, {city}, "
        f"{state} - {prefix}{rng.randint(1, 99):03d}"
    )
    return Party(name=_company(rng), address=address, gstin=sample_gstin(rng, GST_STATES[state]))


def _foreign_party(rng: random.Random, currency: str) -> Party:
    city, post, country = rng.choice(FOREIGN_PLACES[currency])
    address = f"{rng.randint(10, 9999)} {rng.choice(FOREIGN_STREETS)}, {city}, {post}, {country}"
    return Party(name=_company(rng).replace("Pvt. Ltd.", "Inc."), address=address, gstin=None)


def _items(rng: random.Random) -> list[Item]:
    picked = rng.sample(PRODUCTS, rng.randint(1, 6))
    items = []
    for description, low, high in picked:
        quantity = float(rng.choice([1, 1, 2, 3, 5, 10, 12, 20, 25, 50]))
        price = round(rng.uniform(low, high), rng.choice([0, 2]))
        items.append(Item(description=description, quantity=quantity, unit_price=price))
    return items


def sample_invoice(rng: random.Random) -> InvoiceFacts:
    """Sample one invoice's facts; about three in four are Indian GST invoices."""
    currency = "INR" if rng.random() < 0.72 else rng.choice(["USD", "GBP", "EUR"])
    date = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    due = date + dt.timedelta(days=rng.choice([7, 15, 30, 45])) if rng.random() < 0.75 else None
    if currency == "INR":
        vendor_place = rng.choice(PLACES)
        vendor = _indian_party(rng, vendor_place)
        same_state = rng.random() < 0.55
        others = [p for p in PLACES if (p[1] == vendor_place[1]) == same_state] or PLACES
        customer = _indian_party(rng, rng.choice(others))
        tax_kind = "cgst_sgst" if same_state else "igst"
        rate: float = float(rng.choice(GST_RATES))
        label = "GST"
    else:
        vendor, customer = _foreign_party(rng, currency), _foreign_party(rng, currency)
        tax_kind = "vat"
        label, rates = FOREIGN_TAX[currency]
        rate = float(rng.choice(rates))
    items = _items(rng)
    subtotal = sum(item.total for item in items)
    discount, pct = 0.0, None
    if rng.random() < 0.35:
        if rng.random() < 0.5:
            pct = float(rng.choice([2, 5, 10]))
            discount = round(subtotal * pct / 100, 2)
        else:
            discount = float(rng.choice([100, 250, 500, 1000]))
    prefix = rng.choice(["INV", "TI", "GST", "BILL", "SI"])
    number = rng.choice(
        [
            f"{prefix}-{date.year}-{rng.randint(1, 9999):04d}",
            f"{prefix}/{date.year % 100}-{date.year % 100 + 1}/{rng.randint(1, 999):03d}",
            f"{rng.randint(10000, 99999)}",
        ]
    )
    return InvoiceFacts(
        number=number,
        date=date,
        due=due,
        vendor=vendor,
        customer=customer,
        items=items,
        currency=currency,
        discount=discount,
        discount_pct=pct,
        tax_kind=tax_kind,
        tax_label=label,
        tax_rate=rate,
    )
