"""Terminal layout: lines wrap as rich wraps them, colour only when asked, width as told."""

from __future__ import annotations

import io
import random

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from argmap.renderers.terminal import Column, Styled, Tree, cells, terminal_width, wrap

SAMPLES = [
    "China's data power is neither a surveillance dystopia nor a neoliberal AI utopia",
    "数据劳动 (data labour) is cheap & unprotected | a pipe, a \"quote\" and a \\ backslash.",
    "https://example.org/a/very/long/path/that/cannot/break/anywhere/at/all ok",
    "  leading spaces, trailing spaces   ",
    "Line one\nline two\n\nafter a blank line",
    "‘curly’ — dashes – and … ellipses, café, Ærø",
    "中文论点：数据劳动既廉价又缺乏保护，而且「反抗」一直存在。",
    "",
]


def rich_lines(text: str, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(Text(text), crop=True)
    return [line.rstrip() for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("width", [7, 12, 20, 33, 80])
@pytest.mark.parametrize("text", SAMPLES)
def test_lines_wrap_as_rich_wraps_them(text: str, width: int):
    assert [line.plain for line in wrap(Styled(text), width)] == rich_lines(text, width)


def _random_text(rng: random.Random) -> str:
    words = ["x" * rng.randint(1, 30) for _ in range(rng.randint(1, 12))]
    text = "".join(word + " " * rng.randint(1, 3) for word in words)
    return " " * rng.choice((0, 0, 1, 2)) + text[:rng.randint(len(text) - 3, len(text))]


@pytest.mark.parametrize("seed", range(40))
def test_plain_text_wraps_as_rich_wraps_it(seed: int):
    # Text of one cell a character takes a faster way through `wrap`; the same lines.
    rng = random.Random(seed)
    for _ in range(10):
        text, width = _random_text(rng), rng.randint(1, 45)
        assert [line.plain for line in wrap(Styled(text), width)] == rich_lines(text, width)


def test_wrapping_keeps_each_part_in_its_style():
    line = Styled("O1 ", "bold").append("objects ", "red").append("word " * 12)
    wrapped = wrap(line, 20)
    assert [piece.spans for piece in wrapped[:2]] == [
        [("O1 ", "bold"), ("objects ", "red"), ("word word", "")],
        [("word word word word", "")]]


@pytest.mark.parametrize("text", SAMPLES)
def test_cells_count_as_rich_counts(text: str):
    assert cells(text) == cell_len(text)


def test_colour_only_when_asked():
    line = Styled("id ", "bold green").append("claim")
    assert Column([_Fixed([line])]).text(80) == "id claim\n"
    assert Column([_Fixed([line])]).text(80, color=True) == "\x1b[1;32mid \x1b[0mclaim\n"


def test_a_tree_draws_rich_guides():
    root = Tree(_Fixed([Styled("root")]))
    first = root.add(_Fixed([Styled("one"), Styled("two lines")]))
    first.add(_Fixed([Styled("deeper")]))
    root.add(_Fixed([Styled("last")]))
    assert Column([root]).text(40) == (
        "root\n├── one\n│   two lines\n│   └── deeper\n└── last\n")


def test_the_width_follows_columns(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COLUMNS", "61")
    assert terminal_width() == 61


class _Fixed:
    def __init__(self, lines: list[Styled]) -> None:
        self._lines = lines

    def lines(self, width: int) -> list[Styled]:
        return self._lines
