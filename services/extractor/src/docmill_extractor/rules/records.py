"""Splitting a deed's parties into one record per person, each with its role.

A record starts at a party's name (found by the caller) and runs to the next
name, a closing role phrase ("hereinafter called the VENDOR") or a section
heading. A role comes from the nearest cue: an opener just before a group of
records ("VENDOR(S):", "BY", "IN FAVOUR OF") or the closing phrase after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docmill_extractor.rules.identifiers import find_aadhaar, find_pan
from docmill_extractor.rules.identity import read_identity
from docmill_extractor.rules.sections import HEADING
from docmill_extractor.rules.text import PINCODE_RE, ROLE_RE

MAX_RECORD = 1500
# An opener this far before a record still names its role; farther ones belong to
# something else (a summary table, a heading of the whole deed).
_NEAR_OPENER = 160
_BRACKETED = re.compile(r"\(\s*(?:the|said)\s+$", re.I)
_CLOSING_BEFORE = re.compile(r"(?:hereinafter|referred\s+to|called|jointly|together)\W", re.I)
# Where the recitals and covenants begin, a person with only a relation and an address
# is an earlier owner or a witness, not a party.
_BODY = re.compile(
    r"\bWHEREAS\b|^RECITALS?\b|\bWITNESSETH\b|^IN\s+WITNESS|^WITNESS(?:ES)?\b"
    r"|^IN\s+THE\s+PRESENCE",
    re.M,
)
_OF_ROLE = re.compile(r"\b(?:share|portion|extent)\s+of\s+(?:the\s+)?$", re.I)
_RECORD_END = re.compile(r"\(?\s*\bhereinafter\b", re.I)
_RELATION = re.compile(
    r"\b(?:[SDWC]\s*/\s*o|son\s+of|daughter\s+of|wife\s+of|husband\s+of)\b", re.I
)
_ADDRESS = re.compile(r"\b(?:residing|resident|address|r/o)\b", re.I)
_PAN_LABEL = re.compile(r"\bP\.?A\.?N\b")
# "BY:" or "executed by" opens the sellers, "IN FAVOUR OF" the buyers; "by and between" neither.
# A title is printed as "Smt." or, in a name set in capitals, "SMT.".
_TITLE = (
    r"(?:Sri|Shri|Shree|Sree|Smt|Srimathi|Mr|Mrs|Ms|Miss|Kum|Kumari|Dr"
    r"|SRI|SHRI|SHREE|SREE|SMT|SRIMATHI|MR|MRS|MS|MISS|KUM|KUMARI|DR)\.?"
)
# A name word, or initials run together ("K.S.").
_WORD = r"[A-Z][A-Za-z']*\.?(?:(?<=\.)[A-Z]\.)*"
_NAME = rf"{_WORD}(?:[ \n]+{_WORD}){{0,4}}"
_THEN_RELATION = (
    r"[ \n]*,?[ \n]*(?:(?:aged\s+(?:about\s+)?)?\d{1,3}\s*(?:years|yrs)\.?(?:\s+old)?"
    r"[ \n]*,?[ \n]*)?"
    r"(?=(?:[SDW][ ]?/[ ]?o|son\s+of|daughter\s+of|wife\s+of|husband\s+of)\b)"
)
# A titled or numbered name followed by its relation ("Smt. X, W/o Y", "(2) X, aged 40
# years, son of Y") opens a record even right after "by:" or "in favour of:".
_RELATED_NAMES = (
    re.compile(rf"\b(?P<title>{_TITLE})[ ]+(?P<name>{_NAME}){_THEN_RELATION}"),
    re.compile(
        rf"(?:^|(?<=[;:,]))[ ]*\(?\d{{1,2}}[.)][ ]+(?:(?P<title>{_TITLE})[ ]+)?"
        rf"(?P<name>{_NAME}){_THEN_RELATION}",
        re.M,
    ),
    # A name after a numbered role label ("Vendor No. 1: X, S/o Y", "Purchaser 2 - X").
    re.compile(
        rf"(?i:{ROLE_RE.pattern})[ ]*(?:No\.?[ ]*)?\d{{0,2}}[ ]*[:\-][ ]*"
        rf"(?:(?P<title>{_TITLE})[ \n]+)?(?!{_TITLE}\s)(?P<name>{_NAME}){_THEN_RELATION}"
    ),
    # An untitled name right after "BY:", "AND", "between" or "in favour of", its relation after.
    re.compile(
        r"(?:\bBY\b[ ]*:?|\b(?:AND|and)\b|\b[Bb]etween\b|(?i:\bin\s+favou?r\s+of\b)[ ]*:?)"
        rf"[ \n]+(?:(?P<title>{_TITLE})[ \n]+)?(?!{_TITLE}\s)(?P<name>{_NAME}){_THEN_RELATION}"
    ),
    # A name opening its line (a table row, a list under "PURCHASER:"), its relation after.
    re.compile(
        rf"^(?P<title>)(?P<name>{_WORD}(?:[ ]+{_WORD}){{1,4}})[ ]*[,\n]"
        rf"{_THEN_RELATION}",
        re.M,
    ),
)
_WITNESS_HEADING = re.compile(
    r"^[ ]*(?:WITNESS(?:ES)?\b(?!\s+WHEREOF)|IN\s+THE\s+PRESENCE\s+OF)", re.M | re.I
)
# A document writer, an identifying person or a confirming party is named beside such
# words, never as a seller or buyer.
_NOT_PARTY = re.compile(
    r"\b(?:document\s+writer|drafted\s+by|prepared\s+by|scribe|identified\s+by"
    r"|(?:confirming|consenting)\s+part(?:y|ies))\b",
    re.I,
)
# An advocate is one only when the word stands before the name or right after it ("Sri X,
# Advocate"); a party's occupation ("Occupation: Advocate", "D/o Y, Advocate") is not.
_ADVOCATE_BEFORE = re.compile(r"\badvocate\b[^\n,;]{0,20}$", re.I)
_ADVOCATE_AFTER = re.compile(r"[ ,]*\(?advocate\b", re.I)
# A name right after these is a party's attorney; the party it represents is named before.
_ATTORNEY_BEFORE = re.compile(
    r"\b(?:attorney(?:\s+holder)?|GPA\s+holder|represented\s+by|guardian)\b[^.;]*$", re.I
)
# "Sri Y, S/o Z, is the GPA holder of the Vendor" or "Sri Y, attorney for the Vendor": the
# person named signs for a party and is none; "represented by his GPA holder" keeps its party.
_ATTORNEY_AFTER = re.compile(
    r"\b(?:G\.?P\.?A\.?|S\.?P\.?A\.?|attorney)\s+holder\s+(?:of|for)\b"
    r"|\b(?:is|as|being)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:lawful\s+|constituted\s+)?"
    r"(?:general\s+|special\s+)?(?:power\s+of\s+)?attorney\s+(?:of|for)\b",
    re.I,
)
_REPRESENTED = re.compile(r"\b(?:represented|through|by)\b", re.I)
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<![A-Z])\.\s+(?=[A-Z(])|;")
_SELLER_OPENER = re.compile(r"\bBY\b(?!\s+and\b)|\bby\s*:|\bby\s*$", re.M)
_BUYER_OPENER = re.compile(r"\bin\s+favou?r\s+of\b", re.I)
_BY_LINE = re.compile(r"^BY\b", re.M)


@dataclass(frozen=True, slots=True)
class Record:
    start: int
    end: int
    name: re.Match[str]
    role: str


# A figure closing a line ("Mobile No.\n9893546610.\nWHEREAS") is no heading's number.
_NUMBER_THEN_BREAK = re.compile(r"\d+\.[ ]*\n\s*")


def _heading_start(m: re.Match[str]) -> int:
    number = _NUMBER_THEN_BREAK.match(m.group(0))
    return m.start() + number.end() if number else m.start()


def _record_end(text: str, pos: int, body_from: int, limit: int) -> int:
    window = text[pos:limit]
    cuts = [len(window)]
    for pattern in (HEADING, _RECORD_END, _BUYER_OPENER, _BY_LINE):
        m = pattern.search(window, body_from)
        if m:
            cuts.append(_heading_start(m) if pattern is HEADING else m.start())
    # "Share of Vendor 1: 40%" is a particular of this record, not the next role's cue.
    role = next(
        (
            m
            for m in ROLE_RE.finditer(window, body_from)
            if not _OF_ROLE.search(window, 0, m.start())
        ),
        None,
    )
    if role:
        cuts.append(role.start())
    cut = min(cuts)
    # "(the SELLER)" after a record closes it: leave the bracket with the role word.
    bracket = _BRACKETED.search(window, body_from, cut)
    return pos + (bracket.start() if bracket else cut)


def _witness_spans(text: str) -> list[tuple[int, int]]:
    """Where witnesses are listed: from their heading to the next heading of another kind."""
    spans = []
    for m in _WITNESS_HEADING.finditer(text):
        after = (
            h for h in HEADING.finditer(text, m.end()) if not _WITNESS_HEADING.match(h.group(0))
        )
        end = next(after, None)
        spans.append((m.start(), end.start() if end else len(text)))
    return spans


def _is_party(record: str, *, in_body: bool) -> bool:
    """Identity numbers make a party; before the recitals, a relation with an address does too."""
    if find_aadhaar(record) or find_pan(record)[0] or _PAN_LABEL.search(record):
        return True
    identity = read_identity(record)
    if identity["aadhaar_number"] or identity["pan_card_number"]:
        return True
    if in_body:
        return False
    return bool(
        _RELATION.search(record[:160]) and (_ADDRESS.search(record) or PINCODE_RE.search(record))
    )


def _signs_for_another(text: str, name_end: int, end: int) -> bool:
    """Whether the sentence after a name calls that person someone's attorney."""
    sentence_end = _SENTENCE_END.search(text, name_end, end)
    sentence = text[name_end : sentence_end.start() if sentence_end else end]
    attorney = _ATTORNEY_AFTER.search(sentence)
    return bool(attorney and not _REPRESENTED.search(sentence, 0, attorney.start()))


