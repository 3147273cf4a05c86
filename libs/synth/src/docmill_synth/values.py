"""Sampling the facts of one sale deed: parties, property, money, dates."""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass

from docmill_normalize import SQFT_PER_SQM, verhoeff_check_digit

MALE_NAMES = [
    "Rajesh",
    "Suresh",
    "Ramesh",
    "Mahesh",
    "Anil",
    "Sunil",
    "Prakash",
    "Venkatesh",
    "Manjunath",
    "Srinivas",
    "Ravi",
    "Arun",
    "Naveen",
    "Kiran",
    "Harish",
    "Girish",
    "Mohan",
    "Praveen",
    "Sanjay",
    "Vijay",
    "Ashok",
    "Nagaraj",
    "Chandrashekar",
    "Deepak",
]
FEMALE_NAMES = [
    "Lakshmi",
    "Geetha",
    "Savitha",
    "Kavya",
    "Anitha",
    "Sunitha",
    "Priya",
    "Deepa",
    "Shobha",
    "Pushpa",
    "Meena",
    "Rekha",
    "Asha",
    "Vani",
    "Bhavya",
    "Nandini",
    "Padma",
    "Roopa",
    "Shanthi",
    "Usha",
    "Jyothi",
    "Radha",
    "Sowmya",
    "Swathi",
]
SURNAMES = [
    "Kumar",
    "Sharma",
    "Rao",
    "Reddy",
    "Gowda",
    "Shetty",
    "Naik",
    "Hegde",
    "Murthy",
    "Iyer",
    "Nair",
    "Patil",
    "Kulkarni",
    "Joshi",
    "Prasad",
    "Swamy",
    "Bhat",
    "Menon",
    "Pillai",
    "Desai",
    "Verma",
    "Gupta",
    "Singh",
    "Das",
]
# (city, state, pincode prefix, localities)
PLACES = [
    (
        "Bengaluru",
        "Karnataka",
        "560",
        [
            "Jayanagar",
            "Malleshwaram",
            "Indiranagar",
            "HSR Layout",
            "Basavanagudi",
            "Rajajinagar",
            "Whitefield",
            "Yelahanka",
        ],
    ),
    ("Mysuru", "Karnataka", "570", ["Vijayanagar", "Kuvempunagar", "Saraswathipuram"]),
    ("Mangaluru", "Karnataka", "575", ["Kadri", "Bejai", "Kankanady"]),
    ("Hubballi", "Karnataka", "580", ["Vidyanagar", "Gokul Road", "Keshwapur"]),
    ("Tumakuru", "Karnataka", "572", ["SIT Extension", "Kyathasandra"]),
    ("Chennai", "Tamil Nadu", "600", ["Adyar", "T Nagar", "Velachery"]),
    ("Pune", "Maharashtra", "411", ["Kothrud", "Aundh", "Baner"]),
    ("Hyderabad", "Telangana", "500", ["Madhapur", "Kukatpally", "Ameerpet"]),
    ("Kochi", "Kerala", "682", ["Edappally", "Kakkanad"]),
    ("Vijayawada", "Andhra Pradesh", "520", ["Benz Circle", "Governorpet"]),
]
STREETS = [
    "MG Road",
    "Brigade Road",
    "Residency Road",
    "1st Main Road",
    "2nd Cross",
    "4th Cross",
    "8th Main",
    "Temple Street",
    "Church Road",
    "100 Feet Road",
    "Ring Road",
    "Station Road",
    "College Road",
    "5th Block",
]
SRO_PLACES = [
    "Jayanagar",
    "Basavanagudi",
    "Shivajinagar",
    "Rajajinagar",
    "Gandhinagar",
    "Kengeri",
    "Yelahanka",
    "Mysuru South",
    "Mangaluru City",
    "Hubballi",
    "Tumakuru",
]
PROPERTY_KINDS = [
    "Residential Plot",
    "Residential Flat",
    "Independent House",
    "Residential Site",
    "Apartment",
    "Commercial Shop",
    "Vacant Site",
    "Villa",
]
PROJECTS = [
    "Green Meadows",
    "Sai Residency",
    "Prestige Park",
    "Lake View Enclave",
    "Shanthi Nilaya",
    "Sobha Gardens",
    "Brindavan Layout",
    "Silver Oak Apartments",
]
BANKS = [
    "State Bank of India",
    "Canara Bank",
    "HDFC Bank",
    "ICICI Bank",
    "Bank of Baroda",
    "Karnataka Bank",
    "Axis Bank",
]
SHARES = {
    1: [[100]],
    2: [[50, 50], [60, 40], [75, 25]],
    3: [[50, 25, 25], [40, 30, 30], [34, 33, 33]],
    4: [[25, 25, 25, 25], [40, 20, 20, 20]],
}


