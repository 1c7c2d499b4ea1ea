"""Resolve what a user types (`qiu`, `maps/qiu.yaml`) to a map file.

A NAME is tried as a path, then as `./maps/NAME.yaml`, then as a map bundled with
argmap. Bare names never leave the folders searched: `../x` is not a map name.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.config import Settings
from argmap.loader import MAP_SUFFIXES
from argmap.problem import ArgmapError
from argmap.resources import bundled_maps_dir

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*\Z")


@dataclass(frozen=True)
class Found:
    name: str
    path: Path
    where: str  # "project" or "bundled"


def search_dirs(settings: Settings | None = None) -> list[tuple[Path, str]]:
    folders = [(Path((settings or Settings()).maps), "project"), (bundled_maps_dir(), "bundled")]
    return [(folder, where) for folder, where in folders if folder.is_dir()]


def available(settings: Settings | None = None) -> list[Found]:
    """Every map a bare name can reach; a project map hides a bundled one of that name."""
    seen: dict[str, Found] = {}
    for folder, where in search_dirs(settings):
        for path in sorted(folder.iterdir()):
            if path.suffix in MAP_SUFFIXES and path.is_file():
                seen.setdefault(path.stem, Found(path.stem, path, where))
    return sorted(seen.values(), key=lambda found: found.name)


def resolve(name: str, settings: Settings | None = None) -> Path:
    """The file `name` refers to, or an `ArgmapError` listing the maps that exist."""
    as_path = Path(name)
    if as_path.is_file():
        return as_path
    if _NAME.match(name):
        for folder, _where in search_dirs(settings):
            for suffix in MAP_SUFFIXES:
                candidate = folder / f"{name}{suffix}"
                if candidate.is_file():
                    return candidate
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
