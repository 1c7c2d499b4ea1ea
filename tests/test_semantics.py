"""Labellings checked against textbook answers and against brute force on random frameworks."""

from __future__ import annotations

import io
import itertools
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.loader import load_text
from argmap.model import ArgMap, Label
from argmap.problem import ArgmapError
from argmap.semantics import (
    SEARCH_LIMIT,
    Framework,
    SearchTooLarge,
    evaluate,
    extensions,
    grounded,
    labels_for,
    solve,
)
from tests.conftest import ROOT

IN, OUT, UND = Label.IN, Label.OUT, Label.UNDECIDED

# --- brute force, written from the definitions and independent of argmap.semantics ---


def attacked_by(extension: frozenset[str], attacks: set[tuple[str, str]]) -> set[str]:
    return {b for a, b in attacks if a in extension}


def brute_grounded(keys: list[str], attacks: set[tuple[str, str]]) -> dict[str, Label]:
    """Least fixed point of F(S) = {a | every attacker of a is attacked by S}, from {}."""
    extension: frozenset[str] = frozenset()
    while True:
        beaten = attacked_by(extension, attacks)
        following = frozenset(a for a in keys
                              if all(b in beaten for b, target in attacks if target == a))
        if following == extension:
            break
        extension = following
    return as_labels(keys, extension, attacks)


def as_labels(keys: list[str], extension: frozenset[str],
              attacks: set[tuple[str, str]]) -> dict[str, Label]:
    beaten = attacked_by(extension, attacks)
    return {a: IN if a in extension else OUT if a in beaten else UND for a in keys}


def brute_extensions(keys: list[str], attacks: set[tuple[str, str]],
                     semantics: str) -> set[frozenset[str]]:
    subsets = [frozenset(c) for r in range(len(keys) + 1)
               for c in itertools.combinations(keys, r)]
    free = [s for s in subsets if not any(a in s and b in s for a, b in attacks)]
    if semantics == "stable":
        return {s for s in free if attacked_by(s, attacks) | s == set(keys)}
    admissible = [s for s in free
                  if all(b in attacked_by(s, attacks) for b, a in attacks if a in s)]
    return {s for s in admissible if not any(s < other for other in admissible)}


def brute_status(keys: list[str], attacks: set[tuple[str, str]],
                 found: set[frozenset[str]]) -> dict[str, Label]:
    if not found:
        return dict.fromkeys(keys, UND)
    labellings = [as_labels(keys, s, attacks) for s in found]
    return {a: labellings[0][a] if all(lab[a] is labellings[0][a] for lab in labellings)
            else UND for a in keys}


@st.composite
def frameworks(draw: st.DrawFn, max_nodes: int) -> tuple[list[str], set[tuple[str, str]]]:
    n = draw(st.integers(0, max_nodes))
    keys = [f"a{i}" for i in range(n)]
    if not n:
        return keys, set()
    pairs = draw(st.sets(st.tuples(st.sampled_from(keys), st.sampled_from(keys)),
                         max_size=3 * n))
    return keys, pairs


def labels_of(keys: list[str], attacks: set[tuple[str, str]],
              semantics: str = "grounded") -> dict[str, Label]:
    framework = Framework.build(keys, attacks)
    return dict(zip(keys, solve(framework, semantics).labels, strict=True))


# --- property tests ---


@settings(max_examples=400, deadline=None)
@given(frameworks(max_nodes=12))
def test_grounded_matches_the_least_fixed_point(case):
    keys, attacks = case
    assert labels_of(keys, attacks) == brute_grounded(keys, attacks)


@settings(max_examples=300, deadline=None)
@given(frameworks(max_nodes=7), st.sampled_from(["preferred", "stable"]))
def test_preferred_and_stable_match_subset_enumeration(case, semantics):
    keys, attacks = case
    expected = brute_extensions(keys, attacks, semantics)
    framework = Framework.build(keys, attacks)
    assert set(extensions(framework, semantics)) == expected
    assert labels_of(keys, attacks, semantics) == brute_status(keys, attacks, expected)
    assert solve(framework, semantics).count == len(expected)


@settings(max_examples=200, deadline=None)
@given(frameworks(max_nodes=9))
def test_grounded_labels_agree_with_every_preferred_labelling(case):
    keys, attacks = case
    decided = {a: label for a, label in labels_of(keys, attacks).items() if label is not UND}
    preferred = labels_of(keys, attacks, "preferred")
    assert all(preferred[a] is label for a, label in decided.items())


