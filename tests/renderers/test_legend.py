"""The legend is compact: two short rows below the drawing, never wider than a small map."""

from __future__ import annotations

import re

import pytest

from argmap.loader import load
from argmap.renderers.dot import to_dot
from argmap.renderers.dot_style import DotOptions
from tests.conftest import BUNDLED, FIXTURES

EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"


def rows(dot: str) -> list[list[str]]:
    return [re.findall(r'"(~legend [^"]+)"', row)
            for row in re.findall(r"\{rank=same; ([^}]*)\}", dot)]


def test_the_kinds_and_the_arrows_are_two_rows():
    kinds, arrows = rows(to_dot(load(EVERY_KIND), DotOptions(legend=True)))
    assert kinds[:2] == ["~legend thesis", "~legend premise"]
    assert "~legend supports" in arrows and "~legend attacks" in arrows
    assert not set(kinds) & set(arrows)


def test_the_legend_hangs_below_the_drawing_without_pulling_on_it():
    dot = to_dot(load(EVERY_KIND), DotOptions(legend=True))
    hung = re.findall(r'"([^"~]+)" -> "~legend thesis" \[style="invis", weight="0"\]', dot)
    assert len(hung) == 1


def test_a_page_shape_pads_the_drawing_rather_than_stretching_the_legend():
    assert "ratio=" not in to_dot(load(EVERY_KIND), DotOptions(legend=True, ratio=16 / 9))


@pytest.mark.graphviz
def test_on_a_small_slide_the_legend_is_narrower_than_the_map():
    from argmap.renderers.graphviz_run import run_dot

    options = DotOptions(legend=True, ratio=16 / 9, focus="O2")
    svg = run_dot(to_dot(load(BUNDLED / "qiu.yaml"), options), "svg", 16 / 9).data.decode()
    width = float(re.search(r'<svg width="([0-9.]+)pt"', svg).group(1))
    cluster = re.search(r"<title>cluster ~legend</title>\s*<path[^>]* d=\"([^\"]+)\"", svg)
    xs = [float(x) for x, _ in re.findall(r"(-?[0-9.]+),(-?[0-9.]+)", cluster.group(1))]
    assert max(xs) - min(xs) < width / 2
