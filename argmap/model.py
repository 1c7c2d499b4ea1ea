"""The argument map as pure, immutable data.

Nothing here knows about YAML, terminals or Graphviz: the loader builds these objects,
everything else reads them. Every node carries the position it was written at.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


class _Enum(enum.Enum):
    """An enum hashed by identity, as it compares: `enum.Enum` hashes each member's name in
    Python code, a cost paid by every set and dict of nodes, edges and links."""

    __hash__ = object.__hash__


class Kind(_Enum):
    THESIS = "thesis"
    PREMISE = "premise"
    OBJECTION = "objection"
    COUNTEREXAMPLE = "counterexample"
    REBUTTAL = "rebuttal"

    @property
    def plural(self) -> str:
        return {Kind.THESIS: "theses"}.get(self, self.value + "s")


class Label(_Enum):
    """A node's status under an argumentation semantics, and the values of `expect:`."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


class Relation(_Enum):
    SUPPORT = "supports"
    ATTACK = "attacks"
    #: An attack on an inference (a link), not on a claim.
    UNDERCUT = "undercuts"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A 1-based position in a file."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a node: `P1` in the same map, `arsene:O1` in another."""

    id: str
    map: str | None
    span: Span

    def __str__(self) -> str:
        return f"{self.map}:{self.id}" if self.map else self.id

    @classmethod
    def parse(cls, text: str, span: Span) -> Ref:
        map_id, sep, node_id = text.rpartition(":")
        return cls(id=node_id, map=map_id if sep else None, span=span)


@dataclass(frozen=True, slots=True)
class LinkRef:
    """A link named in `undercuts:`: `X` (X's own link) or `X -> Y` (X's link to Y)."""

    source: Ref
    target: Ref | None
    span: Span

    def __str__(self) -> str:
        return f"{self.source} -> {self.target}" if self.target else str(self.source)

    @classmethod
    def parse(cls, text: str, span: Span) -> LinkRef:
        left, arrow, right = text.partition("->")
        source = Ref.parse(left.strip(), span)
        return cls(source, Ref.parse(right.strip(), span) if arrow else None, span)


