"""The maps an editor session knows: open documents first, then the maps on disk.

Open documents are loaded from the editor's text on every change; the maps folder of
the workspace (`[tool.argmap] maps`) and the bundled maps are read from disk and kept
until their file changes. Cross-map references resolve against all of them, the way
`argmap lint` resolves them against the maps linted together.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from argmap.config import Settings
from argmap.lint import lint_one
from argmap.loader import MAP_SUFFIXES, LoadResult, load_bytes, load_text, read_bytes
from argmap.model import ArgMap, Node, Ref, Span
from argmap.problem import ArgmapError, Problem
from argmap.resources import bundled_maps_dir


@dataclass(frozen=True, slots=True)
class Document:
    """One map file as last seen: its text, what loading it gave, and its last good map."""

    path: str
    text: str
    loaded: LoadResult
    #: The map from the latest text that loaded, so completion works while typing.
    last_good: ArgMap | None

    @property
    def map(self) -> ArgMap | None:
        return self.loaded.map or self.last_good


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a node id is written: its definition (`id:`) or a reference to it."""

    path: str
    span: Span
    #: For a reference written `map:id`, the map part, which a rename keeps.
    prefix: str | None
    definition: bool


class Project:
    def __init__(self, root: Path | None, settings: Settings) -> None:
        self.root = root
        self.settings = settings
        self.open: dict[str, Document] = {}
        self._disk: dict[str, tuple[float, Document]] = {}

    # -- documents --------------------------------------------------------------

    def update(self, path: str, text: str) -> Document:
        """Load the editor's text for `path`; keep the last map that loaded."""
        loaded = load_text(text.removeprefix("\ufeff"), path)
        previous = self.open.get(path)
        last_good = loaded.map or (previous.map if previous else None)
        document = Document(path, text, loaded, last_good)
        self.open[path] = document
        return document

    def close(self, path: str) -> None:
        self.open.pop(path, None)

    def folders(self) -> list[tuple[Path, bool]]:
        """The workspace's maps folder and the bundled maps, each with `bundled`."""
        maps = Path(self.settings.maps)
        if not maps.is_absolute() and self.root is not None:
            maps = self.root / maps
        unique: dict[str, tuple[Path, bool]] = {}
        for folder, bundled in ((maps, False), (bundled_maps_dir(), True)):
            if folder.is_dir():
                unique.setdefault(os.path.realpath(folder), (folder, bundled))
        return list(unique.values())

    def documents(self) -> Iterator[Document]:
        """Every map known: open ones, then the folders' files not open.

        A bundled map is left out when a map of the workspace has its id, as a project
        map hides a bundled one of the same name.
        """
        yield from self.open.values()
        seen = {os.path.realpath(path) for path in self.open}
        ids = {doc.map.id for doc in self.open.values() if doc.map is not None}
        for folder, bundled in self.folders():
            for path in sorted(folder.iterdir()):
                real = os.path.realpath(path)
                if path.suffix not in MAP_SUFFIXES or real in seen or not path.is_file():
                    continue
                seen.add(real)
                document = self._from_disk(path)
                if document is None or (bundled and document.map is not None
                                        and document.map.id in ids):
                    continue
                if document.map is not None:
                    ids.add(document.map.id)
                yield document

    def _from_disk(self, path: Path) -> Document | None:
        key = str(path)
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        cached = self._disk.get(key)
        if cached and cached[0] == mtime:
            return cached[1]
        try:
            loaded = load_bytes(read_bytes(path), key)
        except ArgmapError:
            return None
        document = Document(key, loaded.text, loaded, loaded.map)
        self._disk[key] = (mtime, document)
        return document

    def maps(self) -> dict[str, ArgMap]:
        """Maps by id; an open document's map wins over a file of the same id."""
        found: dict[str, ArgMap] = {}
        for document in self.documents():
            if document.map is not None:
                found.setdefault(document.map.id, document.map)
        return found

    def document_at(self, path: str) -> Document | None:
        if path in self.open:
            return self.open[path]
        real = os.path.realpath(path)
        for document in self.documents():
            if os.path.realpath(document.path) == real:
                return document
        return None

    def document_of(self, map_id: str) -> Document | None:
        for document in self.documents():
            if document.map is not None and document.map.id == map_id:
                return document
        return None

    # -- lint -------------------------------------------------------------------

    def lint(self, document: Document) -> tuple[Problem, ...]:
        """Exactly what `argmap lint` reports for the file, with the other maps beside it."""
        real = os.path.realpath(document.path)
        neighbours = [other.loaded for other in self.documents()
                      if os.path.realpath(other.path) != real]
        return lint_one(document.loaded, neighbours, self.settings).problems

    # -- ids --------------------------------------------------------------------

    def occurrences(self, map_id: str, node_id: str) -> list[Occurrence]:
        """The node's definition and every reference to it, in every known map."""
        found: list[Occurrence] = []
        for document in self.documents():
            amap = document.loaded.map
            if amap is None:
                continue
            for node in amap.walk():
                if amap.id == map_id and node.id == node_id:
                    found.append(Occurrence(document.path, node.at("id"), None, True))
                for ref in references(node):
                    if ref.id == node_id and (ref.map or amap.id) == map_id:
                        found.append(Occurrence(document.path, ref.span, ref.map, False))
        return found


def references(node: Node) -> Iterator[Ref]:
    """Every reference a node writes: supports, attacks, same_as, and undercut links."""
    yield from node.supports
    yield from node.attacks
    yield from node.same_as
    for link in getattr(node, "undercuts", ()):
        for part in (link, getattr(link, "source", None), getattr(link, "target", None)):
            if isinstance(part, Ref):
                yield part


def find_node(amap: ArgMap, node_id: str) -> Node | None:
    return amap.index().get(node_id)
