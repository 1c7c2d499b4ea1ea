"""Between argmap's positions and the editor's.

argmap counts 1-based lines and columns in characters; the Language Server Protocol
counts 0-based lines and columns in UTF-16 code units, so a character outside the Basic
Multilingual Plane (an emoji) counts twice. Every conversion happens here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from argmap.model import Span

#: A node id, a map id, or `map:id`, as typed in a reference or after `id:`.
WORD = re.compile(r"[A-Za-z0-9_.\-:]+")
_TOKEN = re.compile(r"[^\s,\[\]{}]+")


class Lines:
    """A document's lines, for converting positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    def line(self, number: int) -> str:
        """The 0-based line `number`, or "" past the end."""
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def to_lsp(self, line: int, column: int) -> types.Position:
        """A 0-based line and character index as an LSP position."""
        text = self.line(line)
        return types.Position(line=line, character=_utf16(text[:column]))

    def from_lsp(self, position: types.Position) -> tuple[int, int]:
        """An LSP position as a 0-based line and character index."""
        text = self.line(position.line)
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return position.line, index
            units += 2 if ord(char) > 0xFFFF else 1
        return position.line, len(text)

    def span_range(self, span: Span) -> types.Range:
        """The token that starts at `span`: a quoted text, a word, or one character."""
        line, column = span.line - 1, max(span.column - 1, 0)
        text = self.line(line)
        column = min(column, len(text))
        end = _token_end(text, column)
        return types.Range(start=self.to_lsp(line, column), end=self.to_lsp(line, end))

    def whole(self) -> types.Range:
        last = len(self.lines) - 1
        return types.Range(start=types.Position(line=0, character=0),
                           end=self.to_lsp(last, len(self.lines[last])))


def _token_end(text: str, column: int) -> int:
    if column >= len(text):
        return column
    if text[column] in "\"'":
        close = text.find(text[column], column + 1)
        return close + 1 if close != -1 else len(text)
    match = _TOKEN.match(text, column)
    if not match:
        return column + 1
    token = match.group()
    return column + len(token) - (1 if token.endswith(":") and len(token) > 1 else 0)


def _utf16(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


@dataclass(frozen=True, slots=True)
class Word:
    """The id-like word under the cursor, with where it starts (0-based characters)."""

    text: str
    line: int
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def word_at(lines: Lines, line: int, column: int) -> Word | None:
    text = lines.line(line)
    for match in WORD.finditer(text):
        if match.start() <= column <= match.end():
            word = match.group().strip(":")
            if word:
                return Word(word, line, match.start() + match.group().index(word))
    return None


def id_range(lines: Lines, span: Span, map_prefix: str | None) -> tuple[int, int, int]:
    """Line, start and end (0-based characters) of the node id of a reference at `span`.

    A quoted reference starts at its quote, and in `arsene:O1` the id starts after the
    map's name.
    """
    line, column = span.line - 1, span.column - 1
    text = lines.line(line)
    if column < len(text) and text[column] in "\"'":
        column += 1
    if map_prefix:
        column += len(map_prefix) + 1
    match = WORD.match(text, column)
    end = match.end() if match else column
    return line, column, end
