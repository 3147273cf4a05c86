"""A party's address, pincode, state and share, read wherever the record prints them.

Records write "residing at <address>, PIN-580092, Karnataka", "<address>,
Karnataka, Pin Code: 575009", "<address> - 560054 (Karnataka)" or put the
address on the line after its label; this reads them all and fills what the
first reading left empty.
"""

from __future__ import annotations

import re

import msgspec

from docmill_contracts.saledeed import Party
from docmill_extractor.rules.identifiers import find_pan
from docmill_extractor.rules.identity import name_pattern, read_identity
from docmill_extractor.rules.text import PINCODE_RE, ROLE_RE, STATE_RE, canonical_state, flatten

_ADDRESS_LABEL = re.compile(
    r"\b(?:residing\s+at|resident\s+of|residence|r/o|r/at|(?:present\s+|permanent\s+)?address)"
    r"\b(?:\s+at)?\s*[:\-]?\s*",
    re.I,
)
# Where a record's place ends: the first identity or share particular.
_PLACE_END = re.compile(
    r"\b(?:aadhaa?r|uid|P\.?A\.?N\b|mobile|mob\b|phone|ph\b|cell|contact|e-?mail|holding"
    r"|having|to\s+the\s+extent|share|gender|age|aged|hereinafter)|;",
    re.I,
)
# An address line ends before the next "Label:" line even when no pincode came first.
_ADDRESS_END = re.compile(
    r"\n(?=[A-Z][\w ./'()-]{0,30}:)|\n(?=(?:Pincode|Pin\s*code|State)\b)", re.I
)
# "aged 62, of No. 633, Ring Road, ...": the "of" is the preposition, not the address.
_AGE_THEN = re.compile(
    r"\bage[d]?\s*(?:about\s+)?:?\s*\d{1,3}(?:\s*(?:years|yrs)\.?(?:\s+old)?)?\s*,\s*"
    r"(?:of\s+)?",
    re.I,
)
_PIN_LABEL = re.compile(r"[\s,;:(\-]*(?:PIN(?:\s*code)?|Pincode|Postal\s+code)?[\s.:\-]*$", re.I)
# A fraction may be restated in brackets ("half (1/2) share", "1/4 (one-fourth) share").
_RESTATED = r"(?:\s*\([^()\n]{1,12}\))?"
# "fifty per cent", "Twenty-Five percent": a percentage in words.
_TENS = {w: 10 * n for n, w in enumerate("ten twenty thirty forty fifty sixty seventy".split(), 1)}
_TENS |= {"eighty": 80, "ninety": 90, "hundred": 100, "one hundred": 100, "fifteen": 15}
_UNITS = {w: n for n, w in enumerate("one two three four five six seven eight nine".split(), 1)}
_WORD_PCT = (
    rf"(?P<tens>{'|'.join(sorted(_TENS, key=len, reverse=True))})"
    rf"(?:[\s-]+(?P<units>{'|'.join(_UNITS)}))?\s+(?:per\s*cent|percent)\b"
)
_SHARE = re.compile(
    r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)"
    rf"|\b{_WORD_PCT}"
    r"|\b(?P<whole>entire|whole|full)(?:\s+and\s+(?:absolute|undivided))?"
    rf"{_RESTATED}(?=\s+(?:undivided\s+)?share)(?!\s+(?:undivided\s+)?share\s+of\s+\d)"
    r"|\b(?:(?P<wnum>one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
    r"(?P<wden>half|thirds?|fourths?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?"
    r"|tenths?)"
    rf"{_RESTATED}(?=\s+(?:undivided\s+)?share)"
    r"|(?P<num>\d{1,2})\s*/\s*(?P<den>\d{1,2})(?:st|nd|rd|th)?\)?"
    rf"{_RESTATED}(?=\s*(?:undivided\s+)?share)",
    re.I,
)
_WORD_NUMBERS = {
    **{w: n for n, w in enumerate(("one two three four five six seven eight nine").split(), 1)},
    "half": 2,
    "third": 3,
    "fourth": 4,
    "quarter": 4,
    **{w: n for n, w in enumerate("fifth sixth seventh eighth ninth tenth".split(), 5)},
}


