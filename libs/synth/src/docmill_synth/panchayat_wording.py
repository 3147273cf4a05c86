"""Wording helpers for the panchayat deed family: numbers, dates, ids and set phrases."""

from __future__ import annotations

import datetime as dt
import random

from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.values import MALE_NAMES, SRO_PLACES, SURNAMES, PartyFacts

_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen "
    "Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_FRACTIONS = {50: ("1/2", "one-half"), 25: ("1/4", "one-fourth"), 75: ("3/4", "three-fourth")}

VILLAGES = [
    "Hesaraghatta",
    "Bidadi",
    "Jigani",
    "Sarjapura",
    "Attibele",
    "Kumbalgodu",
    "Tavarekere",
    "Chikkajala",
    "Kasaba",
    "Dommasandra",
    "Huskur",
    "Mandur",
]
TALUKS = ["Anekal", "Hoskote", "Devanahalli", "Nelamangala", "Ramanagara", "Kanakapura"]
DISTRICTS = ["Bengaluru Rural", "Ramanagara", "Bengaluru Urban", "Chikkaballapura", "Tumakuru"]


def group_indian(n: int) -> str:
    """Group digits the Indian way: 4500000 -> 45,00,000."""
    digits = str(n)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{_ONES[hundreds]} Hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.append(_TENS[tens] + (f" {_ONES[ones]}" if ones else ""))
    elif rest:
        parts.append(_ONES[rest])
    return " ".join(parts)


def words(n: int) -> str:
    """Spell a whole number in Indian units (crore, lakh, thousand)."""
    if n == 0:
        return "Zero"
    parts: list[str] = []
    for unit, size in (("Crore", 10**7), ("Lakh", 10**5), ("Thousand", 1000)):
        count, n = divmod(n, size)
        if count:
            parts.append(f"{words(count) if count >= 1000 else _below_thousand(count)} {unit}")
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


def rupees(n: int, style: int = 0) -> str:
    """Print an amount in figures in one of the styles drafters use."""
    g = group_indian(n)
    return (f"Rs. {g}/-", f"Rs.{g}.00", f"INR {g}.00", f"Rs {g}/-")[style % 4]


def in_words(n: int) -> str:
    """An amount in words, as written after the figures."""
    return f"Rupees {words(n)} Only"


def ordinal(day: int) -> str:
    """1 -> 1st, 12 -> 12th, 23 -> 23rd."""
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_text(d: dt.date, style: str) -> str:
    """A date as a drafter prints it: deed, dash, dot, slash or us style."""
    if style == "deed":
        return f"{ordinal(d.day)} day of {d:%B} {d.year}"
    if style == "us":
        return f"{d:%B} {d.day}, {d.year}"
    sep = {"dash": "-", "dot": ".", "slash": "/"}[style]
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def year_in_words(d: dt.date) -> str:
    """The year spelt out, as some drafters add after the date in figures."""
    return words(d.year)


def aadhaar_text(aadhaar: str, style: int) -> str:
    """The full Aadhaar number, spaced, run together or hyphenated."""
    digits = aadhaar.replace("-", "")
    groups = (digits[:4], digits[4:8], digits[8:])
    return (" ".join(groups), digits, "-".join(groups))[style % 3]


def phone_text(phone: str, style: int) -> str:
    """A ten-digit mobile number in one of the common printed forms."""
    return (
        f"+91 {phone[:5]} {phone[5:]}",
        f"+91-{phone}",
        f"{phone[:5]} {phone[5:]}",
        phone,
    )[style % 4]


def phones(p: PartyFacts, style: int, joiner: str = " / ") -> str:
    """The party's phone, with the second one when present."""
    out = phone_text(p.phone, style)
    return out + (joiner + phone_text(p.phone2, style) if p.phone2 else "")


def relation(p: PartyFacts, long: bool, rng: random.Random) -> str:
    """S/o Sri X, or 'son of Late Sri X'; the relative is always a man here."""
    late = "Late " if rng.random() < 0.2 else ""
    if not long:
        return f"{p.relation} {late}Sri {p.relative}"
    word = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}[p.relation]
    return f"{word} {late}Sri {p.relative}"


def pronoun(p: PartyFacts) -> tuple[str, str]:
    """(subject, possessive) pronouns for the party."""
    return ("he", "his") if p.gender == "Male" else ("she", "her")


def share_text(pct: int, style: int) -> str:
    """A seller's share: percent, percent in words, or a fraction where one is natural."""
    if pct == 100:
        return ("the entire 100%", "100% (the whole)", "100 per cent")[style % 3]
    if style % 3 == 2 and pct in _FRACTIONS:
        frac, name = _FRACTIONS[pct]
        return f"{frac} ({name})"
    if style % 3 == 1:
        return f"{pct}% ({words(pct).lower()} per cent)"
    return f"{pct} per cent" if style % 2 else f"{pct}%"


