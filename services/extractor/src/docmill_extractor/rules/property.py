"""Property schedules and the money paid and levied on a deed."""

from __future__ import annotations

import re

from docmill_contracts.saledeed import PropertyDetails
from docmill_extractor.rules.money import read_amounts
from docmill_extractor.rules.text import (
    STATE_RE,
    canonical_state,
    flatten,
    split_state_pincode,
)
from docmill_normalize import parse_area

# OCR can double a schedule's letter ("Cc SCHEDULE").
# A letter may be quoted before the word ("'B' SCHEDULE PROPERTY").
_SCHEDULE_B = re.compile(
    r"(?:schedule\s*[-'\"]*\s*b\b['\"]?|['\"]?\bb{1,2}['\"]?\s*[-]?\s*schedule\b)", re.I
)
_SCHEDULE_C = re.compile(
    r"(?:schedule\s*[-'\"]*\s*c\b['\"]?|['\"]?\bc{1,2}['\"]?\s*[-]?\s*schedule\b)", re.I
)
# Property kinds as deeds name them: an optional use or form, then what is sold.
_KIND_QUALIFIERS = (
    r"residential|commercial|industrial|agricultural|non[\s-]*agricultural|vacant|independent"
    r"|corner|duplex|row|farm|semi[\s-]*furnished|built[\s-]*up"
)
_KIND_NOUNS = (
    r"flat|apartment|plot|site|house|villa|bungalow|shop|showroom|office\s+space|warehouse"
    r"|godown|penthouse|tenement|land|building"
)
_KINDS = re.compile(
    rf"\b(?P<q>(?:(?:{_KIND_QUALIFIERS})[\s-]+)*)(?P<noun>{_KIND_NOUNS})\b(?!\s+(?:no|number)\b)",
    re.I,
)
# Schedules describe "land bearing Sy. No." or a "building" around a flat: weak evidence.
_WEAK_KINDS = {"land", "building"}
_NAME_LABEL = re.compile(
    r"(?:property\s+name|name\s+of\s+(?:the\s+)?property|description|nature\s+of\s+(?:the\s+)?"
    r"property|type\s+of\s+property)\s*[:\-]?\s*\n?\s*(?P<v>[^\n]+)",
    re.I,
)
# Where a labelled kind ends when the line goes on: "Description: Residential Site; Situated
# at: ..." or "Property: Residential Flat. Address: ...".
_KIND_VALUE_END = re.compile(
    r";|\.\s+(?=[A-Z][\w ]{0,25}:)|[,\s]\s*(?=(?:[Ss]ituated?|[Ll]ocated|[Ll]ying)\s+at\b)"
    r"|[,.]?\s+(?=(?:[Pp]roperty\s+)?[Aa]ddress\s*:)"
)
# A form's label line between an address and its values: "PIN Code / State".
_FORM_LABEL_LINE = re.compile(
    r"\n[ ]*(?:(?:PIN|Pin)(?:\s*[Cc]ode)?|Pincode|State|District)(?:\s*/\s*[A-Za-z ]+)?[ ]*:?[ ]*\n"
)
# A comma after a kind, then a place that reaches a pincode within the line's sentence.
_UNLABELLED_PLACE = re.compile(
    r"\s*,\s*(?=(?:[^.;]|\.(?!\s+[A-Z][a-z])){5,200}?(?<!\d)[1-9]\d{2}\s?\d{3}(?!\d))"
)
_PLACE_LABEL = re.compile(
    r"(?:property\s+address|address|situated\s+at|situate\s+at|located\s+at|lying\s+at|\bat)"
    r"\s*[:\-]?\s*",
    re.I,
)
# "\s*": OCR drops the spaces of a label now and then ("PaidinCash: Yes").
# A table puts the answer on the line under its label.
_CASH_LABEL = re.compile(r"(?:paid\s*in\s*cash|cash\s*payment)[ ]*(?:[:\-]|\n)\s*(yes|no)\b", re.I)
# Any wording saying part or all of the price changed hands in cash. Scanned and
# extracted text can glue a value to the next heading ("CashSchedule"), so the word
# ends at any non-lowercase letter.
_CASH = re.compile(
    r"(?<!not )(?<!no )(?<!non-)(?<!non )\b(?:"
    r"in\s+(?:ready\s+|hard\s+)?cash|(?:by|through|via|as)\s+(?:way\s+of\s+)?cash"
    r"|cash\s+(?:mode|payment|consideration|of\s+(?:rs|inr|rupees))"
    r"|(?:mode|manner)\s+of\s+payment\s*[:\-]?\s*cash|(?:payment\s+)?mode\s*[:\-]?\s*cash"
    r"|paid\s+(?:\w+\s+){0,2}cash|(?m:^)[ ]*cash"
    r")(?-i:(?![a-z]))",
    re.I,
)
# "No part of the price was paid in cash": the clause before the cash wording denies it.
_NEGATION = re.compile(r"\b(?:not|no|nothing|never|without|neither|nor|none)\b", re.I)
# A pay order (banker's cheque) is a bank instrument like a demand draft.
_NON_CASH = re.compile(
    r"\b(?:cheque|demand\s+draft|\bDD\b|pay\s+order|RTGS|NEFT|IMPS|bank\s+transfer"
    r"|online\s+transfer)",
    re.I,
)


def _mentions(text: str, schedule: re.Pattern[str]) -> list[re.Match[str]]:
    """Mentions of a schedule, the ones heading a line first: running text cites them too."""
    found = list(schedule.finditer(text))
    heading = [m for m in found if _is_heading(text, m)]
    return heading + [m for m in found if m not in heading]


