"""What every rule receives: the map, and the maps linted together with it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from argmap.config import Settings
from argmap.model import ArgMap
from argmap.problem import Problem


@dataclass(frozen=True)
class Context:
    """The maps a lint run knows (argmap/linked.py), by map id, and the project's settings."""

    maps: Mapping[str, ArgMap] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    #: Every file holding each map id, so a map id used twice can be reported.
    files: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Map ids referred to but not found: a file of that name that did not load, or None.
    missing: Mapping[str, str | None] = field(default_factory=dict)
    #: The files given to lint, and the files inside the project's maps folder (AM107).
    run: frozenset[str] = frozenset()
    project: frozenset[str] = frozenset()


class Check(Protocol):
    def __call__(self, amap: ArgMap, context: Context) -> Iterator[Problem]: ...