def sqft(v: float) -> str:
    """Square feet as drafters print it: grouped whole feet, else two decimals."""
    return group_indian(int(v)) if v == int(v) else f"{v:.2f}"


def area_b(b_sqft: float, b_sqm: float | None, both: bool) -> str:
    """Schedule B extent, in square metres when the facts state it so."""
    if b_sqm is None:
        return f"{sqft(b_sqft)} sq.ft."
    if both:
        return f"{b_sqm:.2f} sq.m. (equivalent to {b_sqft:.2f} sq.ft.)"
    return f"{b_sqm:.2f} square metres"


def stranger(rng: random.Random, avoid: set[str]) -> str:
    """A man's name for a witness, drafter or neighbour, never one of the parties."""
    while True:
        name = f"{rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}"
        if name not in avoid:
            avoid.add(name)
            return name


def party_names(*groups: list[PartyFacts]) -> set[str]:
    """Every party's and relative's name, so strangers never coincide with them."""
    return {n for g in groups for p in g for n in (p.name, p.relative)}


def other_sro(rng: random.Random, current: str) -> str:
    """An office other than the deed's own, where the earlier deed was registered."""
    return rng.choice([s for s in SRO_PLACES if s != current])


def instalments(total: int, count: int, rng: random.Random) -> list[int]:
    """Split an amount into `count` parts in round thousands, remainder last."""
    parts: list[int] = []
    left = total
    for _ in range(count - 1):
        part = max(1000, int(left * rng.uniform(0.15, 0.45)) // 10000 * 10000)
        parts.append(part)
        left -= part
    return [*parts, left]


def earlier(d: dt.date, rng: random.Random, lo: int, hi: int) -> dt.date:
    """A date some days before `d`, for cheques, orders and agreements."""
    return d - dt.timedelta(days=rng.randint(lo, hi))


SIDES = ("East", "West", "North", "South")
SIDES_KN = ("Poorvakke", "Paschimakke", "Uttarakke", "Dakshinakke")


def addr(p: PartyFacts, pin_word: str = "") -> str:
    """The party's address with state and pincode."""
    return f"{p.address}, {p.state} - {pin_word}{p.pincode}"


def kannada_rows(kind: str, i: int, p: PartyFacts, rng: random.Random, style: int) -> list[Block]:
    """A party as rows with bilingual (transliterated Kannada / English) labels."""
    rows: list[Block] = [
        Heading(f"{kind}-{i}", size=10.5),
        Row("Hesaru / Name", f"{p.title} {p.name}"),
        Row("Sambandha / Relation", relation(p, False, rng)),
        Row("Vayassu / Age", f"{p.age} varsha (years)"),
        Row("Vilasa / Address", addr(p)),
        Row("Aadhaar Sankhye", aadhaar_text(p.aadhaar, style)),
    ]
    if p.pan:
        rows.append(Row("PAN", p.pan))
    rows.append(Row("Durvani / Mobile", phones(p, style)))
    if p.email:
        rows.append(Row("E-mail", p.email))
    if p.share is not None:
        rows.append(Row("Paalu / Share", share_text(p.share, rng.randrange(2))))
    return rows


def party_para(p: PartyFacts, i: int, rng: random.Random, style: int) -> Para:
    """A party as one narrative paragraph, as advocates draft them."""
    bits = [
        f"{i}. {p.title} {p.name}, aged about {p.age} years, {relation(p, True, rng)}, "
        f"residing at {addr(p, 'PIN ')}, Aadhaar No. {aadhaar_text(p.aadhaar, style)}"
    ]
    if p.pan:
        bits.append(f"PAN {p.pan}")
    bits.append(f"Mobile {phones(p, style, ' and ')}")
    if p.email:
        bits.append(f"e-mail {p.email}")
    return Para(", ".join(bits) + ";", 12)


def party_rows(role: str, i: int, p: PartyFacts, style: int) -> list[Block]:
    """A party as rows of a particulars-of-parties table."""
    rows: list[Block] = [
        Row(f"{role} {i}", f"{p.title} {p.name}"),
        Row("Relation, age", f"{p.relation} {p.relative}, {p.age} years"),
        Row("Address", f"{p.address}, {p.state}"),
        Row("PIN code", p.pincode),
        Row("Aadhaar", aadhaar_text(p.aadhaar, style)),
        Row("PAN", p.pan or "Not furnished"),
        Row("Phone", phones(p, style, ", alt. ")),
        Row("E-mail", p.email or "-"),
    ]
    if p.share is not None:
        rows.append(Row("Share sold", share_text(p.share, 0)))
    return rows
