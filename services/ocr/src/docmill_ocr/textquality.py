"""Deciding whether a page's embedded text layer is worth keeping."""

from __future__ import annotations

import unicodedata

# Fewer visible characters than this and the page is treated as having no text layer.
MIN_VISIBLE_CHARS = 16
# Broken font maps show up as replacement, private-use and control characters.
MAX_BAD_RATIO = 0.10
# Real prose is mostly letters and digits, in any script.
MIN_ALNUM_RATIO = 0.5


def is_usable_text(text: str) -> bool:
    """True when `text` looks like real words rather than nothing or glyph garbage."""
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < MIN_VISIBLE_CHARS:
        return False
    bad = sum(1 for ch in visible if _is_bad(ch))
    if bad / len(visible) > MAX_BAD_RATIO:
        return False
    alnum = sum(1 for ch in visible if ch.isalnum() or unicodedata.category(ch).startswith("M"))
    return alnum / len(visible) >= MIN_ALNUM_RATIO


def _is_bad(ch: str) -> bool:
    if ch == "\ufffd":
        return True
    return unicodedata.category(ch) in ("Co", "Cc", "Cn", "Cs")
