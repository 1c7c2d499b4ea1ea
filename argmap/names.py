"""Resolve what a user types (`qiu`, `maps/qiu.yaml`) to a map file, and which maps a
command reads when it is given none.

A NAME is tried as a path, then as `NAME.yaml` in the project's maps folder (and its
subfolders), then as a map bundled with argmap. Bare names never leave the folders
searched: `../x` is not a map name.

With no map named, the commands that take several maps (lint, render, atlas) read the maps in the
project's maps folder (`[tool.argmap] maps`, default `./maps`); when there is no such
folder, the maps bundled with argmap. A maps folder set in pyproject.toml that does not
exist is an error, not a reason to fall back.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from argmap.config import Settings
from argmap.loader import MAP_SUFFIXES
from argmap.model import ArgMap
from argmap.problem import ArgmapError
from argmap.resources import bundled_maps_dir

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*\Z")


@dataclass(frozen=True)
class Found:
    name: str
    path: Path
    where: str  # "project" or "bundled"


def map_files(folder: Path) -> Iterator[Path]:
    """Every *.yaml / *.yml under `folder`, sorted, skipping hidden files and folders."""
    for path in sorted(folder.rglob("*")):
        if (path.suffix in MAP_SUFFIXES and path.is_file()
                and not any(part.startswith(".") for part in path.relative_to(folder).parts)):
            yield path


def search_dirs(settings: Settings | None = None) -> list[tuple[Path, str]]:
    folders = [(Path((settings or Settings()).maps), "project"), (bundled_maps_dir(), "bundled")]
    return [(folder, where) for folder, where in folders if folder.is_dir()]


def available(settings: Settings | None = None) -> list[Found]:
    """Every map a bare name can reach; a project map hides a bundled one of that name,
    and a map at the top of a folder hides one of that name in a subfolder."""
    seen: dict[str, Found] = {}
    for folder, where in search_dirs(settings):
        files = sorted(map_files(folder), key=lambda p: (len(p.relative_to(folder).parts), p))
        for path in files:
            seen.setdefault(path.stem, Found(path.stem, path, where))
    return sorted(seen.values(), key=lambda found: found.name)


def default_maps(settings: Settings) -> tuple[list[Path], str]:
    """The map files a command reads when given none, and where they come from."""
    project = Path(settings.maps)
    if project.is_dir():
        return list(map_files(project)), "project"
    if settings.origin is not None and "maps" in settings.explicit:
        raise ArgmapError(f"the maps folder `{settings.maps}` set in {settings.origin} "
                          "does not exist",
                          hint="Create it, or correct `maps` under [tool.argmap].")
    bundled = bundled_maps_dir()
    return (list(map_files(bundled)) if bundled.is_dir() else []), "bundled"


def resolve(name: str, settings: Settings | None = None) -> Path:
    """The file `name` refers to, or an `ArgmapError` listing the maps that exist."""
    as_path = Path(name)
    if as_path.is_file():
        return as_path
    if _NAME.match(name):
        found = _by_name(name, settings)
        if found is not None:
            return found
    elif as_path.is_dir():
        raise ArgmapError(f"{name}: is a folder, not a map file",
                          hint="Name a .yaml file in it, or use `argmap lint` on the folder.")
    elif as_path.suffix in MAP_SUFFIXES or "/" in name or "\\" in name:
        if os.path.lexists(as_path):
            return as_path  # a device, a pipe or a broken link: loading says which
        raise ArgmapError(f"{name}: no such file")
    known = [found.name for found in available(settings)]
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"Did you mean `{close[0]}`? " if close else ""
    raise ArgmapError(f"no map named `{name}`",
                      hint=f"{hint}Maps available: {', '.join(known) or 'none'}. "
                      "A map can also be given as a path to a .yaml file.")


def is_name(text: str) -> bool:
    """Whether `text` has the shape of a bare map name (`qiu`), not of a path."""
    return bool(_NAME.match(text))


def _by_name(name: str, settings: Settings | None) -> Path | None:
    for folder, _where in search_dirs(settings):
        for suffix in MAP_SUFFIXES:  # the common case first, without walking the folder
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
        nested = next((path for path in map_files(folder) if path.stem == name), None)
        if nested is not None:
            return nested
    return None


def loadable_maps(settings: Settings | None = None,
                  skip: Iterable[str | os.PathLike[str]] = ()) -> list[ArgMap]:
    """Every map a bare name reaches that loads, but the files in `skip`: the maps a
    cross-map reference can point to. A file that does not load is left out."""
    from argmap.loader import load_file

    skipped = {os.path.realpath(path) for path in skip}
    maps = []
    for found in available(settings):
        if os.path.realpath(found.path) in skipped:
            continue
        try:
            loaded = load_file(found.path)
        except ArgmapError:
            continue
        if loaded.map is not None:
            maps.append(loaded.map)
    return maps
