"""When a deed was executed and which Sub-Registrar's office registered it."""

from __future__ import annotations

import datetime
import re

from docmill_normalize import DateMatch, find_dates, parse_amount_words

# How the seller came to hold the property; an office named in such a sentence
# registered the earlier deed.
_ACQUISITION_WORDS = (
    r"acquired|purchased|bought|sold|conveyed|transferred|inherited|devolved|gifted|allotted"
    r"|obtained|succeeded|allotment|became\s+(?:the\s+)?(?:absolute\s+)?owners?(?:\(s\))?"
    # An attorney's own instrument: "represented by his GPA holder ... under a GPA dated ...".
    r"|(?:G\.?P\.?A|power\s+of\s+attorney)\s+dated"
    r"|partitioned|by\s+virtue\s+of|title\s+deeds?|mother\s+deed|previous|prior|earlier"
)
_ACQUISITION = re.compile(rf"\b(?:{_ACQUISITION_WORDS})\b", re.I)
# Dates in a recital of an earlier deed ("purchased under sale deed dated ...") or of a
# person's birth are never this deed's. ("Registered as document No." also heads this
# deed's own endorsement, so it marks history for dates only.)
_HISTORY = re.compile(
    rf"\b(?:{_ACQUISITION_WORDS}|vide|(?:document|doc|registration)\s+(?:No|Number)"
    r"|registered\s+as|(?:sale\s+)?agreement\s+(?:of|for|to)\s+sell|sale\s+agreement"
    r"|power\s+of\s+attorney"
    r"|(?:a|an|said|registered)\s+(?:registered\s+)?(?:sale|gift|partition|settlement|release)"
    r"\s+deed|born|birth|D\.?O\.?B)\b",
    re.I,
)
# ... or name the earlier deed right after its date ("dated 04-09-2009, registered as ...").
_HISTORY_AFTER = re.compile(
    r"\W{0,3}(?:registered\s+as|vide|(?:bearing\s+)?(?:document|doc)\.?\s+No)", re.I
)
# Wording that introduces this deed's own execution date.
_EXECUTION = re.compile(
    r"\bexecut(?:ed|ion)\b|\bmade\b|\bentered\s+into\b|\bsigned\b|\bthis\s+deed\b"
    r"|\bon\s+this\b|\bdate\s+of\s+(?:sale|transaction|transfer|conveyance)\b",
    re.I,
)
_DATE_LABELS = re.compile(r"\bdated?\b|\bon\b", re.I)
# A full stop ends a sentence unless it closes one of these abbreviations or an initial.
_ABBREVIATIONS = frozenset(
    "no nos rs sy sq ft mr mrs ms dr smt sri shri kum st ph mob alt viz ltd pvt co vs".split()
)
_STOP = re.compile(r"([A-Za-z]*)(?:[.;]|\n\n)(?=\s)")
SENTENCE_REACH = 300


def sentence_before(text: str, pos: int) -> str:
    """Return the part of the sentence holding `pos` that comes before it."""
    lo = max(0, pos - SENTENCE_REACH)
    start = lo
    for m in _STOP.finditer(text, lo, pos):
        word = m.group(1).lower()
        # "M. Pillai" and "C.D. No." hold initials; "Book-I." ends a sentence.
        initial = len(word) == 1 and text[m.start() - 1 : m.start()] in ("", " ", "\n", "(", ".")
        if word in _ABBREVIATIONS or initial:
            continue
        start = m.end()
    return text[start:pos]


def _cue_of(text: str, date: DateMatch) -> str | None:
    """Return "history" or "execution" for the cue nearest before `date` in its sentence."""
    before = sentence_before(text, date.start)
    history = [m.end() for m in _HISTORY.finditer(before)]
    execution = [m.end() for m in _EXECUTION.finditer(before)]
    if not history and not execution:
        return "history" if _HISTORY_AFTER.match(text, date.end) else None
    return "history" if max(history, default=-1) > max(execution, default=-1) else "execution"


_DAY_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
# "the Eighteenth day of November, Two Thousand and Twenty-Three": every part in words.
_WORD_DATE = re.compile(
    r"\b(?:(?P<tens>twenty|thirty)[\s-]*)?(?P<unit>"
    + "|".join(_DAY_WORDS + ["twentieth", "thirtieth"])
    + r")\s+day\s+of\s+(?P<month>"
    + "|".join(_MONTHS)
    + r")\s*,?\s*(?:in\s+the\s+year\s+)?"
    r"(?P<year>two\s+thousand(?:\s+and)?(?:[\s-]+(?:twenty|thirty|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)\b){0,2})",
    re.I,
)


def _word_dates(text: str) -> list[DateMatch]:
    """Dates written wholly in words, which the figure-reading date finder passes over."""
    found = []
    for m in _WORD_DATE.finditer(text):
        unit = m.group("unit").lower()
        tens = {"twenty": 20, "thirty": 30}.get((m.group("tens") or "").lower(), 0)
        day = {"twentieth": 20, "thirtieth": 30}.get(unit) or _DAY_WORDS.index(unit) + 1
        year = parse_amount_words(m.group("year"))
        if year is None or (tens and day >= 20):
            continue
        try:
            when = datetime.date(int(year), _MONTHS.index(m.group("month").lower()) + 1, day + tens)
        except ValueError:
            continue
        found.append(DateMatch(iso=when.isoformat(), start=m.start(), end=m.end()))
    return found


def read_transaction_date(text: str) -> str | None:
    """Return the execution date, passing over dates recited from earlier deeds."""
    dates = sorted(find_dates(text) + _word_dates(text), key=lambda d: d.start)
    cues = [_cue_of(text, d) for d in dates]
    for date, cue in zip(dates, cues, strict=True):
        if cue == "execution":
            return date.iso
    own = [d for d, cue in zip(dates, cues, strict=True) if cue is None]
    for date in own:
        if _DATE_LABELS.search(text[max(0, date.start - 20) : date.start]):
            return date.iso
    return max((d.iso for d in own or dates), default=None)


_SRO = re.compile(
    r"(?i:office\s+of\s+the\s+sub[\s-]*registrar|sub[\s-]*registrar(?:'s)?(?:\s+office)?"
    r"|\bS\.?R\.?O\b\.?)[\s,:\-]*(?i:(?:at|of|in)\s+)?"
    r"(?P<place>[A-Z][A-Za-z]+(?:[ ]+[A-Z][A-Za-z]+){0,2}"
    # A line may wrap before the part of the place that names one of its offices.
    r"(?:\n(?:City|North|South|East|West|Rural|Urban|Central)\b)?)",
)
# Capitalised words that follow "Sub-Registrar" in deed wording but never name a place.
_NOT_PLACE = frozenset(
    "presented office the on at of in for by and registration registered endorsement "
    "seal signature sub registrar book document date dated page schedule before under "
    "this deed sale admitted executant fee fees".split()
)


def read_registration_office(text: str) -> str | None:
    """Return the office as "Sub-Registrar Office, <place>", passing over earlier deeds' offices."""
    offices: list[tuple[bool, str]] = []
    for m in _SRO.finditer(text):
        kept: list[str] = []
        for word in m.group("place").split():
            if word.lower() in _NOT_PLACE:
                break
            kept.append(word.title() if word.isupper() and len(word) > 3 else word)
        if kept:
            earlier = _ACQUISITION.search(sentence_before(text, m.start())) is not None
            offices.append((earlier, f"Sub-Registrar Office, {' '.join(kept)}"))
    return next((o for earlier, o in offices if not earlier), offices[0][1] if offices else None)
