"""The atlas: links between maps, shared claims, and where objections are answered."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from argmap import atlas
from argmap.loader import load_text

A = """\
argmap: 1
id: a
title: Map A
thesis:
  id: T
  claim: A's thesis.
  source: {para: 1}
objections:
  - id: O1
    claim: The shared opponent.
    held_by: Someone
    source: {para: 2}
    same_as: [b:O1]
    counterexamples:
      - {id: O1.C1, claim: A's answer., source: {para: 3}, supports: [b:T]}
"""
B = """\
argmap: 1
id: b
title: Map B
thesis:
  id: T
  claim: B's thesis.
  source: {para: 1}
  attacks: [a:O1, a:O9]
objections:
  - id: O1
    claim: The shared opponent, in B's words.
    source: {para: 2}
  - id: O2
    claim: An objection only B raises.
    source: {para: 3}
"""


def build() -> atlas.Atlas:
    maps = [load_text(A, "a.yaml").map, load_text(B, "b.yaml").map]
    return atlas.build([m for m in maps if m is not None])


def test_links_are_listed_with_whether_they_resolve():
    assert [(k.source, k.relation, k.target, k.resolved) for k in build().links] == [
        ("a:O1", "same_as", "b:O1", True),
        ("a:O1.C1", "supports", "b:T", True),
        ("b:T", "attacks", "a:O1", True),
        ("b:T", "attacks", "a:O9", False),
    ]


def test_same_as_groups_versions_of_one_claim():
    assert build().shared == (("a:O1", "b:O1"),)


def test_an_objection_is_answered_wherever_any_version_of_it_is_attacked():
    answers = {a.objection: a.answered_in for a in build().answers}
    assert answers == {"a:O1": ("a", "b"), "b:O1": ("a", "b"), "b:O2": ()}


def test_atlas_command_summarises_the_bundled_maps(tmp_path):
    result = subprocess.run([sys.executable, "-m", "argmap", "atlas", "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [m["id"] for m in document["maps"]] == ["arsene", "he_shen", "qiu"]
    # The great-power framing is one claim in three maps; Lee's forecast, another, in two.
    assert ["arsene:O1", "he_shen:O1", "qiu:O5"] in document["shared"]
    assert ["arsene:O4", "qiu:O1"] in document["shared"]
    # every pair of bundled maps is linked at least once
    pairs = {frozenset((link["source"].split(":")[0], link["target"].split(":")[0]))
             for link in document["links"]}
    assert pairs == {frozenset(p) for p in (("qiu", "arsene"), ("qiu", "he_shen"),
                                            ("arsene", "he_shen"))}


def test_atlas_text_names_shared_claims_and_answers(tmp_path):
    result = subprocess.run([sys.executable, "-m", "argmap", "atlas"], capture_output=True,
                            text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0
    assert "arsene:O1 = he_shen:O1 = qiu:O5" in result.stdout
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines)
              if line.startswith('  qiu:O1: "China is an emerging AI superpower'))
    assert lines[at + 1].startswith("      held by Kai-Fu Lee (AI Superpowers, 2018); ")
    assert "; answered in " in lines[at + 1] and lines[at + 1].endswith("qiu")


def run_atlas(*args: str, cwd: object = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", "atlas", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=60)


def test_a_drawing_goes_to_build_unless_told(tmp_path):
    result = run_atlas("--dot", "--collapse", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "wrote build/atlas.dot\n"
    dot = (tmp_path / "build" / "atlas.dot").read_text(encoding="utf-8")
    assert dot.startswith('digraph "atlas" {')
    for name in ("arsene", "he_shen", "qiu"):
        assert f'subgraph "cluster ~map {name}"' in dot
    assert result.stdout == ""


def test_a_drawing_to_standard_output_is_the_same_every_time(tmp_path):
    first = run_atlas("--dot", "-o", "-", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == run_atlas("-o", "-", "--dot", cwd=tmp_path).stdout
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--collapse"], "--collapse shapes a drawing of the atlas"),
    (["--status", "--format", "json"], "--status shapes a drawing of the atlas"),
    (["--svg", "--format", "json"], "--format chooses the summary"),
    (["-o", "atlas.txt"], "-o atlas.txt: say which drawing to write"),
    (["--png", "-o", "atlas.svg"], "does not end in .png"),
])
def test_drawing_options_without_a_drawing_are_usage_errors(tmp_path, args, message):
    result = run_atlas(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("argmap: error: ") and message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_status_evaluates_the_maps_together(tmp_path):
    from tests.renderers.test_dot import statements

    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(A + "  - {id: O2, claim: Only b answers this., source: {para: 4}}\n",
                 encoding="utf-8")
    # b's O2 stands in b (nothing there attacks it), and attacks a's O2.
    b.write_text(B.replace("  attacks: [a:O1, a:O9]\n", "") + "    attacks: [a:O2]\n",
                 encoding="utf-8")
    together = run_atlas(str(a), str(b), "--dot", "--status", "-o", "-")
    assert together.returncode == 0, together.stderr
    alone = subprocess.run([sys.executable, "-m", "argmap", "render", str(a), "--dot",
                            "--status", "-o", "-"], capture_output=True, text=True, timeout=60)
    both, _ = statements(together.stdout)
    single, _ = statements(alone.stdout)
    # Alone, a's O2 stands and defeats a's thesis; read with b, it falls and T stands.
    assert "DEFEATED" in single["T"]["label"] and "STANDS" in single["O2"]["label"]
    assert "STANDS" in both["a:T"]["label"] and "DEFEATED" in both["a:O2"]["label"]


def test_a_link_to_a_missing_node_is_drawn_then_exits_1(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    result = run_atlas(str(a), str(b), "--dot", "-o", str(tmp_path / "atlas.dot"))
    assert result.returncode == 1
    assert "argmap: warning: b:T attacks a:O9: no such node\n" in result.stderr
    assert "a:O9 (no such node)" in (tmp_path / "atlas.dot").read_text(encoding="utf-8")
