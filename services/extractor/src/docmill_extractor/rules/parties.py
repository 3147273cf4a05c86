"""Finding the buyers and sellers of a deed and reading each one's particulars."""

from __future__ import annotations

import re

import msgspec

from docmill_contracts.saledeed import Party
from docmill_extractor.rules.columns import unfold_column_boxes
from docmill_extractor.rules.identifiers import find_aadhaar, find_email, find_pan, read_phones
from docmill_extractor.rules.identity import merge_duplicates, merge_identities
from docmill_extractor.rules.particulars import (
    complete_particulars,
    read_header_share,
    read_stated_shares,
)
from docmill_extractor.rules.party_tables import apply_party_tables
from docmill_extractor.rules.records import segment_records
from docmill_extractor.rules.text import (
    PINCODE_RE,
    canonical_state,
    drop_specks,
    flatten,
    split_state_pincode,
)
from docmill_normalize import infer_gender, is_valid_aadhaar, normalize_pincode

# A title is printed as "Smt." or, in a name set in capitals, "SMT.".
_TITLE = (
    r"(?:Sri|Shri|Shree|Sree|Smt|Srimathi|Mr|Mrs|Ms|Miss|Kum|Kumari|Master|Dr"
    r"|SRI|SHRI|SHREE|SREE|SMT|SRIMATHI|MR|MRS|MS|MISS|KUM|KUMARI|MASTER|DR)\.?"
)
# A name word is capitalised and is neither a relation (S/o) nor a field label; a form
# prints the next label ("Father's/Husband's name") on the line after the name.
_NOT_NAME = (
    r"(?![SDWC]\s*/|(?:Aadhaa?r|PAN|Phone|Mobile|Email|Residing|Address|Name|Gender|Age|Aged"
    r"|Relation|Son|Daughter|Wife|Full|UID|Contact|Ph|Father|Husband|Mother|Guardian|Spouse"
    r"|Occupation|Share)\b)"
)
# OCR reads a capital I as "l" ("Ravi lyer"); no name word starts with l and a consonant.
_CAPITAL = r"(?:[A-Z]|l(?=[bcdfgjkmnpqrstvwxyz][a-z]))"
_OCR_CAPITAL_I = re.compile(r"(?<![A-Za-z])l(?=[bcdfgjkmnpqrstvwxyz])")
# Initials may run together ("K.S. Ramesh").
_INITIALS = r"(?:(?<=\.)[A-Z]\.)*"
_NAME_WORDS = (
    rf"{_NOT_NAME}{_CAPITAL}[A-Za-z']*\.?{_INITIALS}"
    rf"(?:[ ]+{_NOT_NAME}{_CAPITAL}[A-Za-z']*\.?{_INITIALS}){{0,4}}"
)
# A name wrapped over two lines, maybe with a speck at the break ("Mr. Kiran :\nM. Verma").
_NAME_WORDS_WRAPPED = _NAME_WORDS.replace("[ ]+", r"(?:[ ]+[:|'\"*~^]{1,2}(?=[ ]*\n))?[ \n]+")
_NAME_SPECK = re.compile(r"[ ]+[:|'\"*~^]{1,2}(?=[ ])")
# Specks OCR read at the end of a label's line ("Geetha Kulkarni “", "Ravi Rao 4 ೩..."):
# no name ends in marks, figures, short lower-case tokens or Kannada letters.
_LINE_END_SPECK = r"(?:[ ]+(?:[^\w\s]{1,3}|[a-z0-9]{1,2}|[\d.\u0c80-\u0cff]+)(?=[ \n,]|$))*[ ]*"
_LABELLED_NAME = re.compile(
    rf"(?:Full\s+)?Name(?:\s+of\s+the\s+\w+)?[ ]*[:\-]?[ ]*\n?[ ]*(?P<title>{_TITLE}[ ]+)?"
    rf"(?P<name>{_NAME_WORDS})[ ]*{_LINE_END_SPECK}(?=\n|,|$)",
)
_TITLED_NAME = re.compile(rf"\b(?P<title>{_TITLE})\s+(?P<name>{_NAME_WORDS_WRAPPED})")
_RELATIVE_BEFORE = re.compile(
    r"(?:[SDWC]\s*/\s*o|son\s+of|daughter\s+of|wife\s+of|husband\s+of|late|of|by)\W*$", re.I
)
_RELATION = re.compile(r"\b(?:[SDW]\s*/\s*o|son\s+of|daughter\s+of|wife\s+of)\b", re.I)
_SHARE = re.compile(r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", re.I)
# "Gender: Female", "Sex : F", "Gender/Age: M/52".
_GENDER = re.compile(r"\b(?:Gender|Sex)(?:\s*/\s*Age)?\s*[:\-]?\s*(Male|Female|M|F)\b", re.I)
_GENDER_LETTER = {"m": "Male", "f": "Female"}
_ADDRESS_LABEL = re.compile(
    r"(?:residing\s+at|resident\s+of|residence\s*[:\-]|address)\s*[:\-]?\s*", re.I
)
_ADDRESS_STOP = re.compile(
    r"\b(?:aadhaa?r|uid|PAN|mobile|phone|ph\.|contact|e-?mail|holding|having|pin(?:\s*code)?"
    r"|pincode|state|gender|age)\b|\n(?=[A-Z][A-Za-z_ /'().-]{0,30}:)|[;(]",
    re.I,
)
_LABEL_VALUE = r"\s*[:\-]?\s*\n?\s*(?P<v>[^\n]+)"


# "Father's / Husband's Name: X" names a relative, not the party.
_RELATIVE_LABEL = re.compile(
    r"\b(?:father|husband|mother|guardian|spouse|relative)(?:'?s)?\b[^\n:]{0,25}$", re.I
)


def _name_starts(text: str) -> list[tuple[int, re.Match[str]]]:
    starts = [
        (m.start(), m)
        for m in _LABELLED_NAME.finditer(text)
        if not _RELATIVE_LABEL.search(text, max(0, m.start() - 40), m.start())
    ]
    for m in _TITLED_NAME.finditer(text):
        if _RELATIVE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        if any(s <= m.start() < lm.end() for s, lm in starts):
            continue
        starts.append((m.start(), m))
    return sorted(starts, key=lambda s: s[0])


def _read_address(window: str) -> tuple[str | None, str | None, str | None]:
    label = _ADDRESS_LABEL.search(window)
    if not label:
        return None, None, None
    raw = window[label.end() : label.end() + 300]
    stop = _ADDRESS_STOP.search(raw)
    address, pin, state = split_state_pincode(raw[: stop.start()] if stop else raw)
    return address or None, pin, state


def _read_labelled(window: str, label: str) -> str | None:
    m = re.search(rf"\b{label}{_LABEL_VALUE}", window, re.I)
    return m.group("v").strip() if m else None


def read_party(window: str, start: re.Match[str], *, seller: bool) -> tuple[Party, list[str]]:
    """Read one party's fields from the text that follows its name."""
    warnings: list[str] = []
    name = flatten(_NAME_SPECK.sub("", start.group("name").replace("\n", " ")))
    name = _OCR_CAPITAL_I.sub("I", name.rstrip("."))
    head = window[:200]
    gender_label = _GENDER.search(window)
    relation = _RELATION.search(head)
    gender = (
        _GENDER_LETTER.get(gender_label.group(1).lower(), gender_label.group(1).title())
        if gender_label
        else infer_gender(f"{start.group('title') or ''} {name}")
        or (infer_gender(relation.group(0)) if relation else None)
    )
    aadhaar_found = find_aadhaar(window)
    aadhaar = aadhaar_found.value if aadhaar_found else None
    if aadhaar and not is_valid_aadhaar(aadhaar):
        warnings.append(f"aadhaar {aadhaar} of {name} fails the Verhoeff check")
    pan, pan_raw = find_pan(window)
    if pan_raw is not None:
        if pan is None and re.search(r"\d", pan_raw):
            warnings.append(f"PAN {pan_raw!r} of {name} is not a valid PAN")
        elif pan and pan != pan_raw.upper():
            warnings.append(f"PAN {pan_raw!r} of {name} was repaired to {pan}")
    scrubbed = (
        window[: aadhaar_found.start] + window[aadhaar_found.end :] if aadhaar_found else window
    )
    phone, phone2 = read_phones(scrubbed)
    address, pin, state = _read_address(window)
    if pin is None:
        labelled_pin = PINCODE_RE.search(
            _read_labelled(window, r"(?:pin\s*code|pincode|pin)") or ""
        )
        pin = normalize_pincode(labelled_pin.group(0)) if labelled_pin else None
    if state is None:
        state = canonical_state(drop_specks(_read_labelled(window, "state") or "").strip(" .,:;"))
    share = None
    if seller:
        share_m = _SHARE.search(window)
        share = f"{float(share_m.group('pct')):g}%" if share_m else None
    party = Party(
        name=name,
        gender=gender,
        aadhaar_number=aadhaar,
        pan_card_number=pan,
        address=address,
        pincode=pin,
        state=state,
        phone_number=phone,
        secondary_phone_number=phone2,
        email=find_email(window),
        property_share=share,
    )
    return party, warnings


def find_parties(text: str) -> tuple[list[Party], list[Party], list[str]]:
    """Return (sellers, buyers, warnings) found in the deed's text."""
    text = unfold_column_boxes(text)
    records = segment_records(text, _name_starts(text))
    read: list[tuple[Party, int, int]] = []
    warnings: list[str] = []
    previous_end = 0
    for record in records:
        window = text[record.start : record.end]
        party, party_warnings = read_party(window, record.name, seller=record.role == "seller")
        warnings += party_warnings
        seller = record.role == "seller"
        if seller and party.property_share is None:
            share = read_header_share(text[previous_end : record.start])
            party = msgspec.structs.replace(party, property_share=share) if share else party
        previous_end = record.end
        read.append((complete_particulars(party, window, seller=seller), record.start, record.end))
    parties = apply_party_tables(
        text, merge_identities(text, read), sellers=[r.role == "seller" for r in records]
    )
    sellers = merge_duplicates(
        [p for p, r in zip(parties, records, strict=True) if r.role == "seller"]
    )
    buyers = merge_duplicates(
        [p for p, r in zip(parties, records, strict=True) if r.role == "buyer"]
    )
    return _complete_shares(read_stated_shares(text, sellers), warnings), buyers, warnings


def _complete_shares(sellers: list[Party], warnings: list[str]) -> list[Party]:
    """Mend one share over 100% (a misread "100%" -> "400%") from the others' total."""
    shares = [float(p.property_share.rstrip("%")) if p.property_share else None for p in sellers]
    impossible = [i for i, share in enumerate(shares) if share is not None and share > 100]
    if len(impossible) != 1 or None in shares:
        return sellers
    bad = impossible[0]
    rest = sum(share for i, share in enumerate(shares) if i != bad and share is not None)
    if not 0 < 100 - rest <= 100:
        return sellers
    mended = f"{100 - rest:g}%"
    warnings.append(f"share {sellers[bad].property_share} of {sellers[bad].name} read as {mended}")
    return [
        msgspec.structs.replace(p, property_share=mended) if i == bad else p
        for i, p in enumerate(sellers)
    ]
