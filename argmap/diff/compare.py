"""What changed between two versions of one map, in the argument's terms.

Nodes are matched by id. A node whose id changed but whose claim is nearly the same is a
rename, not a removal and an addition; references to it are read through the rename, so
renaming a node does not also report every relation that names it. Text is compared with
its white space folded, so refolding a claim or re-indenting the file changes nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from argmap.model import ArgMap, Node, Ref

#: How alike two claims must be (difflib's ratio over words) for a changed id to be a rename.
RENAME_SIMILARITY = 0.75
#: Above this many (removed x added) pairs, only identical claims are matched as renames.
RENAME_PAIR_LIMIT = 250_000

#: The kinds of change, in the order they are reported for a node.
NODE_CHANGES = ("added", "removed", "renamed", "kind", "moved", "reworded", "granted",
                "held_by", "expect", "locator", "quote", "note", "tags")
RELATIONS = ("supports", "attacks", "undercuts", "same_as")
RELATION_CHANGES = ("relation added", "relation removed")
MAP_FIELDS = ("id", "title", "summary", "source")

#: A reference as written in the new version: old ids read through the renames.
Rename = Callable[[object], str]


@dataclass(frozen=True, slots=True)
class Change:
    """One change. `node` is the node's id in the new version (the old id if removed)."""

    what: str
    node: str
    old: str | None = None
    new: str | None = None
    #: For a rename, how alike the claims are; for a node added or removed, its kind and
    #: parent; for a relation change, the relation.
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class MapDiff:
    """The changes between two versions of one map (either may be missing)."""

    old: ArgMap | None
    new: ArgMap | None
    changes: tuple[Change, ...] = ()
    #: Old id -> new id of renamed nodes.
    renames: Mapping[str, str] = field(default_factory=dict)

    @property
    def map_id(self) -> str:
        amap = self.new or self.old
        return amap.id if amap else ""

    @property
    def status(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if self.changes else "unchanged"


def fold(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def compare(old: ArgMap | None, new: ArgMap | None) -> MapDiff:
    """Every change from `old` to `new`; a missing side makes the map added or removed."""
    if old is None or new is None:
        return MapDiff(old, new)
    before = _first_by_id(old)
    after = _first_by_id(new)
    renames = _renames(before, after)
    changes: list[Change] = list(_map_changes(old, new))
    renamed_to = {new_id: old_id for old_id, new_id in renames.items()}
    rename = _renamer(renames, old.id)
    for node_id, node in after.items():
        old_id = renamed_to.get(node_id, node_id)
        was = before.get(old_id)
        if was is None:
            changes.append(Change("added", node_id, None, fold(node.claim),
                                  _placement(node)))
            continue
        if old_id != node_id:
            changes.append(Change("renamed", node_id, old_id, node_id,
                                  f"{_similarity(was.claim, node.claim):.0%}"))
        changes.extend(_node_changes(node_id, was, node, rename))
    for old_id, was in before.items():
        if old_id not in renames and old_id not in after:
            changes.append(Change("removed", old_id, fold(was.claim), None, _placement(was)))
    changes.extend(_relation_changes(before, after, rename))
    order = {node_id: i for i, node_id in enumerate(after)}
    order.update((old_id, len(order) + i) for i, old_id in enumerate(before)
                 if old_id not in after and old_id not in renames)
    kinds = {what: i for i, what in enumerate((*MAP_FIELDS, *NODE_CHANGES, *RELATION_CHANGES))}
    changes.sort(key=lambda c: (c.node != "", order.get(c.node, -1), kinds[c.what]))
    return MapDiff(old, new, tuple(changes), renames)


def _first_by_id(amap: ArgMap) -> dict[str, Node]:
    return amap.index()


def _placement(node: Node) -> str:
    where = f" under {node.parent}" if node.parent else ""
    return f"{node.kind.value}{where}"


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _renames(before: Mapping[str, Node], after: Mapping[str, Node]) -> dict[str, str]:
    """Removed ids matched to added ids whose claims are nearly the same, best first."""
    gone = [node for node_id, node in before.items() if node_id not in after]
    fresh = [node for node_id, node in after.items() if node_id not in before]
    if not gone or not fresh:
        return {}
    pairs: list[tuple[float, int, int]] = []
    if len(gone) * len(fresh) > RENAME_PAIR_LIMIT:
        by_claim: dict[str | None, int] = {}
        for j, node in enumerate(fresh):
            by_claim.setdefault(fold(node.claim), j)
        pairs = [(1.0, i, by_claim[fold(node.claim)]) for i, node in enumerate(gone)
                 if fold(node.claim) in by_claim]
    else:
        for i, was in enumerate(gone):
            words = was.claim.split()
            matcher = difflib.SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(words)
            for j, node in enumerate(fresh):
                matcher.set_seq1(node.claim.split())
                if (matcher.real_quick_ratio() >= RENAME_SIMILARITY
                        and matcher.quick_ratio() >= RENAME_SIMILARITY):
                    ratio = matcher.ratio()
                    if ratio >= RENAME_SIMILARITY:
                        pairs.append((ratio, i, j))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    renames: dict[str, str] = {}
    for _ratio, i, j in pairs:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            renames[gone[i].id] = fresh[j].id
    return renames


def _renamer(renames: Mapping[str, str], map_id: str) -> Rename:
    def rename(ref: object) -> str:
        if isinstance(ref, str):
            return renames.get(ref, ref)
        if isinstance(ref, Ref) and ref.map in (None, map_id):
            return str(Ref(renames.get(ref.id, ref.id), ref.map, ref.span))
        return str(ref)

    return rename


def _map_changes(old: ArgMap, new: ArgMap) -> Iterator[Change]:
    values = (("id", old.id, new.id), ("title", old.title, new.title),
              ("summary", old.summary, new.summary),
              ("source", _bibliography(old), _bibliography(new)))
    for what, before, after in values:
        if fold(before) != fold(after):
            yield Change(what, "", fold(before), fold(after))


def _bibliography(amap: ArgMap) -> str | None:
    source = amap.source
    parts = [source.authors, source.title, source.kind, source.venue, source.volume,
             str(source.year) if source.year is not None else None, source.url, source.doi]
    text = "; ".join(part for part in parts if part)
    return text or None


def _node_changes(node_id: str, was: Node, node: Node, rename: Rename) -> Iterator[Change]:
    def text_change(what: str, before: str | None, after: str | None) -> Iterator[Change]:
        if fold(before) != fold(after):
            yield Change(what, node_id, fold(before), fold(after))

    if was.kind is not node.kind:
        yield Change("kind", node_id, was.kind.value, node.kind.value)
    old_parent = rename(was.parent) if was.parent is not None else None
    new_parent = node.parent
    if old_parent != new_parent or (was.group is None) != (node.group is None):
        yield Change("moved", node_id, _where(old_parent, was.group),
                     _where(new_parent, node.group))
    yield from text_change("reworded", was.claim, node.claim)
    yield from text_change("granted", _flag(was, "granted"), _flag(node, "granted"))
    yield from text_change("held_by", was.held_by, node.held_by)
    yield from text_change("expect", _label(was), _label(node))
    yield from text_change("locator", _locator(was), _locator(node))
    yield from text_change("quote", was.quote, node.quote)
    yield from text_change("note", was.note, node.note)
    yield from text_change("tags", ", ".join(was.tags) or None, ", ".join(node.tags) or None)


def _where(parent: str | None, group: int | None) -> str:
    if parent is None:
        return "top level"
    return f"under {parent}" + (" (linked)" if group is not None else "")


def _flag(node: Node, name: str) -> str | None:
    return "yes" if getattr(node, name, False) else None


def _label(node: Node) -> str | None:
    return node.expect.value if node.expect is not None else None


def _locator(node: Node) -> str | None:
    return str(node.source) if node.source is not None else None


def _relations(nodes: Mapping[str, Node], rename: Rename) -> dict[tuple[str, str, str], None]:
    """Every declared relation as (source, relation, target), in document order."""
    found: dict[tuple[str, str, str], None] = {}
    for node_id, node in nodes.items():
        source = rename(node_id)
        for relation in RELATIONS:
            for ref in _refs(node, relation):
                found[source, relation, rename(ref)] = None
    return found


def _refs(node: Node, relation: str) -> Iterable[object]:
    # `undercuts` is read the same way as the reference lists, by name.
    refs: Iterable[object] = getattr(node, relation, ())
    return refs


def _relation_changes(before: Mapping[str, Node], after: Mapping[str, Node],
                      rename: Rename) -> Iterator[Change]:
    old = _relations(before, rename)
    new = _relations(after, str)
    for source, relation, target in new:
        if (source, relation, target) not in old:
            yield Change("relation added", source, None, target, relation)
    for source, relation, target in old:
        if (source, relation, target) not in new:
            yield Change("relation removed", source, target, None, relation)
