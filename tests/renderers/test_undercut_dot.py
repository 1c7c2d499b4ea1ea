"""Undercuts in DOT: an arrow onto a junction on the link it attacks, in every theme."""

from __future__ import annotations

import pytest

from argmap.atlas import build
from argmap.loader import load
from argmap.renderers.atlas_dot import atlas_dot
from argmap.renderers.dot import to_dot
from argmap.renderers.dot_style import THEMES, DotOptions
from tests.conftest import FIXTURES

UNDERCUTS = load(FIXTURES / "valid" / "undercuts.yaml")
OTHER = load(FIXTURES / "valid" / "other.yaml")

UNDERCUT_LINES = """\
  "~undercut 0" [shape="point", width="0.07", label="", color="#c62828"]
  "~undercut 1" [shape="point", width="0.07", label="", color="#2e7d32"]
  "~undercut 2" [shape="point", width="0.07", label="", color="#c62828"]
  "~undercut 3" [shape="point", width="0.07", label="", color="#c62828"]
  "~undercut 4" [shape="point", width="0.07", label="", color="#c62828"]
  "P4" -> "~undercut 0" [color="#c62828", style="dashed", dir="back", arrowtail="tee"]
  "P4.C1" -> "P4.C1.R1" [style="invis"]
  "O1" -> "~undercut 1" [color="#2e7d32", style="solid", dir="back", arrowtail="normal"]
  "O1" -> "~undercut 2" [color="#c62828", style="dashed", dir="back", arrowtail="tee"]
  "O1.P5" -> "O1.P5.R1" [style="invis"]
  "O1.R1" -> "O1.R1.R1" [style="invis"]
  "O1.R1.R1" -> "O1.R1.R1.R1" [style="invis"]
  "X1" -> "~undercut 4" [color="#c62828", style="dashed", arrowhead="none"]
  "~undercut 0" -> "P4.C1" [color="#c62828", style="dashed", dir="none"]
  "~undercut 0" -> "P4.C1.R1" [color="#c62828", style="dotted", penwidth="1.8", dir="back", arrowtail="tee"]
  "~undercut 1" -> "O1.P5" [color="#2e7d32", style="solid", dir="none"]
  "~undercut 1" -> "O1.P5.R1" [color="#c62828", style="dotted", penwidth="1.8", dir="back", arrowtail="tee"]
  "~undercut 2" -> "O1.R1" [color="#c62828", style="dashed", dir="none"]
  "~undercut 2" -> "~undercut 3" [color="#c62828", style="dotted", penwidth="1.8", dir="back", arrowtail="tee"]
  "~undercut 3" -> "O1.R1.R1" [color="#c62828", style="dotted", penwidth="1.8", dir="none"]
  "~undercut 3" -> "O1.R1.R1.R1" [color="#c62828", style="dotted", penwidth="1.8", dir="back", arrowtail="tee"]
  "~undercut 4" -> "~ref other:T" [color="#c62828", style="dashed", arrowhead="tee"]
  "~undercut 4" -> "X2" [color="#c62828", style="dotted", penwidth="1.8", dir="back", arrowtail="tee"]
"""  # noqa: E501


def test_every_undercut_ends_on_a_junction_on_its_link():
    dot = to_dot(UNDERCUTS)
    # The undercuts, and the invisible edges that hold nested undercutters in place
    # (not those that keep rows in order or stubs beside their nodes).
    drawn = [line for line in dot.splitlines() if "~undercut" in line
             or ("invis" in line and line.count("->") == 1 and "~ref" not in line)]
    assert "\n".join(drawn) + "\n" == UNDERCUT_LINES


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_undercut_arrow_and_its_legend_in_every_theme(theme):
    dot = to_dot(UNDERCUTS, DotOptions(theme=theme, legend=True))
    attack = THEMES[theme].attack
    assert (f'"~undercut 0" -> "P4.C1.R1" [color="{attack}", style="dotted", '
            'penwidth="1.8", dir="back", arrowtail="tee"]') in dot
    assert '"~legend undercuts 1" -> "~legend undercuts 2" [color=' in dot


def test_a_map_without_undercuts_has_no_undercut_in_its_legend():
    assert "undercuts" not in to_dot(OTHER, DotOptions(legend=True))


def test_a_granted_node_says_so_in_its_box():
    dot = to_dot(UNDERCUTS)
    [p4c1] = [line for line in dot.splitlines() if line.strip().startswith('"P4.C1" [')]
    assert "<I>granted</I>" in p4c1


def test_the_atlas_draws_undercuts_inside_each_map_and_in_its_legend():
    dot = atlas_dot(build([UNDERCUTS, OTHER]), DotOptions(legend=True))
    assert '"~undercut undercuts:0" -> "undercuts:P4.C1.R1"' in dot
    assert '"~legend undercuts 1"' in dot
