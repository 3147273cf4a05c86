"""Party particulars in a "|" table whose header row names its columns.

"Name | Aadhaar | PAN | Mobile | Alt. Mobile | E-mail" or "Sl. | Vendor | Aadhaar No. |
...": the header says which cell holds which particular, so a row is read by
column, not by guessing from the values (an "Alt. Mobile" printed before "Mobile",
a blank mobile beside a filled alternate one).
"""

from __future__ import annotations

import re

import msgspec

from docmill_contracts.saledeed import Party
from docmill_extractor.rules.identifiers import find_email, read_phones
from docmill_extractor.rules.identity import read_identity
from docmill_extractor.rules.particulars import read_share
from docmill_extractor.rules.text import split_state_pincode
from docmill_normalize import normalize_aadhaar, normalize_pan

# Checked in order: "Alt. Mobile" is a phone column too, so it must be told apart first.
_COLUMN_KINDS = (
    ("email", re.compile(r"e-?\s?mail", re.I)),
    ("secondary", re.compile(r"\b(?:alt\w*|secondary|other|second|2nd|additional)\b", re.I)),
    ("phone", re.compile(r"\b(?:mobile|phone|cell|contact|tel\w*)\b", re.I)),
    ("aadhaar", re.compile(r"\b(?:aadhaa?r|uid)\b", re.I)),
    ("pan", re.compile(r"\bP\.?A\.?N\b|permanent\s+account", re.I)),
    ("share", re.compile(r"\bshare\b", re.I)),
    ("address", re.compile(r"\b(?:address|residing|residence)\b", re.I)),
    ("gender", re.compile(r"\b(?:gender|sex)\b", re.I)),
    (
        "name",
        re.compile(
            r"\b(?:name|vendors?|sellers?|purchasers?|buyers?|vendees?|executants?|claimants?"
            r"|part(?:y|ies)|transferors?|transferees?)\b",
            re.I,
        ),
    ),
)
_GENDER = re.compile(r"\s*(?:male|female|m|f)\b", re.I)
# A record's own reading of its place and share is kept; the table fills what it lacks.
_FILL_ONLY = {"address", "pincode", "state", "property_share", "gender"}
_TITLE = re.compile(
    r"^(?:(?:Sri|Shri|Shree|Sree|Smt|Srimathi|Mr|Mrs|Ms|Miss|Kum|Kumari|Master|Dr)\.?\s+)+",
    re.I,
)


def _kinds(line: str) -> list[str | None] | None:
    """Return each header cell's kind, or None when `line` is not a party table header."""
    if line.count("|") < 2:
        return None
    kinds: list[str | None] = []
    for cell in line.split("|"):
        kind = next((k for k, pattern in _COLUMN_KINDS if pattern.search(cell)), None)
        kinds.append(kind if kind not in kinds else None)
    identity = {"aadhaar", "pan", "phone", "email"} & set(kinds)
    return kinds if "name" in kinds and len(identity) >= 2 else None


def _rows(lines: list[str], at: int, width: int) -> list[list[str]]:
    """Rows below the header at `at`; a row wrapped onto the next line is joined again."""
    rows: list[list[str]] = []
    row = ""
    for line in lines[at + 1 :]:
        if _kinds(line) is not None:
            break
        # A line continues a short row only when together they still fit the header.
        if row and row.count("|") + line.count("|") <= width - 1 and row.count("|") < width - 1:
            row += line if row.rstrip().endswith("|") else " " + line
            continue
        if row:
            rows.append(row.split("|"))
        if "|" not in line:
            row = ""
            break
        row = line
    if row:
        rows.append(row.split("|"))
    return rows


def _key(name: str) -> str:
    # A name cell may carry the relation after a comma ("Smt. A, W/o B").
    name = _TITLE.sub("", name.strip()).split(",")[0]
    return re.sub(r"\W+", " ", name).strip().lower()


def _read_row(kinds: list[str | None], row: list[str]) -> tuple[str, dict[str, str | None]]:
    cells = {kind: cell.strip() for kind, cell in zip(kinds, row, strict=False) if kind}
    found: dict[str, str | None] = {}
    if "aadhaar" in cells:
        found["aadhaar_number"] = read_identity(cells["aadhaar"])["aadhaar_number"]
    if "pan" in cells:
        found["pan_card_number"] = normalize_pan(cells["pan"].replace(" ", ""))
    if "email" in cells:
        found["email"] = find_email(cells["email"])
    if "phone" in cells or "secondary" in cells:
        phone = read_phones(cells.get("phone", ""))[0]
        other = read_phones(cells.get("secondary", ""))[0]
        # A lone number printed under "Alt. Mobile" is still the party's only phone.
        found["phone_number"] = phone or other
        found["secondary_phone_number"] = other if phone and other != phone else None
    if cells.get("address"):
        address, pin, state = split_state_pincode(cells["address"])
        found.update(address=address or None, pincode=pin, state=state)
    if cells.get("share"):
        found["property_share"] = read_share(cells["share"] + " share")
    gender = _GENDER.match(cells.get("gender", ""))
    if gender:
        found["gender"] = "Female" if gender.group(0).lower().startswith("f") else "Male"
    if found.get("aadhaar_number"):
        found["aadhaar_number"] = normalize_aadhaar(found["aadhaar_number"] or "")
    return _key(cells.get("name", "")), found


def read_party_tables(text: str) -> dict[str, dict[str, str | None]]:
    """Return the particulars each party table gives, keyed by the party's name."""
    if "|" not in text:
        return {}
    lines = text.split("\n")
    found: dict[str, dict[str, str | None]] = {}
    for at, line in enumerate(lines):
        kinds = _kinds(line)
        if kinds is None:
            continue
        for row in _rows(lines, at, len(kinds)):
            key, values = _read_row(kinds, row)
            if key and any(values.values()):
                found.setdefault(key, values)
    return found


def apply_party_tables(text: str, parties: list[Party], *, sellers: list[bool]) -> list[Party]:
    """Set each party's particulars from the table row carrying its name, column by column."""
    tables = read_party_tables(text)
    if not tables:
        return parties
    result = []
    for party, seller in zip(parties, sellers, strict=True):
        values = tables.get(_key(party.name or ""))
        if values is None:
            result.append(party)
            continue
        if not seller:
            values = {f: v for f, v in values.items() if f != "property_share"}
        changes = {
            f: v
            for f, v in values.items()
            if v is not None and (f not in _FILL_ONLY or getattr(party, f) is None)
        }
        # The table's phone columns decide both phones together.
        if "phone_number" in values:
            changes["secondary_phone_number"] = values["secondary_phone_number"]
        result.append(msgspec.structs.replace(party, **changes) if changes else party)
    return result
