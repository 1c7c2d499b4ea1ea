"""Styled lines for the terminal: cell widths, wrapping, tree guide lines, ANSI colour.

`argmap show` lays out its tree here rather than through a general layout library: a
map of a few hundred nodes is laid out in a few milliseconds, and nothing needs importing
at start-up. Lines wrap the way rich wraps text (at spaces, a word longer than the line
folded across lines, a wide character counting two cells), and a `Block` can still be
printed by a rich console, so both give the same text.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, Protocol, TextIO

#: Styles are words such as "bold green"; these are their SGR codes.
_SGR = {"bold": "1", "dim": "2", "italic": "3", "red": "31", "green": "32", "yellow": "33",
        "blue": "34", "magenta": "35", "cyan": "36"}
#: Control characters a terminal would act on, dropped from text as rich drops them.
_DROPPED = dict.fromkeys((7, 8, 11, 12, 13))

_WORD = re.compile(r"\s*\S+\s*")

Span = tuple[str, str]  # text, style
GUIDES = ("    ", "│   ", "├── ", "└── ")  # space, continue, fork, end
ASCII_GUIDES = ("    ", "|   ", "+-- ", "`-- ")


@functools.cache
def cell_width(ch: str) -> int:
    code = ord(ch)
    if code < 0x300:
        return 0 if code < 32 or 0x7F <= code < 0xA0 else 1
    if (0xFE00 <= code <= 0xFE0F or unicodedata.combining(ch)
            or unicodedata.category(ch) == "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cells(text: str) -> int:
    """How many terminal cells `text` takes."""
    if text.isprintable() and (text.isascii() or max(text) < "\u0300"):
        return len(text)
    total, joined = 0, False
    for ch in text:
        # A character joined to the one before (an emoji sequence) takes no room.
        total += 0 if joined else cell_width(ch)
        joined = ch == "\u200d"
    return total


class Styled:
    """A line of text in spans of one style each."""

    __slots__ = ("spans",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.spans: list[Span] = []
        self.append(text, style)

    def append(self, text: str, style: str = "") -> Styled:
        if not text.isprintable():
            text = text.translate(_DROPPED)
        if text:
            self.spans.append((text, style))
        return self

    def extend(self, other: Styled) -> Styled:
        self.spans.extend(other.spans)
        return self

    def copy(self) -> Styled:
        new = Styled()
        new.spans = list(self.spans)
        return new

    @property
    def plain(self) -> str:
        return "".join([text for text, _ in self.spans])

    @property
    def cell_len(self) -> int:
        return cells(self.plain)

    def rstrip(self) -> Styled:
        """The line without trailing white space."""
        spans = list(self.spans)
        while spans and not spans[-1][0].rstrip():
            spans.pop()
        if spans:
            text, style = spans[-1]
            spans[-1] = (text.rstrip(), style)
        new = Styled()
        new.spans = spans
        return new

    def split_lines(self) -> list[Styled]:
        """The text cut at each newline, the newlines dropped."""
        lines = [Styled()]
        for text, style in self.spans:
            first, *rest = text.split("\n")
            lines[-1].append(first, style)
            lines.extend(Styled(part, style) for part in rest)
        return lines

    def divide(self, offsets: Sequence[int]) -> list[Styled]:
        """The line cut at each of `offsets` (character positions, ascending)."""
        pieces = [Styled()]
        position, cuts = 0, list(offsets)
        for text, style in self.spans:
            start = 0
            while cuts and cuts[0] <= position + len(text):
                cut = cuts.pop(0) - position
                pieces[-1].append(text[start:cut], style)
                pieces.append(Styled())
                start = cut
            pieces[-1].append(text[start:], style)
            position += len(text)
        pieces.extend(Styled() for _ in cuts)
        return pieces


def wrap(text: Styled, width: int) -> list[Styled]:
    """`text` in lines of at most `width` cells, without trailing white space."""
    width = max(width, 1)
    plain = text.plain
    if _narrow(plain):
        # Most lines: one cell a character, no newline or tab; only where to break.
        if len(plain) <= width or len(plain.rstrip()) <= width:
            return [text.rstrip()]
        # Every piece fits: a word is placed only where its end fits, and a longer one
        # is cut into pieces of `width` characters.
        return [piece.rstrip() for piece in text.divide(_narrow_breaks(plain, width))]
    lines: list[Styled] = []
    for line in text.split_lines():
        if "\t" in line.plain:
            line = _expand_tabs(line)
        plain = line.plain
        for piece in line.divide(_breaks(plain, width)):
            lines.append(_crop(piece.rstrip(), width))
    return lines


def _breaks(text: str, width: int) -> list[int]:
    """Where to break `text`: after the spaces following a word, or inside a long word."""
    breaks: list[int] = []
    used = 0
    for start, word in _words(text):
        size = cells(word.rstrip())
        if width - used >= size:
            used += cells(word)
        elif size > width:
            for last, piece in _last_flagged(_chop(word, width)):
                if start:
                    breaks.append(start)
                if last:
                    used = cells(piece)
                else:
                    start += len(piece)
        elif used and start:
            breaks.append(start)
            used = cells(word)
    return breaks


def _narrow(text: str) -> bool:
    """Whether every character of `text` is printable and takes one cell."""
    return text.isprintable() and (text.isascii() or max(text) < "\u0300")


def _narrow_breaks(text: str, width: int) -> list[int]:
    """`_breaks` for text of one cell a character: the same places, counted by `len`."""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        size = len(word.rstrip())
        if width - used >= size:
            used += len(word)
        elif size > width:
            for offset in range(0, len(word), width):
                if start + offset:
                    breaks.append(start + offset)
            used = len(word) - (len(word) - 1) // width * width
        elif used and start:
            breaks.append(start)
            used = len(word)
    return breaks


def _words(text: str) -> Iterator[tuple[int, str]]:
    """Each word with the white space before (at the start only) and after it."""
    for match in _WORD.finditer(text):
        yield match.start(), match.group()


def _chop(word: str, width: int) -> list[str]:
    pieces: list[str] = []
    piece, used = "", 0
    for ch in word:
        size = cell_width(ch)
        if piece and used + size > width:
            pieces.append(piece)
            piece, used = "", 0
        piece, used = piece + ch, used + size
    return [*pieces, piece] if piece else pieces


def _last_flagged(items: Sequence[str]) -> Iterator[tuple[bool, str]]:
    for i, item in enumerate(items):
        yield i == len(items) - 1, item


def _crop(line: Styled, width: int) -> Styled:
    if line.cell_len <= width:
        return line
    new, used = Styled(), 0
    for text, style in line.spans:
        kept = ""
        for ch in text:
            if used + cell_width(ch) > width:
                break
            kept, used = kept + ch, used + cell_width(ch)
        new.append(kept, style)
    return new


def _expand_tabs(line: Styled, size: int = 8) -> Styled:
    new, column = Styled(), 0
    for text, style in line.spans:
        out = ""
        for ch in text:
            if ch == "\t":
                pad = size - column % size
                out, column = out + " " * pad, column + pad
            else:
                out, column = out + ch, column + cell_width(ch)
        new.append(out, style)
    return new


# ---------------------------------------------------------------- blocks


class Block(Protocol):
    """Something laid out in lines for a given width."""

    def lines(self, width: int) -> list[Styled]: ...


class Tree:
    """A label with children under it, joined by guide lines (dim)."""

    def __init__(self, label: Block, guides: tuple[str, str, str, str] = GUIDES) -> None:
        self.label = label
        self.children: list[Tree] = []
        self.guides = guides

    def add(self, label: Block) -> Tree:
        child = Tree(label, self.guides)
        self.children.append(child)
        return child

    def lines(self, width: int) -> list[Styled]:
        space, going_on, fork, end = self.guides
        out: list[Styled] = []
        stack: list[tuple[Tree, tuple[bool, ...]]] = [(self, ())]
        while stack:
            tree, lasts = stack.pop()
            above = "".join(space if last else going_on for last in lasts[:-1])
            for number, line in enumerate(tree.label.lines(width - 4 * len(lasts))):
                if lasts:
                    own = (end if lasts[-1] else fork) if number == 0 else (
                        space if lasts[-1] else going_on)
                    line = Styled(above + own, "dim").extend(line)
                out.append(line)
            count = len(tree.children)
            stack.extend((child, (*lasts, i == count - 1))
                         for i, child in reversed(list(enumerate(tree.children))))
        return out


class Blank:
    def lines(self, width: int) -> list[Styled]:
        return [Styled()]


class Column:
    """Blocks one under the other; printable by a rich console too."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = blocks

    def lines(self, width: int) -> list[Styled]:
        return [line for block in self.blocks for line in block.lines(width)]

    def text(self, width: int, color: bool = False) -> str:
        """Every line, with ANSI colour codes if `color`, each ending in a newline."""
        return "".join(_ansi(line) + "\n" if color else line.plain + "\n"
                       for line in self.lines(width))

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.segment import Segment
        from rich.style import Style

        for line in self.lines(options.max_width):
            for text, style in line.spans:
                yield Segment(text, Style.parse(style) if style else None)
            yield Segment.line()


def _ansi(line: Styled) -> str:
    return "".join(f"{_sgr(style)}{text}\x1b[0m" if _sgr(style) else text
                   for text, style in line.spans)


@functools.cache
def _sgr(style: str) -> str:
    """The escape sequence that starts `style`, or "" for a style with no code."""
    codes = ";".join(_SGR[word] for word in style.split() if word in _SGR)
    return f"\x1b[{codes}m" if codes else ""


def terminal_width(stream: TextIO | None = None) -> int:
    """The width to lay out for: $COLUMNS, else the terminal's, else 80 (as rich does)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    stream = stream or sys.stdout
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown") and stream.isatty():
        return 80
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (OSError, ValueError):
            continue
    return 80
