"""Character accuracy of recognised text against the text a page really shows."""

from __future__ import annotations

import difflib
import re

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Collapse whitespace: layout (line breaks, column gaps) is not a recognition error."""
    return _SPACE.sub(" ", text).strip()


def char_errors(truth: str, got: str) -> int:
    """Edits (insert, delete, substitute) turning `got` into `truth`, after normalising."""
    want, have = normalise_text(truth), normalise_text(got)
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    errors = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            errors += max(i2 - i1, j2 - j1)
    return errors


def char_accuracy(truth: str, got: str) -> float:
    """1 - errors / len(truth), floored at 0; 1.0 for two empty texts."""
    want = normalise_text(truth)
    if not want:
        return 1.0 if not normalise_text(got) else 0.0
    return max(0.0, 1.0 - char_errors(truth, got) / len(want))