@dataclass(frozen=True, slots=True)
class PartyFacts:
    title: str
    name: str
    gender: str
    relation: str  # "S/o" | "D/o" | "W/o"
    relative: str
    age: int
    aadhaar: str  # normalised 1234-5678-9012
    pan: str | None
    address: str  # without state and pincode
    city: str
    pincode: str
    state: str
    phone: str
    phone2: str | None
    email: str | None
    share: int | None  # percent, sellers only


@dataclass(frozen=True, slots=True)
class PropertyFacts:
    kind: str  # schedule_c_property_name
    address: str
    city: str
    pincode: str
    state: str
    survey_no: str
    khata_no: str
    b_area_sqft: float
    b_area_sqm: float | None  # set when the deed states Schedule B in square metres
    c_area_sqft: float
    boundaries: tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class MoneyFacts:
    consideration: int
    guidance: int
    stamp_duty: int
    registration_fee: int
    cash: bool
    bank: str
    instrument_no: str


@dataclass(frozen=True, slots=True)
class DeedFacts:
    date: dt.date
    prior_date: dt.date
    prior_doc_no: str
    sro_place: str
    execution_city: str
    prop: PropertyFacts
    money: MoneyFacts
    sellers: list[PartyFacts]
    buyers: list[PartyFacts]


def sample_aadhaar(rng: random.Random) -> str:
    """Return a Verhoeff-valid Aadhaar number in normalised form."""
    body = str(rng.randint(2, 9)) + "".join(rng.choices(string.digits, k=10))
    digits = body + str(verhoeff_check_digit(body))
    return f"{digits[:4]}-{digits[4:8]}-{digits[8:]}"


def sample_pan(rng: random.Random, surname: str) -> str:
    """Return an individual's PAN: fourth letter P, fifth the surname's initial."""
    head = "".join(rng.choices(string.ascii_uppercase, k=3))
    return (
        f"{head}P{surname[0].upper()}{rng.randint(1000, 9999)}{rng.choice(string.ascii_uppercase)}"
    )


def _sample_address(rng: random.Random, place: tuple) -> tuple[str, str, str, str]:
    city, state, prefix, localities = place
    house = rng.choice(["No. ", "#", "Door No. ", ""]) + str(rng.randint(1, 999))
    street = rng.choice(STREETS)
    address = f"{house}, {street}, {rng.choice(localities)}, {city}"
    return address, city, state, f"{prefix}{rng.randint(1, 99):03d}"


def _sample_phone(rng: random.Random) -> str:
    return str(rng.choice([6, 7, 8, 9])) + "".join(rng.choices(string.digits, k=9))


def sample_party(rng: random.Random, *, share: int | None) -> PartyFacts:
    """Return one buyer or seller, some optional fields left empty."""
    gender = rng.choice(["Male", "Female"])
    surname = rng.choice(SURNAMES)
    if gender == "Male":
        first, title, relation = rng.choice(MALE_NAMES), rng.choice(["Sri", "Mr.", "Shri"]), "S/o"
    else:
        first = rng.choice(FEMALE_NAMES)
        title = rng.choice(["Smt.", "Mrs.", "Ms.", "Kum."])
        relation = "W/o" if title in ("Smt.", "Mrs.") else "D/o"
    relative = f"{rng.choice(MALE_NAMES)} {surname}"
    name = (
        f"{first} {surname}"
        if rng.random() < 0.8
        else f"{first} {rng.choice('ABCKMNRS')}. {surname}"
    )
    place = rng.choice(PLACES[:5]) if rng.random() < 0.75 else rng.choice(PLACES)
    address, city, state, pincode = _sample_address(rng, place)
    email = None
    if rng.random() < 0.7:
        domain = rng.choice(["gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"])
        email = f"{first.lower()}.{surname.lower()}{rng.randint(1, 99)}@{domain}"
    return PartyFacts(
        title=title,
        name=name,
        gender=gender,
        relation=relation,
        relative=relative,
        age=rng.randint(24, 78),
        aadhaar=sample_aadhaar(rng),
        pan=sample_pan(rng, surname) if rng.random() < 0.8 else None,
        address=address,
        city=city,
        pincode=pincode,
        state=state,
        phone=_sample_phone(rng),
        phone2=_sample_phone(rng) if rng.random() < 0.4 else None,
        email=email,
        share=share,
    )