@dataclass(frozen=True, slots=True)
class Locator:
    """Where in the source text a claim is made."""

    section: str | None = None
    para: int | None = None
    page: str | None = None
    footnote: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.section:
            parts.append(f"§ {self.section}")
        if self.para is not None:
            parts.append(f"¶{self.para}")
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.footnote is not None:
            parts.append(f"n. {self.footnote}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Source:
    """The text a map reconstructs, as far as it is known."""

    author: tuple[str, ...] = ()
    title: str | None = None
    year: int | None = None
    kind: str | None = None
    venue: str | None = None
    volume: str | None = None
    url: str | None = None
    doi: str | None = None

    @property
    def authors(self) -> str:
        if len(self.author) <= 2:
            return " and ".join(self.author)
        return ", ".join(self.author[:-1]) + " and " + self.author[-1]


@dataclass(frozen=True, slots=True)
class Node:
    """One claim in the map, with the nodes nested under it."""

    id: str
    kind: Kind
    claim: str
    span: Span
    parent: str | None = None
    #: Index of the linked group this premise belongs to under its parent; None if
    #: the premise is an independent (convergent) reason.
    group: int | None = None
    source: Locator | None = None
    quote: str | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()
    expect: Label | None = None
    held_by: str | None = None
    #: A concession: the author affirms the claim and denies only what is inferred from it.
    granted: bool = False
    supports: tuple[Ref, ...] = ()
    attacks: tuple[Ref, ...] = ()
    same_as: tuple[Ref, ...] = ()
    #: Links (inferences) this node attacks, rather than claims.
    undercuts: tuple[LinkRef, ...] = ()
    children: tuple[Node, ...] = ()
    #: Position of each key's value, for messages that point at one field.
    spans: Mapping[str, Span] = field(default_factory=lambda: MappingProxyType({}))

    def at(self, key: str) -> Span:
        """The position of `key`'s value, or of the node if the key is absent."""
        return self.spans.get(key, self.span)

    def walk(self) -> Iterator[Node]:
        """This node and everything nested under it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    @property
    def premises(self) -> tuple[Node, ...]:
        return tuple(c for c in self.children if c.kind is Kind.PREMISE)

    @property
    def attackers(self) -> tuple[Node, ...]:
        return tuple(c for c in self.children if c.kind is not Kind.PREMISE)

    @property
    def nested_undercut(self) -> bool:
        """Whether this node answers the inference of the node it sits under, not its claim.

        A counterexample or rebuttal whose `undercuts:` names a link of its parent
        attacks only that link: its nested attack on the parent is replaced.
        """
        return self.parent is not None and self.kind in (Kind.COUNTEREXAMPLE, Kind.REBUTTAL) \
            and any(link.source.map is None and link.source.id == self.parent
                    for link in self.undercuts)


@dataclass(frozen=True, slots=True)
class Edge:
    """A support or attack from one node to another, nested or declared."""

    source: str
    target: Ref
    relation: Relation
    #: True for edges from `supports:`/`attacks:` lists, False for nesting.
    declared: bool
    #: For nested premises in a linked group: the group's index under its target.
    group: int | None = None


@dataclass(frozen=True, slots=True)
class Undercut:
    """An attack from a node on a link, as written in its `undercuts:` list."""

    source: str
    link: LinkRef


@dataclass(frozen=True, slots=True)
class ArgMap:
    """A whole map: metadata, the thesis tree, objections and free-standing attacks."""

    id: str
    title: str
    path: str
    span: Span
    thesis: Node
    objections: tuple[Node, ...] = ()
    #: Counterexamples and rebuttals listed at the top level: they attack only what
    #: their `attacks:` lists name.
    counterexamples: tuple[Node, ...] = ()
    rebuttals: tuple[Node, ...] = ()
    source: Source = Source()
    summary: str | None = None
    spans: Mapping[str, Span] = field(default_factory=lambda: MappingProxyType({}))
    #: The nodes in document order and the edges, found on first use: a map never changes,
    #: and every lint rule walks it. Not part of what the map is (not compared, not shown).
    _nodes: tuple[Node, ...] | None = field(default=None, init=False, repr=False,
                                            compare=False)
    _edges: tuple[Edge, ...] | None = field(default=None, init=False, repr=False,
                                            compare=False)

    @property
    def roots(self) -> tuple[Node, ...]:
        return (self.thesis, *self.objections, *self.counterexamples, *self.rebuttals)

    def walk(self) -> Iterator[Node]:
        """Every node in document order."""
        nodes = self._nodes
        if nodes is None:
            nodes = tuple(node for root in self.roots for node in root.walk())
            object.__setattr__(self, "_nodes", nodes)
        return iter(nodes)

    def index(self) -> dict[str, Node]:
        """Nodes by id; where an id is duplicated, the first wins."""
        nodes: dict[str, Node] = {}
        for node in self.walk():
            nodes.setdefault(node.id, node)
        return nodes

    def edges(self) -> Iterator[Edge]:
        """Every support and attack, nested ones first for each node."""
        edges = self._edges
        if edges is None:
            edges = tuple(self._find_edges())
            object.__setattr__(self, "_edges", edges)
        return iter(edges)

    def _find_edges(self) -> Iterator[Edge]:
        thesis_ref = Ref(self.thesis.id, None, self.thesis.span)
        for node in self.walk():
            if node.kind is Kind.OBJECTION and node.parent is None:
                yield Edge(node.id, thesis_ref, Relation.ATTACK, declared=False)
            elif node.parent is not None:
                target = Ref(node.parent, None, node.span)
                if node.kind is Kind.PREMISE:
                    yield Edge(node.id, target, Relation.SUPPORT, False, node.group)
                elif not node.nested_undercut:
                    yield Edge(node.id, target, Relation.ATTACK, declared=False)
            for ref in node.supports:
                yield Edge(node.id, ref, Relation.SUPPORT, declared=True)
            for ref in node.attacks:
                yield Edge(node.id, ref, Relation.ATTACK, declared=True)

    def undercuts(self) -> Iterator[Undercut]:
        """Every attack on a link, in document order."""
        for node in self.walk():
            for link in node.undercuts:
                yield Undercut(node.id, link)

    def counts(self) -> dict[Kind, int]:
        counts = dict.fromkeys(Kind, 0)
        for node in self.walk():
            counts[node.kind] += 1
        return counts
