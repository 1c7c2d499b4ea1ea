"""Text measured in columns and wrapped into lines, and the size a node's label takes.

A wide (CJK) character counts as two columns. Lines break at spaces and between CJK
characters; only a word longer than a whole line is cut. The sizes are estimated from
the wrapped text, not measured, so the DOT stays a pure function of the map and the
options.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from argmap.model import Kind, Label, Node
from argmap.renderers.dot_style import SMALL, STATUS_WORDS, THESIS_SCALE, DotOptions

#: Wide punctuation that must not start a line: it stays with the character before it.
_NO_LINE_START = frozenset("，。、；：！？）」』】》〉・…")
_NARROW_TRAILING = frozenset(",.;:!?)]}'\"%")


def columns(text: str) -> int:
    """How many columns `text` takes: a wide (CJK) character counts as two."""
    if text.isascii() or max(text) < "\u1100":
        return len(text)
    return sum(_width(ch) for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns where the text allows it.

    Lines break at spaces and between CJK characters; only a word longer than a whole
    line is cut. Line breaks in the text are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max(width, 4)))
    return lines


def _width(ch: str) -> int:
    if ch < "\u1100":  # nothing below the first Hangul jamo is wide
        return 1
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _units(word: str, width: int) -> list[str]:
    """The pieces of a word that a line may break between."""
    if word.isascii():
        return list(_cut(word, width))
    units: list[str] = []
    for ch in word:
        if not units:
            units.append(ch)
        elif _width(ch) == 2:
            if ch in _NO_LINE_START:
                units[-1] += ch
            else:
                units.append(ch)
        elif _width(units[-1][-1]) == 2 and ch not in _NARROW_TRAILING:
            units.append(ch)
        else:
            units[-1] += ch
    return [piece for unit in units for piece in _cut(unit, width)]


def _cut(unit: str, width: int) -> Iterator[str]:
    if columns(unit) <= width:
        yield unit
        return
    piece, used = "", 0
    for ch in unit:
        size = _width(ch)
        if piece and used + size > width:
            yield piece
            piece, used = "", 0
        piece, used = piece + ch, used + size
    if piece:
        yield piece


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    words = paragraph.split()
    if columns(paragraph) == len(paragraph) and all(len(word) <= width for word in words):
        return _wrap_narrow(words, width)
    lines: list[str] = []
    line, used = "", 0
    for word in paragraph.split():
        for i, unit in enumerate(_units(word, width)):
            space = 1 if i == 0 and line else 0
            size = columns(unit)
            if line and used + space + size > width:
                lines.append(line)
                line, used = unit, size
            else:
                line, used = line + " " * space + unit, used + space + size
    return [*lines, line] if line else lines or [""]


def _wrap_narrow(words: list[str], width: int) -> list[str]:
    """`_wrap_paragraph` for words of narrow characters that each fit on a line."""
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in words:
        if line and used + 1 + len(word) > width:
            lines.append(" ".join(line))
            line, used = [word], len(word)
        else:
            used += len(word) + (1 if line else 0)
            line.append(word)
    return [*lines, " ".join(line)] if line else lines or [""]


@dataclass(frozen=True)
class NodeText:
    """A node's label broken into lines, and the size those lines are expected to take."""

    held_by: tuple[str, ...]
    claim: tuple[str, ...]
    meta: tuple[str, ...]
    #: "+N more" on a node whose reasons and answers are folded away, else "".
    more: str
    #: Only the start of the claim, and the id: a step on the way to what matters.
    compact: bool
    width: float  # inches
    height: float  # inches

    @classmethod
    def of(cls, node: Node, status: Label | None, options: DotOptions, more: int = 0,
           compact: bool = False) -> NodeText:
        wide = int(options.wrap * 1.3)
        held_by = tuple(wrap("held by " + node.held_by, wide)) if node.held_by else ()
        claim = tuple(wrap(node.claim, options.wrap))
        size = options.font_size * (THESIS_SCALE if node.kind is Kind.THESIS else 1)
        small = options.font_size * SMALL
        if compact:
            held_by, claim, size = (), opening(node.claim, options.wrap, 2), options.font_size
        parts = (node.id, "" if compact or not node.source else str(node.source),
                 STATUS_WORDS[status].upper() if status else "")
        meta = tuple(wrap(" · ".join(part for part in parts if part), wide))
        folded = f"+{more} more" if more else ""
        width = max(_extent(claim, size), _extent(held_by, small), _extent(meta, small),
                    _extent([folded], small))
        rows = len(held_by) + len(meta) + bool(folded)
        height = 1.12 * (size * len(claim) + small * rows)
        return cls(held_by, claim, meta, folded, compact, (width + 20) / 72,
                   (height + 12) / 72)


def opening(text: str, width: int, count: int) -> tuple[str, ...]:
    """The first `count` wrapped lines of `text`, the last ending in an ellipsis if cut."""
    lines = wrap(text, width)
    if len(lines) <= count:
        return tuple(lines)
    return (*lines[:count - 1], lines[count - 1] + " …")


def _extent(lines: Sequence[str], size: float) -> float:
    """Roughly how wide, in points, the longest of `lines` is drawn."""
    return max((columns(line) for line in lines), default=0) * 0.5 * size
