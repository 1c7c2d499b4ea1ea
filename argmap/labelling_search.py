"""The exact search for the preferred or stable labellings of one undecided part.

Grounded semantics (argmap/framework.py) settles most arguments in linear time; what it
leaves UNDECIDED falls into connected parts, and `search` finds every complete labelling
of one part by backtracking: only the stable ones, or only the preferred ones. Grounded
commands never load this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from argmap.model import Label

# The exact search keeps, per argument, the set of labels still possible, as bits.
_IN, _OUT, _UND = 1, 2, 4
_ANY = _IN | _OUT | _UND
_AS_LABEL = {_IN: Label.IN, _OUT: Label.OUT, _UND: Label.UNDECIDED}


class _Search:
    """Backtracking over the complete labellings of one connected undecided part.

    Attackers outside the part are OUT in every complete labelling (grounded is the
    least one), so only attacks inside the part constrain it. Each argument keeps the
    labels still possible for it; after each choice, every label that the labelling
    rules leave without support is struck out. For preferred, a branch is cut when its
    IN set can no longer outgrow a labelling already found, or when an UNDECIDED
    argument could safely be added to its IN set.
    """

    def __init__(self, attackers: list[list[int]], targets: list[list[int]], *,
                 stable: bool, preferred: bool) -> None:
        self.attackers = attackers
        self.targets = targets
        self.start = _IN | _OUT if stable else _ANY
        self.maximal = preferred
        self.found: list[tuple[int, ...]] = []
        # Bit j of columns[node] is set when found labelling j has the node IN: a
        # superset query is then one AND per node, whatever the number found.
        self.columns = [0] * len(attackers)

    def run(self) -> list[tuple[int, ...]]:
        start = [self.start] * len(self.attackers)
        if self._settle(start, list(range(len(start)))):
            self._branch(start)
        if not self.maximal:
            return self.found
        return [found for j, found in enumerate(self.found)
                if not self._covered([n for n, v in enumerate(found) if v == _IN], j)]

    def _branch(self, labels: list[int]) -> None:
        open_ = next((n for n, v in enumerate(labels) if v not in _AS_LABEL), None)
        if open_ is None:
            for node, value in enumerate(labels):
                if value == _IN:
                    self.columns[node] |= 1 << len(self.found)
            self.found.append(tuple(labels))
            return
        if self.maximal and (self._could_join(labels) or self._outgrown(labels)):
            return
        for choice in (_IN, _OUT, _UND):
            if labels[open_] & choice:
                trial = labels.copy()
                trial[open_] = choice
                if self._settle(trial, [open_, *self.targets[open_]]):
                    self._branch(trial)

    def _covered(self, nodes: list[int], skip: int = -1) -> bool:
        """Whether a labelling found (other than `skip`) has every one of `nodes` IN."""
        rows = ((1 << len(self.found)) - 1) & ~(1 << skip if skip >= 0 else 0)
        for node in nodes:
            rows &= self.columns[node]
            if not rows:
                return False
        return rows != 0

    def _outgrown(self, labels: list[int]) -> bool:
        return bool(self.found) and self._covered(
            [node for node, value in enumerate(labels) if value & _IN])

    def _could_join(self, labels: list[int]) -> bool:
        """Whether an UNDECIDED argument could join the IN set, so no completion is preferred.

        That holds for one that does not attack itself and whose attackers are all OUT,
        or UNDECIDED and attacked by it: the IN set stays admissible with it added.
        """
        def answered(attacker: int, node: int) -> bool:
            if labels[attacker] == _OUT:
                return True
            return labels[attacker] == _UND and attacker != node \
                and node in self.attackers[attacker]

        return any(value == _UND and all(answered(a, node) for a in self.attackers[node])
                   for node, value in enumerate(labels))

    def _settle(self, labels: list[int], queue: list[int]) -> bool:
        """Strike out unsupported labels around each queued argument; False on a dead end.

        Queued is an argument whose rule (its label against its attackers') needs
        checking again because its labels or its attackers' changed.
        """
        while queue:
            node = queue.pop()
            changed = self._rule(labels, node)
            if changed is None:
                return False
            for other in changed:
                queue.append(other)
                queue.extend(self.targets[other])
        return True

    def _rule(self, labels: list[int], node: int) -> list[int] | None:
        """Apply one argument's rule: IN iff all attackers OUT, OUT iff some attacker IN."""
        attackers = self.attackers[node]
        can_in = [a for a in attackers if labels[a] & _IN]
        can_und = [a for a in attackers if labels[a] & _UND]
        not_out = [a for a in attackers if labels[a] != _OUT]
        allowed = (_IN if all(labels[a] & _OUT for a in attackers) else 0) | \
            (_OUT if can_in else 0)
        if can_und and all(labels[a] != _IN for a in attackers):
            allowed |= _UND
        narrowed: dict[int, int] = {}

        def keep(other: int, mask: int) -> None:
            narrowed[other] = narrowed.get(other, labels[other]) & mask

        keep(node, allowed)
        value = narrowed[node]
        for attacker in attackers:
            if value == _IN:
                keep(attacker, _OUT)
            if not value & _OUT:
                keep(attacker, ~_IN)
        if not value & _IN and len(not_out) == 1:
            keep(not_out[0], ~_OUT)
        if value == _OUT and len(can_in) == 1:
            keep(can_in[0], _IN)
        if value == _UND and len(can_und) == 1:
            keep(can_und[0], _UND)
        return self._narrow(labels, narrowed)

    @staticmethod
    def _narrow(labels: list[int], narrowed: dict[int, int]) -> list[int] | None:
        changed = []
        for other, value in narrowed.items():
            if not value:
                return None
            if value != labels[other]:
                labels[other] = value
                changed.append(other)
        return changed


@dataclass(frozen=True, slots=True)
class PartLabellings:
    """Every labelling found for one part, as one bit value per argument of the part."""

    size: int
    found: list[tuple[int, ...]]

    def __len__(self) -> int:
        return len(self.found)

    def agreement(self) -> Iterator[tuple[Label, bool]]:
        """Per argument: the label all labellings agree on (else UNDECIDED), and if one has IN."""
        for i in range(self.size):
            values = {labelling[i] for labelling in self.found}
            yield (_AS_LABEL[next(iter(values))] if len(values) == 1 else Label.UNDECIDED,
                   _IN in values)

    def in_sets(self, names: Sequence[str]) -> list[frozenset[str]]:
        """The IN set of each labelling, `names` naming the part's arguments in order."""
        return [frozenset(name for name, value in zip(names, labelling, strict=True)
                          if value == _IN) for labelling in self.found]


def search(attackers: list[list[int]], targets: list[list[int]], *, stable: bool,
           preferred: bool) -> PartLabellings:
    """The stable or the preferred labellings (else every complete one) of one part.

    The part is given by who attacks whom both ways, by position in the part.
    """
    found = _Search(attackers, targets, stable=stable, preferred=preferred).run()
    return PartLabellings(len(attackers), found)
