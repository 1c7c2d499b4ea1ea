"""Which claims stand or fall differently after a change, in this map and in linked maps.

Both versions are evaluated together with the other maps they can reach (the project's
maps folder and the bundled maps), so a change in one map that defeats a claim in
another is reported too, with the one-line reason `argmap explain` gives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.explanation import why
from argmap.model import ArgMap, Label
from argmap.problem import ArgmapError
from argmap.semantics import Evaluation, evaluate

WORDS = {Label.IN: "stands", Label.OUT: "defeated", Label.UNDECIDED: "undecided"}


@dataclass(frozen=True, slots=True)
class Flip:
    """A node whose grounded label differs between the two versions."""

    map: str
    node: str
    old: Label
    new: Label
    #: Why it has its new label, naming other nodes as written in its own map.
    reason: str


@dataclass(frozen=True, slots=True)
class Flips:
    flips: tuple[Flip, ...]
    #: Set when the labels could not be compared (for instance, duplicate map ids).
    skipped: str | None = None


def flips(old_world: Sequence[ArgMap], new_world: Sequence[ArgMap],
          renames: Mapping[str, Mapping[str, str]]) -> Flips:
    """Labels that differ between two sets of maps; `renames` maps id -> {old: new}."""
    try:
        before = evaluate(tuple(old_world))
        after = evaluate(tuple(new_world))
    except ArgmapError as exc:
        return Flips((), f"labels were not compared: {exc.message}")
    old_labels = _by_node(before, renames)
    found: list[Flip] = []
    for key, amap, node in after.nodes():
        was = old_labels.get((amap.id, node.id))
        now = after.labels[key]
        if was is not None and was is not now:
            found.append(Flip(amap.id, node.id, was, now, why(after, key, amap.id)))
    return Flips(tuple(found))


def _by_node(evaluation: Evaluation, renames: Mapping[str, Mapping[str, str]]
             ) -> dict[tuple[str, str], Label]:
    labels: dict[tuple[str, str], Label] = {}
    for key, amap, node in evaluation.nodes():
        new_id = renames.get(amap.id, {}).get(node.id, node.id)
        labels[amap.id, new_id] = evaluation.labels[key]
    return labels
