"""Identity particulars printed away from a party's record, keyed by the party's name.

Some deeds name the parties in the recitals and list Aadhaar, PAN, phones and
e-mail in a separate particulars section or table; a person may also appear
twice (a summary of the instrument, then the full recital).
"""

from __future__ import annotations

import re

import msgspec

from docmill_contracts.saledeed import Party
from docmill_extractor.rules.identifiers import find_aadhaar, find_email, find_pan, read_phones
from docmill_extractor.rules.sections import HEADING
from docmill_extractor.rules.text import ROLE_RE
from docmill_normalize import is_valid_aadhaar, normalize_aadhaar

_BLOCK = 400
# What may stand before a name that keys a particulars block: a number, a label, a title,
# or the cells before it in a table row ("1. | First Party | Name | Aadhaar ...").
_KEY_PREFIX = re.compile(
    r"(?:^|\n)(?:[^\n|]*\|)*[ ]*(?:\(?\d{1,2}[.)][ ]*)?"
    rf"(?:(?i:{ROLE_RE.pattern})[ ]*(?:No\.?[ ]*)?\d{{0,2}}[ ]*[:\-][ ]*)?"
    r"(?:(?:Full\s+)?Name\s*[:\-]?[ ]*)?"
    r"(?:(?:Sri|Shri|Smt|Mr|Mrs|Ms|Miss|Kum|Kumari|Dr)\.?[ ]+)?$",
    re.I,
)
# An Aadhaar or PAN in a table cell carries no label of its own.
_BARE_AADHAAR = re.compile(r"(?<![\d\-])(\d{4}[ \-]?\d{4}[ \-]?\d{4})(?![\d\-])")
# A table may print it in lower case ("vwbpb5612s").
_BARE_PAN = re.compile(r"(?<![A-Z0-9])([A-Z]{5}\d{4}[A-Z])(?![A-Z0-9])", re.I)
_BRACKETED_CODE = re.compile(r"[ ]?\(\s*\+?\s*91\s*\)\s*")


def name_pattern(name: str) -> re.Pattern[str]:
    """A party's name as printed anywhere: its words in order, any spacing, any case."""
    words = [re.escape(w) for w in name.split()]
    return re.compile(r"(?<![A-Za-z])" + r"\s+".join(words) + r"(?![A-Za-z])", re.I)


def _key(name: str | None) -> str:
    return re.sub(r"\W+", " ", name or "").strip().lower()


def read_phones_listed(window: str) -> tuple[str | None, str | None]:
    """Return (primary, secondary) phones, also when the second is written "(+91) 98450-12345"."""
    return read_phones(_BRACKETED_CODE.sub(" +91 ", window))


def read_identity(block: str) -> dict[str, str | None]:
    """Return the Aadhaar, PAN, phones and e-mail in `block`, labelled or bare table cells."""
    aadhaar_found = find_aadhaar(block)
    aadhaar = aadhaar_found.value if aadhaar_found else None
    if aadhaar is None:
        bare = _BARE_AADHAAR.search(block)
        if bare and is_valid_aadhaar(normalize_aadhaar(bare.group(1)) or ""):
            aadhaar = normalize_aadhaar(bare.group(1))
    pan = find_pan(block)[0]
    if pan is None:
        bare_pan = _BARE_PAN.search(block)
        pan = bare_pan.group(1).upper() if bare_pan else None
    scrubbed = block[: aadhaar_found.start] + block[aadhaar_found.end :] if aadhaar_found else block
    phone, phone2 = read_phones_listed(_BARE_AADHAAR.sub(" ", scrubbed))
    return {
        "aadhaar_number": aadhaar,
        "pan_card_number": pan,
        "phone_number": phone,
        "secondary_phone_number": phone2,
        "email": find_email(block),
    }


def _fill(party: Party, found: dict[str, str | None]) -> Party:
    changes = {f: v for f, v in found.items() if v and getattr(party, f) is None}
    return msgspec.structs.replace(party, **changes) if changes else party


def _conflict(first: Party, again: Party) -> bool:
    """Two records of one name with different identity numbers or addresses are namesakes."""
    return any(
        getattr(first, f) is not None
        and getattr(again, f) is not None
        and getattr(first, f) != getattr(again, f)
        for f in ("aadhaar_number", "pan_card_number", "pincode")
    )


def merge_duplicates(parties: list[Party]) -> list[Party]:
    """Fold a party named twice into its first mention, filling what the first lacks."""
    merged: list[Party] = []
    for party in parties:
        same = next(
            (
                i
                for i, p in enumerate(merged)
                if _key(p.name) == _key(party.name) and not _conflict(p, party)
            ),
            None,
        )
        if same is None:
            merged.append(party)
            continue
        first = merged[same]
        changes = {
            f: getattr(party, f)
            for f in Party.__struct_fields__
            if getattr(first, f) is None and getattr(party, f) is not None
        }
        merged[same] = msgspec.structs.replace(first, **changes) if changes else first
    return merged


def merge_identities(text: str, parties: list[tuple[Party, int, int]]) -> list[Party]:
    """Fill each party's missing identity fields from a block keyed by its name elsewhere."""
    spans = [(start, end) for _, start, end in parties]
    keys: list[tuple[int, int, int]] = []  # (name start, name end, party index)
    for index, (party, _, _) in enumerate(parties):
        if not party.name:
            continue
        for m in name_pattern(party.name).finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            if _KEY_PREFIX.search(text[max(0, m.start() - 40) : m.start()]):
                keys.append((m.start(), m.end(), index))
    keys = _pair_namesakes(sorted(keys), [_key(party.name) for party, _, _ in parties])
    result = [party for party, _, _ in parties]
    for n, (_, name_end, index) in enumerate(keys):
        limit = min(keys[n + 1][0] if n + 1 < len(keys) else len(text), name_end + _BLOCK)
        limit = min([limit] + [s for s, _ in spans if name_end <= s < limit])
        block = text[name_end:limit]
        heading = HEADING.search(block)
        if heading:
            block = block[: heading.start()]
        found = read_identity(block)
        if any(found.values()):
            result[index] = _fill(result[index], found)
    return result


def _pair_namesakes(
    keys: list[tuple[int, int, int]], names: list[str]
) -> list[tuple[int, int, int]]:
    """Give the k-th block keyed by a shared name to the k-th party of that name.

    A seller and a buyer may bear one name; an identity annex lists them in the
    deed's order, so its blocks pair with the parties in turn when the counts agree.
    """
    paired: list[tuple[int, int, int]] = []
    for start, end, index in keys:
        namesakes = [i for i, name in enumerate(names) if name == names[index]]
        if len(namesakes) < 2:
            paired.append((start, end, index))
            continue
        places = sorted({(s, e) for s, e, i in keys if i in namesakes})
        if len(places) != len(namesakes):
            paired.append((start, end, index))
        elif namesakes[places.index((start, end))] == index:
            paired.append((start, end, index))
    return paired
