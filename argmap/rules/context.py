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
    """Other maps linted in the same run, by map id, and the project's settings."""

    maps: Mapping[str, ArgMap] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    #: True when some file in the run did not load, so a map id may be missing from `maps`.
    incomplete: bool = False


class Check(Protocol):
    def __call__(self, amap: ArgMap, context: Context) -> Iterator[Problem]: ...