# What may follow a schedule's name on its heading line: a few words ("PROPERTY", "(Land)"),
# not a running sentence ("Schedule 'C' property to the PURCHASER(S), free from ...").
_HEADING_TAIL_WORDS = 3


def _is_heading(text: str, m: re.Match[str]) -> bool:
    line_head = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].lower()
    if re.fullmatch(r"[\s\d.()]*(?:the\s+)?", line_head) is None:
        return False
    line_end = text.find("\n", m.end())
    tail = re.sub(r"\([^)]*\)?", " ", text[m.end() : line_end if line_end >= 0 else len(text)])
    return tail.isupper() or len(re.findall(r"[A-Za-z]+", tail)) <= _HEADING_TAIL_WORDS


def _section(text: str, start: re.Pattern[str], stop: re.Pattern[str] | None) -> str:
    for m in _mentions(text, start):
        rest = text[m.end() :]
        end = stop.search(rest) if stop else None
        body = rest[: end.start()] if end else rest[:700]
        if parse_area(body[:700]) is not None:
            return body[:700]
    return ""


def _trim_kind(value: str) -> str:
    """Drop scanner specks OCR reads after a kind ("Residential Plot ae")."""
    kind = _KINDS.match(value)
    if kind and re.fullmatch(r"[\W_]*(?:(?:[a-z]{1,2}|\d)\b[\W_]*)?", value[kind.end() :]):
        return value[: kind.end()]
    return value


def read_property_kind(section: str) -> re.Match[str] | None:
    """Return the property kind a schedule names, preferring qualified kinds (Residential Plot)."""
    best: tuple[int, re.Match[str]] | None = None
    for m in _KINDS.finditer(section):
        rank = 2 if m.group("q") else 0 if m.group("noun").lower() in _WEAK_KINDS else 1
        if best is None or rank > best[0]:
            best = (rank, m)
    return best[1] if best else None


def _read_schedule_c(section: str) -> dict[str, object]:
    found: dict[str, object] = {}
    label = _NAME_LABEL.search(section)
    kind = read_property_kind(section)
    after_name = kind.end() if kind else 0
    if label:
        value = label.group("v")
        end = _KIND_VALUE_END.search(value)
        value = value[: end.start()] if end else value
        found["schedule_c_property_name"] = _trim_kind(flatten(value).strip(" .,;"))
        after_name = label.start("v") + len(value)
    elif kind:
        found["schedule_c_property_name"] = flatten(kind.group(0)).title()
    place = _PLACE_LABEL.search(section, after_name)
    # "Schedule C: Apartment, Door No. 746, ..., Kerala - 682023": the address follows the
    # kind after a comma, unlabelled.
    start = place.end() if place else None
    if start is None and kind and not label and _UNLABELLED_PLACE.match(section, kind.end()):
        start = _UNLABELLED_PLACE.match(section, kind.end()).end()
    if start is not None:
        raw = section[start : start + 300]
        pin_end = re.search(r"(?<!\d)[1-9]\d{2}\s?\d{3}(?!\d)", raw)
        # "Tumakuru - 572032 (Karnataka)": a state may follow the pincode.
        after_pin = re.match(r"[\s,/]*\(?[A-Za-z ]+\)?", raw[pin_end.end() :]) if pin_end else None
        raw = raw[: pin_end.end()] if pin_end else raw.split("\n")[0]
        raw = _FORM_LABEL_LINE.sub("\n", raw)
        state_after = STATE_RE.search(after_pin.group(0)) if after_pin else None
        address, pin, state = split_state_pincode(raw)
        if state is None and state_after:
            state = canonical_state(state_after.group(1))
        found.update(schedule_c_property_address=address or None, pincode=pin, state=state)
        area = parse_area(section[start + (pin_end.end() if pin_end else 0) :])
    else:
        area = parse_area(section)
    found["schedule_c_property_area"] = area
    if found.get("state") is None:
        state = re.search(r"\bState\s*[:\-]?\s*(\w+(?: \w+)?)", section)
        if state and canonical_state(state.group(1)):
            found["state"] = canonical_state(state.group(1))
    return found


def read_cash_mode(text: str) -> str | None:
    """Return "Yes"/"No" for whether the price was paid in cash, None when not stated."""
    label = _CASH_LABEL.search(text)
    if label:
        return label.group(1).title()
    for cash in _CASH.finditer(text):
        clause = re.split(r"[.;,\n]", text[max(0, cash.start() - 90) : cash.start()])[-1]
        if not _NEGATION.search(clause):
            return "Yes"
    return "No" if _NON_CASH.search(text) else None


def read_property(text: str) -> PropertyDetails:
    """Return the property schedules and the money paid and levied."""
    flat = flatten(text)
    schedule_b = _section(text, _SCHEDULE_B, _SCHEDULE_C)
    mentions = _mentions(text, _SCHEDULE_C)
    sections = [text[m.end() : m.end() + 700] for m in mentions]
    # The area marks the schedule itself; when OCR lost it, the first heading still
    # holds the property's kind and address.
    schedule_c = next((s for s in sections if parse_area(s) is not None), "")
    if not schedule_c and mentions and _is_heading(text, mentions[0]):
        schedule_c = sections[0]
    labelled = _NAME_LABEL.search(text)
    if not schedule_c and labelled:
        # No schedule heading survived OCR ("SCHEDULER"): the labelled property still did.
        schedule_c = text[labelled.start() : labelled.start() + 700]
    fields: dict[str, object] = _read_schedule_c(schedule_c) if schedule_c else {}
    fields.update(read_amounts(flat))
    return PropertyDetails(
        schedule_b_area=parse_area(schedule_b) if schedule_b else None,
        paid_in_cash_mode=read_cash_mode(text),
        **fields,
    )