# --- textbook cases ---

TEXTBOOK = [
    ("chain", "abc", {("a", "b"), ("b", "c")}, [IN, OUT, IN], [IN, OUT, IN]),
    ("mutual attack", "ab", {("a", "b"), ("b", "a")}, [UND, UND], [UND, UND]),
    ("odd cycle", "abc", {("a", "b"), ("b", "c"), ("c", "a")}, [UND] * 3, [UND] * 3),
    ("self-attack", "ab", {("a", "a"), ("a", "b")}, [UND, UND], [UND, UND]),
    ("self-attacker defeated", "ca", {("a", "a"), ("c", "a")}, [IN, OUT], [IN, OUT]),
    ("floating reinstatement", "abcd",
     {("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")},
     [UND, UND, UND, UND], [UND, UND, OUT, IN]),
]


@pytest.mark.parametrize(("name", "keys", "attacks", "grounded_", "preferred"), TEXTBOOK,
                         ids=[case[0] for case in TEXTBOOK])
def test_textbook_cases(name, keys, attacks, grounded_, preferred):
    assert labels_of(list(keys), attacks) == dict(zip(keys, grounded_, strict=True))
    assert labels_of(list(keys), attacks, "preferred") == dict(zip(keys, preferred, strict=True))


def test_floating_reinstatement_has_two_preferred_extensions_both_with_d():
    framework = Framework.build("abcd", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"),
                                         ("c", "d")])
    assert set(extensions(framework, "preferred")) == {frozenset("ad"), frozenset("bd")}
    assert solve(framework, "preferred").credulous == [True, True, False, True]


def test_odd_cycle_has_no_stable_labelling_and_reports_everything_undecided():
    framework = Framework.build("dabc", [("a", "b"), ("b", "c"), ("c", "a")])
    outcome = solve(framework, "stable")
    assert (outcome.count, outcome.labels) == (0, [UND] * 4)
    assert solve(framework, "preferred").labels == [IN, UND, UND, UND]


def test_grounded_handles_a_long_chain_without_recursion():
    n = 200_000
    framework = Framework.from_pairs(tuple(map(str, range(n))), ((i, i + 1) for i in range(n - 1)))
    labels = grounded(framework)
    assert labels[0] is IN and labels[1] is OUT and labels[-1] is (IN if n % 2 else OUT)
    assert all(labels[i] is not labels[i + 1] for i in range(n - 1))


def test_independent_cycles_are_searched_part_by_part():
    pairs = [(f"a{i}", f"b{i}") for i in range(20)]
    attacks = {*pairs, *((b, a) for a, b in pairs)}
    framework = Framework.build([k for pair in pairs for k in pair], attacks)
    outcome = solve(framework, "preferred")
    assert outcome.count == 2 ** 20
    assert set(outcome.labels) == {UND} and all(outcome.credulous)


def test_search_over_a_large_undecided_part_is_refused_with_the_limit():
    keys = [f"n{i}" for i in range(SEARCH_LIMIT + 1)]
    cycle = {(keys[i], keys[(i + 1) % len(keys)]) for i in range(len(keys))}
    with pytest.raises(SearchTooLarge) as refused:
        solve(Framework.build(keys, cycle), "preferred")
    assert f"at most {SEARCH_LIMIT}" in refused.value.message
    assert "grounded" in (refused.value.hint or "")
    assert refused.value.exit_code == 2
    assert set(solve(Framework.build(keys, cycle)).labels) == {UND}


# --- maps to frameworks ---


def load(text: str, path: str = "m.yaml") -> ArgMap:
    amap = load_text(textwrap.dedent(text), path).map
    assert amap is not None
    return amap


FRAGMENT = """\
    argmap: 1
    id: qiu
    title: A fragment of Qiu
    thesis:
      id: T
      claim: China's data power is historical and contested.
      premises:
        - id: P1
          claim: The two prevailing pictures of China are partial.
          attacks: [O1]
    objections:
      - id: O1
        claim: China is an AI superpower.
        counterexamples:
          - id: O1.C1
            claim: The 2019 Hong Kong movement refutes the myth of invincible surveillance.
            counterexamples:
              - id: O1.C1.C1
                claim: The activists generally failed to produce change.
                rebuttals:
                  - id: O1.C1.C1.R1
                    claim: They nonetheless keep defying authoritarian control.
    """