def _sample_property(rng: random.Random) -> PropertyFacts:
    place = rng.choice(PLACES[:5]) if rng.random() < 0.85 else rng.choice(PLACES[5:])
    address, city, state, pincode = _sample_address(rng, place)
    kind = rng.choice(PROPERTY_KINDS)
    if kind in ("Residential Flat", "Apartment") and rng.random() < 0.5:
        address = (
            f"Flat No. {rng.randint(1, 12)}0{rng.randint(1, 8)}, {rng.choice(PROJECTS)}, {address}"
        )
    b_sqm = None
    if rng.random() < 0.3:
        b_sqm = round(rng.uniform(60, 400), 2)
        b_sqft = round(b_sqm * SQFT_PER_SQM, 2)
    else:
        b_sqft = float(rng.choice([600, 800, 1000, 1200, 1500, 2400, 4000]) + rng.choice([0, 50]))
    c_sqft = b_sqft if rng.random() < 0.4 else float(rng.randint(55, 300) * 10)
    names = [f"{rng.choice(SURNAMES)}'s property", "Road", "Site No. " + str(rng.randint(1, 90))]
    return PropertyFacts(
        kind=kind,
        address=address,
        city=city,
        pincode=pincode,
        state=state,
        survey_no=f"{rng.randint(1, 300)}/{rng.randint(1, 9)}",
        khata_no=str(rng.randint(100, 9999)),
        b_area_sqft=b_sqft,
        b_area_sqm=b_sqm,
        c_area_sqft=c_sqft,
        boundaries=tuple(rng.sample(names, 3) + ["Private Property"]),
    )


def _sample_money(rng: random.Random) -> MoneyFacts:
    lakhs = rng.randint(8, 600)
    consideration = lakhs * 100_000 + rng.choice([0, 0, 0, rng.randint(1, 99) * 1000])
    guidance = int(consideration * rng.uniform(0.7, 1.15)) // 1000 * 1000
    base = max(consideration, guidance)
    return MoneyFacts(
        consideration=consideration,
        guidance=guidance,
        stamp_duty=round(base * rng.choice([0.05, 0.056, 0.06]) / 10) * 10,
        registration_fee=round(base * 0.01 / 10) * 10,
        cash=rng.random() < 0.25,
        bank=rng.choice(BANKS),
        instrument_no=str(rng.randint(100000, 999999)),
    )


def sample_facts(rng: random.Random) -> DeedFacts:
    """Return every fact of one deed, consistent with each other."""
    n_sellers, n_buyers = rng.choice([1, 1, 2, 2, 3, 4]), rng.choice([1, 1, 2, 2, 3, 4])
    shares = rng.choice(SHARES[n_sellers])
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 10))
    return DeedFacts(
        date=date,
        prior_date=date - dt.timedelta(days=rng.randint(400, 9000)),
        prior_doc_no=f"{rng.choice(['JYN', 'BSN', 'RJN', 'MYS'])}-1-{rng.randint(100, 9999)}",
        sro_place=rng.choice(SRO_PLACES),
        execution_city=rng.choice(["Bengaluru", "Mysuru", "Mangaluru"]),
        prop=_sample_property(rng),
        money=_sample_money(rng),
        sellers=[sample_party(rng, share=s) for s in shares],
        buyers=[sample_party(rng, share=None) for _ in range(n_buyers)],
    )