def _address_span(window: str) -> str | None:
    label = _ADDRESS_LABEL.search(window)
    if not label:
        return None
    raw = window[label.end() : label.end() + 320]
    stop = _PLACE_END.search(raw)
    return raw[: stop.start()] if stop else raw


def _after_age(window: str) -> str | None:
    """A record may print its place unlabelled right after the age ("age 25, #7, MG Road, ...")."""
    age = _AGE_THEN.search(window)
    if not age:
        return None
    raw = window[age.end() : age.end() + 320]
    stop = _PLACE_END.search(raw)
    span = raw[: stop.start()] if stop else raw
    return span if PINCODE_RE.search(span) or STATE_RE.search(span) else None


def _unlabelled_line(window: str) -> str | None:
    """A table cell carries no "residing at": the first later line holding a pincode."""
    for line in window.split("\n")[1:]:
        if PINCODE_RE.search(line) and not _PLACE_END.search(line):
            return line
    return None


def _address_cell(window: str) -> str | None:
    """A party table row without a header the reader knows: the cell holding a pincode."""
    for cell in window.split("|")[1:]:
        if PINCODE_RE.search(cell) and not _PLACE_END.search(cell):
            return cell
    return None


def read_place(window: str) -> tuple[str | None, str | None, str | None]:
    """Return (address, pincode, state) of a record, each None when not printed."""
    span = (
        _address_span(window)
        or _after_age(window)
        or _address_cell(window)
        or _unlabelled_line(window)
    )
    if span is None:
        return None, None, None
    pin = PINCODE_RE.search(span)
    state = STATE_RE.search(span)
    line_end = _ADDRESS_END.search(span)
    cut = min([m.start() for m in (pin, state, line_end) if m] or [len(span)])
    head = _PIN_LABEL.sub("", span[:cut])
    address = flatten(head).strip(" ,;:-(") or None
    return (
        address,
        pin.group(1) + pin.group(2) if pin else None,
        canonical_state(state.group(1)) if state else None,
    )


# "Share held: One-half" or "Share in property - 1/2": the value needs no "share" after it.
_LABELLED_SHARE = re.compile(r"\bshare\b[^:\n]{0,25}?[ ]*[:\-][ ]*(?P<v>[^\n;,]{1,40})", re.I)


def read_share(window: str) -> str | None:
    """Return a seller's share as a percentage from "50%", "1/2 share" or "one-half share"."""
    labelled = _LABELLED_SHARE.search(window)
    if labelled and (share := _read_share(labelled.group("v") + " share")):
        return share
    return _read_share(window)


def _read_share(window: str) -> str | None:
    m = _SHARE.search(window)
    if not m:
        return None
    if m.group("pct"):
        return f"{float(m.group('pct')):g}%"
    if m.group("whole"):
        return "100%"
    if m.group("tens"):
        pct = _TENS[" ".join(m.group("tens").lower().split())]
        pct += _UNITS[m.group("units").lower()] if m.group("units") else 0
        return f"{pct}%" if pct <= 100 else None
    if m.group("wden"):
        num = _WORD_NUMBERS[(m.group("wnum") or "one").lower()]
        den = _WORD_NUMBERS[m.group("wden").lower().rstrip("s")]
    else:
        num, den = int(m.group("num")), int(m.group("den"))
    return f"{round(100 * num / den, 2):g}%" if 0 < num <= den else None


# A box or row may open with the role and the share before the name
# ("| SELLER No. 1 | Share: 3/4th share" / "| Name: Ms. X"): the share is the named seller's.
_HEADER_REACH = 160