def test_the_worked_example_of_docs_semantics():
    evaluation = evaluate(load(FRAGMENT))
    assert evaluation.labels == {"T": IN, "P1": IN, "O1": OUT, "O1.C1": IN, "O1.C1.C1": OUT,
                                 "O1.C1.C1.R1": IN}
    assert evaluation.attackers("O1") == ("P1", "O1.C1")
    assert labels_for(load(FRAGMENT)) == evaluation.labels


def test_maps_evaluated_together_are_keyed_by_map_and_attack_across():
    first = load(FRAGMENT, "qiu.yaml")
    other = load("""\
        argmap: 1
        id: critic
        title: A critic
        thesis:
          id: T
          claim: The Hong Kong movement refutes nothing.
          attacks: [qiu:O1.C1]
        """, "critic.yaml")
    alone = evaluate(first)
    together = evaluate([first, other])
    assert alone.labels["O1"] is OUT
    assert together.labels["qiu:O1.C1"] is OUT
    assert together.labels["qiu:O1"] is OUT  # P1 still attacks it
    assert together.labels["critic:T"] is IN
    assert together.key("qiu", "O1") == "qiu:O1" and alone.key("qiu", "O1") == "O1"


def test_references_to_maps_not_evaluated_are_left_out():
    amap = load(FRAGMENT.replace("attacks: [O1]", "attacks: [elsewhere:T]"))
    assert evaluate(amap).labels["O1"] is OUT
    assert evaluate(amap).attackers("O1") == ("O1.C1",)


def test_two_maps_with_one_id_are_refused():
    amap = load(FRAGMENT)
    with pytest.raises(ArgmapError, match="both have map id `qiu`"):
        evaluate([amap, load(FRAGMENT, "copy.yaml")])


UNSUPPORTED = """\
    argmap: 1
    id: m
    title: Support
    thesis:
      id: T
      claim: t
      premises:
        - id: P1
          claim: p1
          rebuttals: [{id: R1, claim: r1}]
        - linked:
            - {id: P2, claim: p2}
            - id: P3
              claim: p3
              rebuttals: [{id: R3, claim: r3}]
    """


def test_a_claim_whose_premise_and_linked_group_all_fail_is_unsupported_not_relabelled():
    evaluation = evaluate(load(UNSUPPORTED))
    assert evaluation.unsupported == {"T"}
    assert evaluation.labels["T"] is IN
    assert evaluation.reasons["T"] == (("P1",), ("P2", "P3"))


def test_one_standing_convergent_premise_is_enough_support():
    amap = load(UNSUPPORTED.replace("rebuttals: [{id: R1, claim: r1}]", "note: stands"))
    assert evaluate(amap).unsupported == frozenset()


def test_the_example_in_docs_semantics_prints_as_the_page_shows():
    from rich.console import Console

    from argmap.cli.eval_cmd import dialectical_tree, eval_text

    page = (ROOT / "docs" / "semantics.md").read_text(encoding="utf-8")
    example = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    evaluation = evaluate(load(example))
    assert "$ argmap eval fragment.yaml\n" + eval_text(evaluation) + "```" in page
    console = Console(width=80, color_system=None, record=True, file=io.StringIO())
    console.print(dialectical_tree(evaluation, "T"))
    tree = "\n".join(line.rstrip() for line in console.export_text().splitlines())
    assert tree in page


def test_the_homework_example_in_docs_semantics_behaves_as_the_page_says():
    page = (ROOT / "docs" / "semantics.md").read_text(encoding="utf-8")
    section = page.split("## When good reasons do not save the thesis", 1)[1]
    body = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    head = "argmap: 1\nid: homework\ntitle: Homework\n"
    as_mapped = evaluate(load(head + body)).labels
    assert (as_mapped["T"], as_mapped["O1"], as_mapped["P2"]) == (Label.OUT, Label.IN, Label.IN)
    outweighed = body.replace("claim: Pupils who do homework score higher.}",
                              "claim: Pupils who do homework score higher., attacks: [O1]}")
    assert evaluate(load(head + outweighed)).labels["T"] is Label.IN
    undercut = body.replace("    claim: Homework only adds stress.\n",
                            "    claim: Homework only adds stress.\n    granted: true\n"
                            "    rebuttals:\n      - {id: O1.R1, claim: Not to learning.,"
                            " undercuts: [O1]}\n")
    labels = evaluate(load(head + undercut)).labels
    assert (labels["T"], labels["O1"]) == (Label.IN, Label.IN)