def _is_closing(gap: str, at: int) -> bool:
    """A role word after "hereinafter called" or in brackets ("(the SELLER)") closes a group."""
    before = gap[max(0, at - 45) : at]
    return bool(_CLOSING_BEFORE.search(before) or _BRACKETED.search(before))


def _openers(gap: str) -> list[tuple[int, str]]:
    """Return (end offset, role) of every role cue in `gap` that opens the records after it."""
    found = [
        (m.end(), "seller" if m.group("seller") else "buyer")
        for m in ROLE_RE.finditer(gap)
        if not _is_closing(gap, m.start())
    ]
    found += [(m.end(), "seller") for m in _SELLER_OPENER.finditer(gap)]
    found += [(m.end(), "buyer") for m in _BUYER_OPENER.finditer(gap)]
    return sorted(found)


def _closer(gap: str) -> tuple[int, str | None]:
    """Return (offset, role) of the closing phrase at the head of `gap`, if any."""
    for m in ROLE_RE.finditer(gap[:400]):
        if _is_closing(gap, m.start()):
            return m.start(), "seller" if m.group("seller") else "buyer"
    return len(gap), None


def _has_cue(gap: str) -> bool:
    return bool(ROLE_RE.search(gap) or _SELLER_OPENER.search(gap) or _BUYER_OPENER.search(gap))


