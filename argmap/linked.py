"""The maps a lint run reads besides the files it lints.

A reference such as `arsene:O1` names a map by its id. So that linting a file gives the
same findings whatever other files are linted with it (one at a time, all together, or
in the batches pre-commit makes), lint reads, besides the files it was given:

1. every map in the project's maps folder (`[tool.argmap] maps`, default `./maps`),
   because any of them may refer to, answer or attack the maps being linted;
2. for a map id still unknown, `ID.yaml` beside the file that refers to it, then the
   map bundled with argmap of that name, and the maps those refer to in turn.

The files given on the command line come first: where one of them and another file
have the same map id, the file being linted is the one read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.config import Settings
from argmap.loader import MAP_SUFFIXES, LoadResult, load_file
from argmap.model import ArgMap
from argmap.problem import ArgmapError
from argmap.resources import bundled_maps_dir


@dataclass(frozen=True)
class Library:
    """The maps known to a lint run, by map id."""

    maps: dict[str, ArgMap] = field(default_factory=dict)
    #: Every file that holds each map id, in the order they were read.
    files: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Map ids referred to but not found, with a file of that name that did not load
    #: (so it may be that map) or None when no file of that name was found.
    missing: dict[str, str | None] = field(default_factory=dict)
    #: The files given to lint, and the files inside the project's maps folder.
    run: frozenset[str] = frozenset()
    project: frozenset[str] = frozenset()


def gather(loaded: Sequence[LoadResult], settings: Settings, *, search: bool = True) -> Library:
    """The maps linted and, with `search`, those found as the module docstring says."""
    reader = _Reader()
    for item in loaded:
        reader.add(item)
    inside: set[str] = set()
    project = Path(settings.maps)
    if search and project.is_dir():
        from argmap.names import map_files

        for path in map_files(project):
            reader.read(path)
            inside.add(str(path))
        folder = _key(str(project))
        inside |= {item.path for item in loaded if _key(item.path).is_relative_to(folder)}
    pending = [(ref_map, amap) for amap in reader.maps.values() for ref_map in _linked(amap)]
    tried: set[str] = set()
    while pending:
        map_id, referrer = pending.pop()
        if map_id in reader.maps or map_id in tried:
            continue
        tried.add(map_id)
        found = reader.find(map_id, _candidates(map_id, referrer)) if search else None
        if found is not None:
            pending.extend((ref_map, found) for ref_map in _linked(found))
    missing = {map_id: reader.unreadable.get(map_id) for map_id in sorted(tried)
               if map_id not in reader.maps}
    return Library(dict(reader.maps), {k: tuple(v) for k, v in reader.files.items()}, missing,
                   run=frozenset(item.path for item in loaded), project=frozenset(inside))


class _Reader:
    def __init__(self) -> None:
        self.maps: dict[str, ArgMap] = {}
        self.files: dict[str, list[str]] = {}
        self.unreadable: dict[str, str] = {}  # by file stem
        self._seen: set[Path] = set()

    def add(self, item: LoadResult) -> ArgMap | None:
        self._seen.add(_key(item.path))
        if item.map is None:
            self.unreadable.setdefault(Path(item.path).stem, item.path)
            return None
        self.maps.setdefault(item.map.id, item.map)
        self.files.setdefault(item.map.id, []).append(item.path)
        return item.map

    def read(self, path: Path) -> ArgMap | None:
        if _key(str(path)) in self._seen:
            return None
        try:
            return self.add(load_file(path))
        except ArgmapError:
            self._seen.add(_key(str(path)))
            self.unreadable.setdefault(path.stem, str(path))
            return None

    def find(self, map_id: str, candidates: Iterable[Path]) -> ArgMap | None:
        for path in candidates:
            if path.is_file():
                amap = self.read(path)
                if amap is not None and amap.id == map_id:
                    return amap
        return None


def _key(path: str) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


def _linked(amap: ArgMap) -> set[str]:
    from argmap.rules.am102_unknown_reference import references

    return {ref.map for _key, ref in references(amap)
            if ref.map is not None and ref.map != amap.id}


def _candidates(map_id: str, referrer: ArgMap) -> Iterable[Path]:
    from argmap.names import is_name

    if not is_name(map_id):
        return  # only a plain name is looked up as a file name: never `../x`
    for folder in (Path(referrer.path).parent, bundled_maps_dir()):
        for suffix in MAP_SUFFIXES:
            yield folder / f"{map_id}{suffix}"
