"""Undercuts (attacks on attacks) checked against a brute-force AFRA oracle.

The oracle follows Baroni, Cerutti, Giacomin and Guida (2011), "AFRA: Argumentation
framework with recursive attacks", directly on arguments and attacks, with no reduction:
an attack defeats what it targets, and indirectly every attack whose source it targets;
extensions are sets of arguments and attacks. argmap's reduction to Dung must give every
argument and every attack the same label.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import Label, Relation
from argmap.reduction import AbstractLink, reduce
from argmap.semantics import Framework, solve

IN, OUT, UND = Label.IN, Label.OUT, Label.UNDECIDED

#: An AFRA: n arguments; attacks as (source argument, ("a", argument) or ("r", attack)).
Attack = tuple[int, tuple[str, int]]
Element = tuple[str, int]


def defeats(attacks: list[Attack], k: int, element: Element) -> bool:
    _source, target = attacks[k]
    if target == element:
        return True
    return element[0] == "r" and target == ("a", attacks[element[1]][0])


def defeaters(attacks: list[Attack], element: Element) -> list[Element]:
    return [("r", k) for k in range(len(attacks)) if defeats(attacks, k, element)]


def elements(n: int, attacks: list[Attack]) -> list[Element]:
    return [("a", i) for i in range(n)] + [("r", k) for k in range(len(attacks))]


def defeated_by(attacks: list[Attack], chosen: frozenset[Element], element: Element) -> bool:
    return any(d in chosen for d in defeaters(attacks, element))


def brute_grounded(n: int, attacks: list[Attack]) -> set[frozenset[Element]]:
    """The least fixed point of: acceptable with respect to S, from the empty set."""
    chosen: frozenset[Element] = frozenset()
    while True:
        following = frozenset(e for e in elements(n, attacks)
                              if all(defeated_by(attacks, chosen, d)
                                     for d in defeaters(attacks, e)))
        if following == chosen:
            return {chosen}
        chosen = following


def brute_extensions(n: int, attacks: list[Attack], semantics: str) -> set[frozenset[Element]]:
    everything = elements(n, attacks)
    subsets = [frozenset(c) for r in range(len(everything) + 1)
               for c in itertools.combinations(everything, r)]
    free = [s for s in subsets
            if not any(defeats(attacks, k, e) for (_, k) in (x for x in s if x[0] == "r")
                       for e in s)]
    if semantics == "stable":
        return {s for s in free
                if all(defeated_by(attacks, s, e) for e in everything if e not in s)}
    admissible = [s for s in free
                  if all(defeated_by(attacks, s, d) for e in s for d in defeaters(attacks, e))]
    return {s for s in admissible if not any(s < other for other in admissible)}


def brute_labels(n: int, attacks: list[Attack],
                 found: set[frozenset[Element]]) -> dict[Element, Label]:
    everything = elements(n, attacks)
    if not found:
        return dict.fromkeys(everything, UND)
    each = [{e: IN if e in s else OUT if defeated_by(attacks, s, e) else UND
             for e in everything} for s in found]
    return {e: each[0][e] if all(lab[e] is each[0][e] for lab in each) else UND
            for e in everything}


def argmap_labels(n: int, attacks: list[Attack], semantics: str) -> dict[Element, Label]:
    keys = [f"a{i}" for i in range(n)]
    links = [AbstractLink(source, Relation.UNDERCUT if kind == "r" else Relation.ATTACK,
                          target, on_link=kind == "r")
             for source, (kind, target) in attacks]
    reduction = reduce(keys, links)
    labels = solve(Framework.from_pairs(reduction.keys, reduction.pairs), semantics).labels
    result = {("a", i): labels[i] for i in range(n)}
    result.update({("r", k): labels[reduction.status[k]] for k in range(len(attacks))})
    return result


@st.composite
def afras(draw: st.DrawFn, max_arguments: int, max_attacks: int) -> tuple[int, list[Attack]]:
    n = draw(st.integers(1, max_arguments))
    count = draw(st.integers(0, max_attacks))
    attacks: list[Attack] = []
    for _ in range(count):
        source = draw(st.integers(0, n - 1))
        on_attack = draw(st.booleans())
        target = ("r", draw(st.integers(0, count - 1))) if on_attack \
            else ("a", draw(st.integers(0, n - 1)))
        attacks.append((source, target))
    return n, attacks


@settings(max_examples=400, deadline=None)
@given(afras(max_arguments=6, max_attacks=10))
def test_grounded_labels_of_arguments_and_attacks_match_afra(case):
    n, attacks = case
    assert argmap_labels(n, attacks, "grounded") == brute_labels(
        n, attacks, brute_grounded(n, attacks))


@settings(max_examples=300, deadline=None)
@given(afras(max_arguments=4, max_attacks=5), st.sampled_from(["preferred", "stable"]))
def test_preferred_and_stable_labels_match_afra(case, semantics):
    n, attacks = case
    assert argmap_labels(n, attacks, semantics) == brute_labels(
        n, attacks, brute_extensions(n, attacks, semantics))


def test_an_undercut_reinstates_the_target_and_leaves_the_attacker_standing():
    # a attacks b; c undercuts that attack: all three stand, the attack does not count.
    assert argmap_labels(3, [(0, ("a", 1)), (2, ("r", 0))], "grounded") == {
        ("a", 0): IN, ("a", 1): IN, ("a", 2): IN, ("r", 0): OUT, ("r", 1): IN}


def test_an_undercut_of_the_undercut_restores_the_attack():
    attacks = [(0, ("a", 1)), (2, ("r", 0)), (3, ("r", 1))]
    labels = argmap_labels(4, attacks, "grounded")
    assert (labels["a", 1], labels["r", 0], labels["r", 1]) == (OUT, IN, OUT)
