"""Small text measures shared by rules and renderers."""

from __future__ import annotations

import re

# CJK ideographs, kana and hangul: each character reads as a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


def word_count(text: str) -> int:
    """Words in `text`, counting each CJK character as one word."""
    return len(_WORD.findall(text))


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
