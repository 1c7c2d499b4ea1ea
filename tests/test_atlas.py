"""The atlas: links between maps, shared claims, and where objections are answered."""

from __future__ import annotations

import json
import subprocess
import sys

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
    assert [(l.source, l.relation, l.target, l.resolved) for l in build().links] == [
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
    assert ["arsene:O1", "qiu:O1", "he_shen:O1"] in document["shared"]
    # every pair of bundled maps is linked at least once
    pairs = {frozenset((l["source"].split(":")[0], l["target"].split(":")[0]))
             for l in document["links"]}
    assert pairs == {frozenset(p) for p in (("qiu", "arsene"), ("qiu", "he_shen"),
                                            ("arsene", "he_shen"))}


def test_atlas_text_names_shared_claims_and_answers(tmp_path):
    result = subprocess.run([sys.executable, "-m", "argmap", "atlas"], capture_output=True,
                            text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0
    assert "arsene:O1 = qiu:O1 = he_shen:O1" in result.stdout
    assert "qiu:O1 [Kai-Fu Lee (AI Superpowers, 2018); earl…]: answered in arsene, he_shen, qiu" \
        in result.stdout
