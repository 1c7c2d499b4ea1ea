"""Positions between argmap (1-based characters) and LSP (0-based UTF-16 units)."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.positions import Lines, id_range, word_at
from argmap.model import Span


def test_a_character_outside_the_bmp_counts_twice() -> None:
    lines = Lines("claim: 😀 then P1\n")
    column = "claim: 😀 then P1".index("P1")
    position = lines.to_lsp(0, column)
    assert position == types.Position(line=0, character=column + 1)
    assert lines.from_lsp(position) == (0, column)


def test_a_problem_covers_its_token() -> None:
    text = "  attacks: [O1, 'O9']\n  clam: x\n"
    lines = Lines(text)
    start = text.index("'")
    quoted = lines.span_range(Span("m", 1, start + 1))
    assert (quoted.start.character, quoted.end.character) == (start, start + 4)
    key = lines.span_range(Span("m", 2, 3))
    assert (key.start.character, key.end.character) == (2, 6)


def test_the_id_of_a_reference_into_another_map() -> None:
    text = "same_as: [arsene:O1, 'qiu:T']\n"
    lines = Lines(text)
    assert id_range(lines, Span("m", 1, 11), "arsene") == (0, 17, 19)
    quote = text.index("'")
    assert id_range(lines, Span("m", 1, quote + 1), "qiu") == (0, quote + 5, quote + 6)


def test_the_word_under_the_cursor_is_a_whole_reference() -> None:
    lines = Lines("attacks: [arsene:O1.C2]\n")
    word = word_at(lines, 0, 13)
    assert word is not None and word.text == "arsene:O1.C2" and word.start == 10
