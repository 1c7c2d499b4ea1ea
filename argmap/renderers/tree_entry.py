"""How one entry of the terminal tree is laid out: a head with its text wrapping beside it.

An `Entry` is a node's head (glyph, id, word, badge) with its claim, locator and
references wrapping in the room to the right of the head, or under it when the room is
narrower than `MIN_BODY` cells. A `Fitted` line cuts one part (a referenced claim, a long
section heading) so the rest stays on the line; `Phrases` wraps only between phrases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.renderers.terminal import Styled, cells, wrap
from argmap.text import shorten

#: Below this many cells beside a node's head, its text goes under the head instead.
MIN_BODY = 24
#: Cells of a cut-down text (a referenced claim, a section) kept even if the line wraps.
MIN_FIT = 20


@dataclass(frozen=True)
class Fitted:
    """A line with one part (a claim, a section heading) cut to fit where it is drawn."""

    lead: Styled
    cut: str
    tail: Styled
    ellipsis: str

    def fit(self, width: int) -> Styled:
        room = max(width - self.lead.cell_len - self.tail.cell_len, MIN_FIT)
        line = self.lead.copy()
        line.append(cut_to(self.cut, room, self.ellipsis), style="dim")
        line.extend(self.tail)
        return line

    @property
    def cell_len(self) -> int:
        return self.lead.cell_len + cells(self.cut) + self.tail.cell_len


def cut_to(text: str, room: int, ellipsis: str) -> str:
    """`text` on one line in at most `room` cells (wide characters count two)."""
    flat = shorten(text, len(text) + 1)
    if cells(flat) <= room:
        return flat
    budget = room - len(ellipsis) + 1
    short = shorten(flat, budget)
    while budget > 1 and cells(short) - 1 + len(ellipsis) > room:
        budget -= max(1, (cells(short) - 1 + len(ellipsis) - room) // 2)
        short = shorten(flat, budget)
    short = short.removesuffix("…")
    words, _, last = short.rpartition(" ")
    # Cut at a word boundary unless that loses more than a third of the text.
    if words and len(last) < len(short) // 3:
        short = words.rstrip(" ,;:")
    return short + ellipsis


class Entry:
    """A node: a head (glyph, id, word) and a body that wraps in the width beside it."""

    def __init__(self, head: Styled, body: Sequence[Styled | Fitted]) -> None:
        self.head = head
        self.body = body

    def lines(self, width: int) -> list[Styled]:
        width = max(width, 0)
        indent = self.head.cell_len
        beside = width - indent >= MIN_BODY
        out: list[Styled] = []
        if not beside:
            out += wrap(self.head.rstrip(), width)
            indent = min(2, max(width - 1, 0))
        room = width - indent
        body = [line for item in self.body
                for line in wrap(item.fit(room) if isinstance(item, Fitted) else item, room)]
        for number, line in enumerate(body):
            if number == 0 and beside:
                out.append(self.head.copy().extend(line))
            elif indent:
                out.append(Styled(" " * indent).extend(line))
            else:
                out.append(line)
        return out


class Phrases:
    """Phrases joined by `sep`, wrapped only between phrases ("4 rebuttals" stays whole)."""

    def __init__(self, phrases: Sequence[str], sep: str, style: str) -> None:
        self.phrases = phrases
        self.sep = sep
        self.style = style

    def lines(self, width: int) -> list[Styled]:
        out: list[Styled] = []
        line = ""
        for phrase in self.phrases:
            joined = f"{line}{self.sep}{phrase}" if line else phrase
            if line and cells(joined) > width:
                out += plain(Styled(line + self.sep.rstrip(), self.style)).lines(width)
                joined = phrase
            line = joined
        return out + plain(Styled(line, self.style)).lines(width)


def plain(text: Styled) -> Entry:
    """A line of text that wraps without leaving trailing spaces."""
    return Entry(Styled(), [text])
