"""Dung's abstract argumentation framework, and its labellings under each semantics.

A framework is arguments and who attacks whom, nothing of maps (argmap/semantics.py
builds one from maps). `grounded` labels it in linear time: IN when every attacker is
OUT, OUT when some attacker is IN, UNDECIDED otherwise, in Caminada's labelling form of
Dung (1995). `solve` and `extensions` also answer for preferred and stable semantics by
an exact search (argmap/labelling_search.py) over what grounded leaves undecided,
loaded only then.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.model import Label
from argmap.problem import ArgmapError

if TYPE_CHECKING:
    from argmap.labelling_search import PartLabellings

GROUNDED = "grounded"
PREFERRED = "preferred"
STABLE = "stable"
SEMANTICS: tuple[str, ...] = (GROUNDED, PREFERRED, STABLE)
#: The most arguments one exact search (preferred, stable) may range over.
SEARCH_LIMIT = 25


class SearchTooLarge(ArgmapError):
    """An exact search for preferred or stable labellings would take too long."""


@dataclass(frozen=True, eq=False, slots=True)
class Framework:
    """Dung's (A, R): arguments by position, with who attacks whom both ways."""

    keys: tuple[str, ...]
    #: Lists for speed (a hundred thousand tuples more is measurable); never mutated.
    attackers: Sequence[Sequence[int]]
    targets: Sequence[Sequence[int]]
    position: Mapping[str, int]

    @classmethod
    def build(cls, keys: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        """A framework from argument names and (attacker, target) pairs of those names."""
        order = tuple(dict.fromkeys(keys))
        position = {key: i for i, key in enumerate(order)}
        try:
            pairs = dict.fromkeys((position[a], position[b]) for a, b in attacks)
        except KeyError as exc:
            raise ValueError(f"attack names an unknown argument {exc}") from None
        return cls.from_pairs(order, pairs)

    @classmethod
    def from_pairs(cls, keys: tuple[str, ...], pairs: Iterable[tuple[int, int]]) -> Framework:
        """A framework from names and (attacker, target) pairs of positions in `keys`."""
        attackers: list[list[int]] = [[] for _ in keys]
        targets: list[list[int]] = [[] for _ in keys]
        for source, target in pairs:
            attackers[target].append(source)
            targets[source].append(target)
        return cls(keys, attackers, targets, {key: i for i, key in enumerate(keys)})


def grounded(framework: Framework) -> list[Label]:
    """The grounded labelling, in time linear in arguments plus attacks.

    Each argument counts its attackers not yet OUT; at zero it is IN and what it attacks
    is OUT, which lowers the counts of what those attack. What is never reached is
    UNDECIDED. A node whose count reaches zero has only OUT attackers, so no later step
    can make it OUT.
    """
    live = [len(attackers) for attackers in framework.attackers]
    labels: list[Label | None] = [None] * len(live)
    ready = [i for i, count in enumerate(live) if count == 0]
    while ready:
        node = ready.pop()
        labels[node] = Label.IN
        for target in framework.targets[node]:
            if labels[target] is not None:
                continue
            labels[target] = Label.OUT
            for further in framework.targets[target]:
                live[further] -= 1
                if live[further] == 0 and labels[further] is None:
                    ready.append(further)
    return [Label.UNDECIDED if label is None else label for label in labels]



@dataclass(frozen=True, slots=True)
class _Parts:
    """The grounded labelling, and every labelling of each undecided part separately."""

    base: list[Label]
    parts: list[list[int]]
    labellings: list[PartLabellings]


def _undecided_parts(framework: Framework, base: list[Label]) -> list[list[int]]:
    """The weakly connected parts of what grounded leaves undecided."""
    seen = [label is not Label.UNDECIDED for label in base]
    parts = []
    for start in range(len(base)):
        if seen[start]:
            continue
        seen[start] = True
        part, stack = [], [start]
        while stack:
            node = stack.pop()
            part.append(node)
            for other in (*framework.attackers[node], *framework.targets[node]):
                if not seen[other]:
                    seen[other] = True
                    stack.append(other)
        parts.append(sorted(part))
    return parts


def _search(framework: Framework, semantics: str, limit: int) -> _Parts:
    if semantics not in SEMANTICS:
        raise ArgmapError(f"unknown semantics `{semantics}`",
                          hint=f"Choose one of: {', '.join(SEMANTICS)}.")
    base = grounded(framework)
    if semantics == GROUNDED:
        return _Parts(base, [], [])
    parts = _undecided_parts(framework, base)
    largest = max(parts, key=len, default=[])
    if len(largest) > limit:
        names = ", ".join(framework.keys[i] for i in largest[:5])
        raise SearchTooLarge(
            f"{semantics} semantics needs an exact search over {len(largest)} connected "
            f"arguments that grounded semantics leaves undecided ({names}, ...); argmap "
            f"searches at most {limit}",
            hint="Use the default `--semantics grounded`, which is exact at any size.")
    from argmap.labelling_search import search  # only preferred and stable need it

    labellings = []
    for part in parts:
        local = {node: i for i, node in enumerate(part)}
        attackers = [[local[a] for a in framework.attackers[n] if a in local] for n in part]
        targets = [[local[t] for t in framework.targets[n] if t in local] for n in part]
        labellings.append(search(attackers, targets, stable=semantics == STABLE,
                                 preferred=semantics == PREFERRED))
    return _Parts(base, parts, labellings)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Per argument: the label, and whether some labelling has it IN; and how many."""

    labels: list[Label]
    credulous: list[bool]
    count: int


def solve(framework: Framework, semantics: str = GROUNDED,
          limit: int = SEARCH_LIMIT) -> Outcome:
    """Label every argument; with several labellings, IN if IN in all, OUT if OUT in all.

    With no stable labelling at all, nothing can be said to stand or fall: every
    argument is UNDECIDED and `count` is 0.
    """
    found = _search(framework, semantics, limit)
    labels = list(found.base)
    credulous = [label is Label.IN for label in labels]
    count = 1
    for part, labellings in zip(found.parts, found.labellings, strict=True):
        count *= len(labellings)
        for node, (agreed, some_in) in zip(part, labellings.agreement(), strict=True):
            labels[node] = agreed
            credulous[node] = some_in
    if count == 0:
        return Outcome([Label.UNDECIDED] * len(labels), [False] * len(labels), 0)
    return Outcome(labels, credulous, count)


def extensions(framework: Framework, semantics: str = GROUNDED,
               limit: int = SEARCH_LIMIT) -> list[frozenset[str]]:
    """Every extension (the IN set of each labelling). Their number can be exponential."""
    found = _search(framework, semantics, limit)
    fixed = [framework.keys[i] for i, label in enumerate(found.base) if label is Label.IN]
    choices = [labellings.in_sets([framework.keys[node] for node in part])
               for part, labellings in zip(found.parts, found.labellings, strict=True)]
    return [frozenset(fixed).union(*combo) for combo in itertools.product(*choices)]


