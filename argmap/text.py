"""Small text measures shared by rules and renderers.

Length limits are meant as reading time. Chinese and Japanese are written without spaces,
so their length is counted in characters and converted to the English words that take as
long to read: adults read about 228 English words a minute and about 255 Chinese
characters a minute (Trauzettel-Klosinski et al., 2012, the IReST texts), so 1.12
characters of Han or kana read like one word. Korean puts spaces between words and is
counted by words, like English.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

#: Han ideographs (with the extensions and compatibility forms) and kana.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@functools.cache
def _cjk_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A CJK character, and a word of anything else. Compiled on first use: Python's
    compiler takes 8 ms over these wide ranges, which every command importing this module
    would pay, while only text holding CJK needs them."""
    return re.compile(f"[{_CJK}]"), re.compile(f"[^\\s{_CJK}]+")


#: Chinese characters read in the time of one English word (255 / 228, see above).
CJK_CHARS_PER_WORD = 255 / 228


@dataclass(frozen=True, slots=True)
class Length:
    """How long a text is to read: its words, and any CJK characters in it."""

    words: int
    cjk: int

    @property
    def reading_words(self) -> int:
        """The English words that take as long to read."""
        return self.words + round(self.cjk / CJK_CHARS_PER_WORD)

    def describe(self) -> str:
        """`has 31 words`, or for CJK text `takes as long to read as 37 words (…)`."""
        if not self.cjk:
            return f"has {self.words} word{'s' if self.words != 1 else ''}"
        extra = f" and {self.words} other words" if self.words else ""
        return (f"takes as long to read as {self.reading_words} words ({self.cjk} Chinese or "
                f"Japanese characters{extra})")


def length(text: str) -> Length:
    if text.isascii() or max(text) < "\u3040":  # no CJK: words are what split() finds
        return Length(len(text.split()), 0)
    cjk_char, word = _cjk_patterns()
    return Length(len(word.findall(text)), len(cjk_char.findall(text)))


def word_count(text: str) -> int:
    """Words in `text`, with Chinese and Japanese counted by their reading time."""
    return length(text).reading_words


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
# embeddings, overrides and isolates: what could start a new line or reorder one.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """`text` with every character that could break or reorder a line of output written
    as an escape (`\\n`, `\\x1b`, `\\u2028`), so user text cannot forge a second line."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: _NAMED.get(m[0]) or
                        (f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}"),
                        text)
