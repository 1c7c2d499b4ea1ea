"""Building argmap's tree from imported claims and relations."""

from __future__ import annotations

from argmap.config import Settings
from argmap.importers.graph import Graph, Link
from argmap.importers.layout import lay_out
from argmap.importers.yaml_writer import write
from argmap.lint import lint_loaded
from argmap.loader import load_text
from argmap.model import Relation
from tests.importers.common import relations

SUPPORT, ATTACK = Relation.SUPPORT, Relation.ATTACK


def graph(claims, links, thesis=None):
    built = Graph("test", thesis=thesis)
    for key in claims:
        built.claim(key, f"Claim {key}.", key)
    built.links = [Link(tuple(sources), target, relation) for sources, target, relation in links]
    return built


def build(claims, links, thesis=None):
    """The map written from the graph, loaded back, with its YAML and messages."""
    source = graph(claims, links, thesis)
    outline = lay_out(source)
    text = write(outline, map_id="m", title="M", header=[*outline.messages, *source.dropped])
    loaded = load_text(text, "m.yaml")
    assert loaded.map is not None, (text, loaded.problems)
    errors = [p for p in lint_loaded([loaded], Settings()).problems
              if p.severity.name == "ERROR"]
    assert errors == [], text
    return loaded.map, text, outline.messages


def rel(sources, target, relation="supports"):
    return (frozenset(sources), target, relation)


def test_the_thesis_argues_for_nothing_and_most_claims_lead_to_it():
    amap, text, messages = build("ABCDE", [("B", "A", SUPPORT), ("C", "B", SUPPORT),
                                           ("E", "D", SUPPORT)])
    assert amap.thesis.id == "A"
    assert "2 claims support and attack nothing else" in messages[0]
    assert "'D' (1)" in messages[0]
    assert "# 2 claims support and attack nothing else" in text


def test_a_tie_goes_to_the_first_claim_in_the_file():
    amap, _, _ = build("ABCD", [("C", "B", SUPPORT), ("D", "A", SUPPORT)])
    assert amap.thesis.id == "A"


def test_a_thesis_that_attacks_a_rival_is_still_found():
    amap, _, _ = build("ABC", [("A", "B", ATTACK), ("B", "A", ATTACK), ("C", "A", SUPPORT)])
    assert amap.thesis.id == "A"
    assert relations(amap) == {rel("A", "B", "attacks"), rel("B", "A", "attacks"),
                               rel("C", "A")}


def test_a_named_thesis_wins_and_no_support_is_lost():
    # A leads nowhere near B; as B's premise it would close B → A → B, so it goes to O.
    amap, text, _ = build("ABO", [("B", "A", SUPPORT), ("O", "B", ATTACK)], thesis="B")
    assert amap.thesis.id == "B"
    assert {rel("B", "A"), rel("O", "B", "attacks")} <= relations(amap)
    assert amap.index()["A"].parent == "O"
    assert "listed as a premise of 'O' only so that it is kept" in " ".join(
        line.strip("# ") for line in text.splitlines())


def test_attackers_of_the_thesis_are_objections_and_others_rebuttals():
    amap, _, _ = build("TOR", [("O", "T", ATTACK), ("R", "O", ATTACK)])
    nodes = amap.index()
    assert (nodes["O"].kind.value, nodes["O"].parent) == ("objection", None)
    assert (nodes["R"].kind.value, nodes["R"].parent) == ("rebuttal", "O")


def test_relations_the_nesting_cannot_show_become_lists():
    amap, _, _ = build("TABC", [("A", "T", SUPPORT), ("B", "T", SUPPORT), ("A", "B", SUPPORT),
                                ("C", "T", ATTACK), ("A", "C", ATTACK)])
    nodes = amap.index()
    assert [str(r) for r in nodes["A"].supports] == ["B"]
    assert [str(r) for r in nodes["A"].attacks] == ["C"]


def test_a_support_cycle_is_broken_with_a_comment():
    amap, text, _ = build("TAB", [("A", "T", SUPPORT), ("B", "A", SUPPORT), ("A", "B", SUPPORT)])
    assert relations(amap) == {rel("A", "T"), rel("B", "A")}
    assert "closes a circle of supports (AM103)" in " ".join(
        line.strip("# ") for line in text.splitlines())


def test_linked_premises_stay_together_even_when_one_is_reached_first():
    # B also supports C, which is found before the group (B, D) → A.
    amap, _, _ = build("TCABD", [("C", "T", SUPPORT), ("A", "T", SUPPORT), ("B", "C", SUPPORT),
                                 ("BD", "A", SUPPORT)])
    assert rel("BD", "A") in relations(amap)
    assert rel("B", "C") in relations(amap)


def test_a_group_that_cannot_nest_is_split_with_a_comment():
    # B nests under T first; (A, B) → T cannot be a linked group any more.
    amap, text, _ = build("TAB", [("B", "T", ATTACK), ("AB", "T", SUPPORT)])
    assert relations(amap) == {rel("B", "T", "attacks"), rel("A", "T"), rel("B", "T")}
    assert "only together with 'B'" in text


def test_claims_far_from_the_thesis_are_kept_and_said_to_be():
    amap, text, messages = build("TAXY", [("A", "T", SUPPORT), ("Y", "X", SUPPORT)])
    assert amap.index()["X"].parent == "T"
    assert rel("Y", "X") in relations(amap)
    assert "argues neither for nor against the thesis" in text
    assert any("'X'" in message for message in messages)


def test_self_loops_are_reported():
    source = graph("TA", [("A", "T", SUPPORT), ("T", "T", ATTACK)])
    lay_out(source)
    assert source.dropped == ["'T' attacks itself: left out"]
