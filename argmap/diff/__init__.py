"""`argmap diff`: what changed between two versions of a map, in the argument's terms.

`sources` finds the two versions (files, git revisions, a git diff driver's arguments),
`compare` lists the changes of one map, `labels` the claims that now stand or fall
differently (also in linked maps), and `formats` writes the report as text, Markdown or
JSON. `diff_pairs` runs the whole pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.config import Settings
from argmap.diff.compare import Change, MapDiff, compare
from argmap.diff.labels import Flip, Flips, flips
from argmap.diff.sources import Pair, Side
from argmap.loader import LoadResult, load_bytes
from argmap.model import ArgMap
from argmap.problem import Problem

__all__ = ["Change", "DiffReport", "FileDiff", "Flip", "MapDiff", "diff_pairs"]


@dataclass(frozen=True, slots=True)
class FileDiff:
    """One file's comparison, or the findings that kept a side from loading."""

    path: str
    old_name: str
    new_name: str
    diff: MapDiff | None
    #: (side, problem) for each finding of a side that does not load.
    problems: tuple[tuple[str, Problem], ...] = ()

    @property
    def status(self) -> str:
        return "error" if self.diff is None else self.diff.status


@dataclass(frozen=True, slots=True)
class DiffReport:
    files: tuple[FileDiff, ...]
    flips: Flips

    @property
    def changed(self) -> bool:
        return bool(self.flips.flips) or any(
            file.status in ("added", "removed", "changed") for file in self.files)

    @property
    def failed(self) -> bool:
        return any(file.diff is None for file in self.files)

    def exit_code(self) -> int:
        """0 nothing changed in meaning, 1 something did, 2 a side could not be compared."""
        if self.failed:
            return 2
        return 1 if self.changed else 0


def diff_pairs(pairs: Sequence[Pair], settings: Settings | None = None) -> DiffReport:
    """Compare each pair, then the labels of both versions with the maps they link to."""
    files: list[FileDiff] = []
    old_maps: list[ArgMap] = []
    new_maps: list[ArgMap] = []
    renames: dict[str, dict[str, str]] = {}
    for pair in pairs:
        old, old_problems = _load(pair.old)
        new, new_problems = _load(pair.new)
        problems = tuple(("old", p) for p in old_problems) + tuple(("new", p) for p in new_problems)
        if problems:
            files.append(FileDiff(pair.path, pair.old.name, pair.new.name, None, problems))
            continue
        result = compare(old, new)
        files.append(FileDiff(pair.path, pair.old.name, pair.new.name, result))
        old_maps.extend([old] if old else [])
        new_maps.extend([new] if new else [])
        if new is not None:
            renames[new.id] = dict(result.renames)
    from argmap.names import loadable_maps

    others = loadable_maps(settings, skip=[path for pair in pairs for path in pair.files])
    label_flips = flips(_world(old_maps, others), _world(new_maps, others), renames)
    return DiffReport(tuple(files), label_flips)


def _load(side: Side) -> tuple[ArgMap | None, tuple[Problem, ...]]:
    if side.data is None:
        return None, ()
    result: LoadResult = load_bytes(side.data, side.name)
    if result.map is None:
        return None, result.problems
    return result.map, ()


def _world(compared: list[ArgMap], others: list[ArgMap]) -> list[ArgMap]:
    """The compared maps and every other map whose id they do not already take."""
    world = {amap.id: amap for amap in compared}
    for amap in others:
        world.setdefault(amap.id, amap)
    return list(world.values())
