"""The page-shape planner: where each node hangs, on maps of every shape and size."""

from __future__ import annotations

import shutil

import pytest

from argmap.loader import load_text
from argmap.model import ArgMap
from argmap.renderers.dot import to_dot
from argmap.renderers.page_plan import hang
from tests.renderers.test_dot import statements


def chained(count: int, kind: str = "rebuttals", forward: bool = False) -> ArgMap:
    """`count` free-standing attackers in a chain: each attacks the one before (or after)."""
    lines = ["argmap: 1", "id: chain", "title: A long exchange",
             "thesis: {id: T, claim: The thesis}", f"{kind}:"]
    for i in range(1, count + 1):
        target = (f"R{i + 1}" if i < count else "T") if forward else (f"R{i - 1}" if i > 1
                                                                        else "T")
        lines.append(f"  - {{id: R{i}, claim: answer {i}, attacks: [{target}]}}")
    result = load_text("\n".join(lines) + "\n", "chain.yaml")
    assert result.map is not None, result.problems
    return result.map


def test_each_answer_in_a_long_chain_hangs_under_what_it_answers():
    upper = hang(chained(3000))
    assert upper["R1"] == "T"
    assert all(upper[f"R{i}"] == f"R{i - 1}" for i in range(2, 3001))


@pytest.mark.parametrize(("count", "kind", "forward"), [
    (3000, "rebuttals", False), (400, "counterexamples", False), (400, "rebuttals", True)])
def test_a_chain_thousands_deep_is_drawn_arrow_by_arrow(count: int, kind: str, forward: bool):
    nodes, edges = statements(to_dot(chained(count, kind, forward)))
    assert {f"R{i}" for i in range(1, count + 1)} <= set(nodes)
    attacks = {(lower, upper) if attrs.get("dir") == "back" else (upper, lower)
               for upper, lower, attrs in edges if attrs.get("style") == "dashed"}
    step = 1 if forward else -1
    wanted = {(f"R{i}", f"R{i + step}") for i in range(2, count)}
    assert wanted <= attacks


def test_a_loop_of_answers_hangs_all_but_one():
    amap = chained(50, forward=True)
    loop = load_text("argmap: 1\nid: m\ntitle: t\nthesis: {id: T, claim: c}\nrebuttals:\n"
                     + "".join(f"  - {{id: R{i}, claim: r, attacks: [R{i % 40 + 1}]}}\n"
                               for i in range(1, 41)), "m.yaml").map
    assert loop is not None
    upper = hang(loop)
    assert len([n for n in loop.index() if n not in upper]) == 2  # the thesis and one
    assert len(hang(amap)) == 50


@pytest.mark.graphviz
@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")
def test_graphviz_draws_a_chain_of_counterexamples():
    from argmap.renderers.graphviz_run import run_dot

    svg = run_dot(to_dot(chained(330, "counterexamples")), "svg").data
    assert b"answer 330" in svg
