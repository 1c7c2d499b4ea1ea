"""The tree an import is laid out into before it is written as YAML: items and outline.

`layout` builds it from the imported graph, `names` gives its items ids and
`yaml_writer` writes it; none of them needs the others to know its shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from argmap.importers.graph import Claim
from argmap.model import Kind


@dataclass
class Item:
    claim: Claim
    kind: Kind
    id: str = ""
    #: Nested items; a list is a linked group of co-premises.
    children: list[Item | list[Item]] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    attacks: list[str] = field(default_factory=list)
    #: Links this node undercuts, as (source, far end) keys until ids are assigned.
    undercuts: list[str] = field(default_factory=list)
    #: How deep the node sits, counted as the loader does (thesis 1, top level 2).
    depth: int = 1

    def members(self) -> Iterator[Item]:
        for child in self.children:
            yield from child if isinstance(child, list) else (child,)

    def walk(self) -> Iterator[Item]:
        yield self
        for child in self.members():
            yield from child.walk()


@dataclass
class Outline:
    thesis: Item
    objections: list[Item] = field(default_factory=list)
    #: Free-standing rebuttals: claims in attack cycles that never reach the thesis.
    rebuttals: list[Item] = field(default_factory=list)
    #: For the file's header and for stderr.
    messages: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[Item]:
        yield from self.thesis.walk()
        for root in (*self.objections, *self.rebuttals):
            yield from root.walk()
