"""Property schedules, money, date and registration office of a deed."""

from __future__ import annotations

import re

from docmill_contracts.saledeed import PropertyDetails
from docmill_extractor.rules.text import STATES, flatten, split_state_pincode
from docmill_normalize import find_dates, parse_amount, parse_area

_SCHEDULE_B = re.compile(r"(?:schedule\s*[-'\"]*\s*b\b['\"]?|\bb\s*[-]?\s*schedule\b)", re.I)
_SCHEDULE_C = re.compile(r"(?:schedule\s*[-'\"]*\s*c\b['\"]?|\bc\s*[-]?\s*schedule\b)", re.I)
_KINDS = re.compile(
    r"\b(?:(?:residential|commercial|vacant|independent|agricultural)\s+)?"
    r"(?:plot|flat|site|house|villa|apartment|shop|land|building|office\s+space)\b",
    re.I,
)
_NAME_LABEL = re.compile(
    r"(?:property\s+name|name\s+of\s+(?:the\s+)?property|description|nature\s+of\s+(?:the\s+)?"
    r"property|type\s+of\s+property)\s*[:\-]?\s*\n?\s*(?P<v>[^\n]+)",
    re.I,
)
_PLACE_LABEL = re.compile(
    r"(?:property\s+address|address|situated\s+at|situate\s+at|located\s+at|lying\s+at|\bat)"
    r"\s*[:\-]?\s*",
    re.I,
)
_AMOUNT_LABELS = {
    "sale_consideration": r"consideration|price",
    "guidance_value": r"guidance\s+value|market\s+value",
    "stamp_duty_fee": r"stamp",
    "registration_fee": r"registration\s+(?:fees?|charges)|fees?\s+(?:for|of)\s+registration",
}
_DATE_LABELS = re.compile(
    r"date\s+of\s+(?:execution|sale|transaction)|executed\s+on|execution\s+date|signed\s+"
    r"(?:this\s+deed\s+)?on|made\s+(?:and\s+executed\s+)?on|\bdated?\b",
    re.I,
)
_SRO = re.compile(
    r"(?i:sub[\s-]*registrar(?:'s)?(?:\s+office)?|\bSRO\b)[\s,:\-]*(?i:at\s+|of\s+)?"
    r"(?P<place>[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+)?)",
)
_CASH_LABEL = re.compile(r"(?:paid\s+in\s+cash|cash\s+payment)\s*[:\-]\s*(yes|no)\b", re.I)
_CASH = re.compile(
    r"(?<!not )(?<!no )\b(?:in\s+(?:ready\s+)?cash|cash\s+mode|by\s+(?:way\s+of\s+)?"
    r"cash|mode\s*[:\-]?\s*cash|\n?cash\n)",
    re.I,
)
_NON_CASH = re.compile(
    r"\b(?:cheque|demand\s+draft|\bDD\b|RTGS|NEFT|IMPS|bank\s+transfer|online\s+transfer)", re.I
)


def _section(text: str, start: re.Pattern[str], stop: re.Pattern[str] | None) -> str:
    for m in start.finditer(text):
        rest = text[m.end() :]
        end = stop.search(rest) if stop else None
        body = rest[: end.start()] if end else rest[:700]
        if parse_area(body[:700]) is not None:
            return body[:700]
    return ""


def _read_schedule_c(section: str) -> dict[str, object]:
    found: dict[str, object] = {}
    label = _NAME_LABEL.search(section)
    kind = _KINDS.search(section)
    if label:
        found["schedule_c_property_name"] = flatten(label.group("v")).strip(" .,;")
    elif kind:
        found["schedule_c_property_name"] = flatten(kind.group(0))
    after_name = label.end() if label else (kind.end() if kind else 0)
    place = _PLACE_LABEL.search(section, after_name)
    if place:
        raw = section[place.end() : place.end() + 300]
        pin_end = re.search(r"(?<!\d)[1-9]\d{2}\s?\d{3}(?!\d)", raw)
        raw = raw[: pin_end.end()] if pin_end else raw.split("\n")[0]
        address, pin, state = split_state_pincode(raw)
        found.update(schedule_c_property_address=address or None, pincode=pin, state=state)
        area = parse_area(section[place.end() + (pin_end.end() if pin_end else 0) :])
    else:
        area = parse_area(section)
    found["schedule_c_property_area"] = area
    if found.get("state") is None:
        state = re.search(r"\bState\s*[:\-]?\s*(\w+(?: \w+)?)", section)
        if state and state.group(1).title() in STATES:
            found["state"] = state.group(1).title()
    return found


def _read_amount(text: str, labels: str) -> float | None:
    for m in re.finditer(labels, text, re.I):
        value = parse_amount(text[m.end() : m.end() + 160], require_currency=True)
        if value is not None:
            return value
    return None


def read_cash_mode(text: str) -> str | None:
    """Return "Yes"/"No" for whether the price was paid in cash, None when not stated."""
    label = _CASH_LABEL.search(text)
    if label:
        return label.group(1).title()
    if _CASH.search(text):
        return "Yes"
    return "No" if _NON_CASH.search(text) else None


def read_transaction_date(text: str) -> str | None:
    """Return the execution date: the one after an execution label, else the latest date."""
    dates = find_dates(text)
    for label in _DATE_LABELS.finditer(text):
        near = [d for d in dates if 0 <= d.start - label.end() <= 60]
        if near:
            return near[0].iso
    return max((d.iso for d in dates), default=None)


def read_registration_office(text: str) -> str | None:
    """Return the office as "Sub-Registrar Office, <place>"."""
    for m in _SRO.finditer(text):
        place = m.group("place")
        if place.lower() not in {"office", "the", "on", "at"}:
            return f"Sub-Registrar Office, {place}"
    return None


def read_property(text: str) -> PropertyDetails:
    """Return the property schedules and the money paid and levied."""
    flat = flatten(text)
    schedule_b = _section(text, _SCHEDULE_B, _SCHEDULE_C)
    schedule_c = ""
    for m in _SCHEDULE_C.finditer(text):
        candidate = text[m.end() : m.end() + 700]
        if parse_area(candidate) is not None:
            schedule_c = candidate
            break
    fields: dict[str, object] = _read_schedule_c(schedule_c) if schedule_c else {}
    for name, labels in _AMOUNT_LABELS.items():
        fields[name] = _read_amount(flat, labels)
    return PropertyDetails(
        schedule_b_area=parse_area(schedule_b) if schedule_b else None,
        paid_in_cash_mode=read_cash_mode(text),
        **fields,
    )
