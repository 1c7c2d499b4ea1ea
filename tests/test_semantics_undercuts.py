"""Maps with concessions and undercuts, evaluated and explained."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.explanation import link_sentences, why
from argmap.loader import load, load_text
from argmap.model import Label
from argmap.semantics import evaluate
from tests.conftest import FIXTURES, ROOT

IN, OUT = Label.IN, Label.OUT
UNDERCUTS = FIXTURES / "valid" / "undercuts.yaml"
OTHER = FIXTURES / "valid" / "other.yaml"
PAGE = (ROOT / "docs" / "semantics.md").read_text(encoding="utf-8")
EXAMPLE = PAGE.split("### A worked example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "stable"])
def test_the_fixture_labels_under_every_semantics(semantics):
    labels = evaluate([load(UNDERCUTS), load(OTHER)], semantics).labels
    assert {k: v for k, v in labels.items() if v is OUT} == {"undercuts:O1": OUT}
    assert labels["undercuts:P4"] is IN and labels["undercuts:P4.C1"] is IN
    assert labels["other:T"] is IN  # X1's attack on it is undercut by X2


def test_a_cross_map_undercut_counts_only_when_the_maps_are_evaluated_together():
    alone = evaluate(load(OTHER))
    assert alone.labels["T"] is IN
    without_x2 = load_text(UNDERCUTS.read_text(encoding="utf-8").replace(
        '    undercuts: ["X1 -> other:T"]\n', '    attacks: [P1]\n'), "u.yaml").map
    assert without_x2 is not None
    assert evaluate([without_x2, load(OTHER)]).labels["other:T"] is OUT


def test_a_chain_of_undercuts_restores_the_first_attack():
    evaluation = evaluate(load(UNDERCUTS))
    assert why(evaluation, "O1") == "attacked by `O1.R1`, which is in"
    [link] = evaluation.links_from("O1.R1.R1")
    assert (link.target, link.target_of, link.counts) == ("O1.R1", "O1", OUT)


def test_an_undercut_support_leaves_its_conclusion_unsupported():
    amap = load_text(EXAMPLE.split("    counterexamples:\n      - id: O1.C1")[0], "m.yaml").map
    assert amap is not None
    evaluation = evaluate(amap)
    assert evaluation.labels["O1"] is IN
    assert evaluation.unsupported == {"O1"}
    assert evaluate(load_text(EXAMPLE, "m.yaml").map).unsupported == frozenset()  # type: ignore[arg-type]


def test_link_sentences_say_what_stands_and_what_is_undercut():
    evaluation = evaluate(load(UNDERCUTS))
    assert link_sentences(evaluation, "P4.C1", granted=True) == [
        "P4.C1 stands (granted); its attack on P4 is undercut by P4.C1.R1, which stands."]
    assert link_sentences(evaluation, "O1.P5", granted=True) == [
        "O1.P5 stands (granted); its support for O1 is undercut by O1.P5.R1, which stands."]
    assert link_sentences(evaluation, "O1.R1.R1") == [
        "O1.R1.R1 stands; its undercut of O1.R1's link to O1 is undercut by O1.R1.R1.R1, "
        "which stands."]


def run(tmp_path: Path, *args: str) -> str:
    (tmp_path / "undercut.yaml").write_text(EXAMPLE, encoding="utf-8")
    env = {**os.environ, "COLUMNS": "80"}
    env.pop("FORCE_COLOR", None)
    result = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True,
                            text=True, timeout=60, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"


@pytest.mark.parametrize("args", [("eval", "undercut.yaml"),
                                  ("explain", "undercut.yaml", "P4.C1"),
                                  ("explain", "undercut.yaml", "P4")])
def test_the_worked_example_prints_as_the_page_shows(tmp_path, args):
    assert f"$ argmap {' '.join(args)}\n{run(tmp_path, *args)}```" in PAGE


def test_a_link_into_a_map_not_evaluated_takes_no_part():
    labels = evaluate(load(UNDERCUTS)).labels
    assert labels["T"] is IN  # X1 attacks other:T, not this map's T