def read_header_share(before: str) -> str | None:
    """Return the labelled share printed after the role cue just before a seller's name."""
    cue = next(reversed(list(ROLE_RE.finditer(before, max(0, len(before) - _HEADER_REACH)))), None)
    if cue is None:
        return None
    labelled = _LABELLED_SHARE.search(before, cue.end())
    return _read_share(labelled.group("v") + " share") if labelled else None


# "P.A.N. No." and "Permanent Account Number" label a PAN as "PAN" does.
_PAN_LABEL_SPELLED = re.compile(
    r"\bP\.\s?A\.\s?N\.?|\bPermanent\s+Account\s+(?:Number|No\.?)", re.I
)


def complete_particulars(party: Party, window: str, *, seller: bool) -> Party:
    """Fill the address, pincode, state, phones, PAN and share `party` lacks from its record."""
    address, pin, state = read_place(window)
    changes: dict[str, str] = {}
    if address and party.address is None:
        changes["address"] = address
    if pin and party.pincode is None:
        changes["pincode"] = pin
    if state and party.state is None:
        changes["state"] = state
    if seller and party.property_share is None:
        share = read_share(window)
        if share:
            changes["property_share"] = share
    identity = read_identity(window)
    if party.phone_number and party.secondary_phone_number is None:
        if identity["phone_number"] == party.phone_number and identity["secondary_phone_number"]:
            changes["secondary_phone_number"] = identity["secondary_phone_number"]
    for field in ("aadhaar_number", "pan_card_number", "phone_number", "email"):
        if getattr(party, field) is None and identity[field]:
            changes[field] = identity[field]
    if party.pan_card_number is None and _PAN_LABEL_SPELLED.search(window):
        pan = find_pan(_PAN_LABEL_SPELLED.sub("PAN", window))[0]
        if pan:
            changes["pan_card_number"] = pan
    return msgspec.structs.replace(party, **changes) if changes else party


# A shares clause: "hold the Schedule Property in the following shares: Mrs. A - 60 per cent
# share; Mrs. B - 40 per cent share" or "(a) A: 100% share." The statement after a name
# ends at the clause's separator or the next sentence.
_STATED_SHARE_END = re.compile(r";|\.\s|\n\s*\(?[a-z\d]{1,2}[.)]\s|$")
_SHARE_WORD = re.compile(r"\bshare\b", re.I)
_STATED_SHARE_REACH = 80


def read_stated_shares(text: str, sellers: list[Party]) -> list[Party]:
    """Fill a seller's missing share from a clause naming the seller, then the share."""
    result = []
    for party in sellers:
        share = None
        if party.property_share is None and party.name:
            for m in name_pattern(party.name).finditer(text):
                after = text[m.end() : m.end() + _STATED_SHARE_REACH]
                statement = after[: _STATED_SHARE_END.search(after).start()]
                if _SHARE_WORD.search(statement) and (share := read_share(statement)):
                    break
        result.append(msgspec.structs.replace(party, property_share=share) if share else party)
    if len(result) == 1 and result[0].property_share is None:
        share = _sole_seller_share(text)
        if share:
            result = [msgspec.structs.replace(result[0], property_share=share)]
    return result


# A sole seller's share is stated of the role, not the name: "The Vendor is the absolute
# owner of the entire 100% share in the Schedule Property."
_SENTENCE_END = re.compile(r"(?<!\bNo)\.\s+(?=[A-Z(])|;")
_PCT_SHARE = re.compile(
    r"\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\)?\s+(?:undivided\s+)?share", re.I
)


def _sole_seller_share(text: str) -> str | None:
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        sentence = text[start:end]
        roles = ROLE_RE.findall(sentence)
        if len(sentence) > 300 or len(roles) != 1 or not roles[0][0]:
            continue
        m = _SHARE.search(sentence)
        if m and (not (m.group("pct") or m.group("tens")) or _PCT_SHARE.search(sentence)):
            return read_share(sentence[m.start() :])
    return None