def _with_related_names(
    text: str, starts: list[tuple[int, re.Match[str]]]
) -> list[tuple[int, re.Match[str]]]:
    merged = list(starts)
    for pattern in _RELATED_NAMES:
        for m in pattern.finditer(text):
            if not any(s <= m.start("name") < found.end() for s, found in merged):
                merged.append((m.start("name"), m))
    return sorted(merged, key=lambda s: s[0])


def segment_records(text: str, starts: list[tuple[int, re.Match[str]]]) -> list[Record]:
    """Split `text` at the given name starts into party records with their roles."""
    # An attorney or guardian named inside a party's record is part of that record, so the
    # record runs on past the name instead of ending at it.
    starts = [
        (pos, match)
        for pos, match in _with_related_names(text, starts)
        if not _ATTORNEY_BEFORE.search(text[max(0, pos - 60) : pos])
    ]
    body = _BODY.search(text)
    body_at = body.start() if body else len(text)
    witnesses = _witness_spans(text)
    spans: list[tuple[int, int, re.Match[str]]] = []
    for i, (pos, match) in enumerate(starts):
        limit = min(starts[i + 1][0] if i + 1 < len(starts) else len(text), pos + MAX_RECORD)
        end = _record_end(text, pos, match.end() - pos, limit)
        if any(s <= pos < e for s, e in witnesses):
            continue
        if _NOT_PARTY.search(text[max(0, pos - 60) : min(end, match.end() + 80)]):
            continue
        if _ADVOCATE_BEFORE.search(text[max(0, pos - 60) : pos]) or _ADVOCATE_AFTER.match(
            text, match.end()
        ):
            continue
        if _signs_for_another(text, match.end(), end):
            continue
        if _is_party(text[pos:end], in_body=pos >= body_at):
            spans.append((pos, end, match))
    gaps = [text[(spans[i - 1][1] if i else 0) : s[0]] for i, s in enumerate(spans)]
    gaps.append(text[spans[-1][1] :] if spans else "")
    groups: list[list[int]] = []
    for i in range(len(spans)):
        if i == 0 or _has_cue(gaps[i]):
            groups.append([])
        groups[-1].append(i)
    roles: list[str] = []
    previous: str | None = None
    for group in groups:
        gap = gaps[group[0]]
        openers = _openers(gap)
        near = openers[-1][1] if openers and len(gap) - openers[-1][0] <= _NEAR_OPENER else None
        far = openers[-1][1] if openers else None
        fallback = "seller" if previous is None else ("buyer" if previous == "seller" else "seller")
        closer_at, closer = _closer(gaps[group[-1] + 1])
        # "hereinafter called the VENDOR" right after a group names it even when a summary
        # table or heading put another role word shortly before it.
        near_closer = closer if closer_at <= _NEAR_OPENER else None
        role = near_closer or near or closer or far or fallback
        roles += [role] * len(group)
        previous = role
    # A person named again without a relation (a summary, an identity table) keeps the
    # role of the first mention; a second full record is a namesake with a role of its own.
    first_role: dict[str, str] = {}
    records: list[Record] = []
    for (pos, end, match), role in zip(spans, roles, strict=True):
        key = re.sub(r"\W+", " ", match.group("name")).strip().lower()
        if key in first_role and not _RELATION.search(text[pos:end][:160]):
            role = first_role[key]
        first_role.setdefault(key, role)
        records.append(Record(pos, end, match, role))
    return records
