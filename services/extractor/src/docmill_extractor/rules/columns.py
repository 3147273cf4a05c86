"""Side-by-side party boxes ("VENDOR 1 | PURCHASER 1") flattened line by line.

A text layer reads such a box across both columns, so each line holds a cell of
the left party, a "|" and the cell of the right party. Unfolding writes each
column out as its own block under its header, so the box reads like a list of
labelled records.
"""

from __future__ import annotations

import re

from docmill_extractor.rules.text import ROLE_RE

# A header cell is only a role word with an optional number ("VENDOR 2", "Purchaser").
_HEADER_CELL = re.compile(rf"^\s*(?:{ROLE_RE.pattern})\s*(?:No\.?\s*)?\d{{0,2}}\s*$", re.I)
_EMPTY_CELL = re.compile(r"^[\s\-–—]*$")
_LABEL = re.compile(r"^\s*([A-Za-z][\w .'/()-]{0,30}?)\s*:")


def _header(line: str) -> list[str] | None:
    cells = line.split("|")
    if len(cells) == 2 and all(_HEADER_CELL.match(c) for c in cells):
        return [c.strip() for c in cells]
    return None


def _names_header(line: str, headers: list[str]) -> int | None:
    """Return the column whose header `line` names ("Share of Vendor 1: ..."), if any."""
    return next(
        (n for n, h in enumerate(headers) if re.search(rf"\b{re.escape(h)}\b", line, re.I)),
        None,
    )


def _unfold(lines: list[str], at: int, headers: list[str]) -> tuple[list[str], int]:
    """Return the unfolded lines of the box whose header is `lines[at]`, and where it ends."""
    columns: list[list[str]] = [[], []]
    wraps = False  # whether the line before was a row whose right cell may run on
    pushed = None  # the label of a row whose right cell was pushed to the next line
    i = at + 1
    while i < len(lines):
        line = lines[i]
        if _header(line):
            break
        cells = line.split("|")
        if len(cells) == 2:
            for column, cell in zip(columns, cells, strict=True):
                if not _EMPTY_CELL.match(cell):
                    column.append(cell.strip())
            wraps = not _EMPTY_CELL.match(cells[1])
            label = _LABEL.match(cells[0])
            pushed = label.group(1).lower() if label and not wraps else None
        elif pushed and (label := _LABEL.match(line)) and label.group(1).lower() == pushed:
            # "Address: <left> |" then "Address: <right>": a long left cell pushed the
            # right one onto a line of its own.
            columns[1].append(line.strip())
            wraps, pushed = True, None
        elif wraps and line.strip() and _names_header(line, headers) is None:
            # A wrapped line continues the cell that ended the row before it: the right one.
            columns[1][-1] += " " + line.strip()
            wraps = False
        else:
            break
        i += 1
    # A line after the box that names a column's header ("Share of Vendor 1: ...") is that
    # party's, whatever column it was printed under.
    while i < len(lines) and not _header(lines[i]) and "|" not in lines[i]:
        owner = _names_header(lines[i], headers)
        if owner is None:
            break
        columns[owner].append(lines[i].strip())
        i += 1
    out: list[str] = []
    for header, column in zip(headers, columns, strict=True):
        if column:
            out += [header, *column]
    return out, i


def unfold_column_boxes(text: str) -> str:
    """Rewrite every two-column party box in `text` as one block per column."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        headers = _header(lines[i])
        if headers is None:
            out.append(lines[i])
            i += 1
            continue
        unfolded, i = _unfold(lines, i, headers)
        out += unfolded
    return "\n".join(out)
