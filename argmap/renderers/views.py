"""Views: which of a map's nodes to draw, and which to draw compact.

`fold` keeps the levels `--depth` asks for (a folded node says "+N more") or the subtree
`--focus` names with the path to it; `collapse` keeps chosen nodes and draws the nodes
between them and the thesis compact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from argmap.model import ArgMap, Node
from argmap.problem import ArgmapError
from argmap.renderers.page_plan import hang


@dataclass(frozen=True)
class View:
    """Which of a map's nodes to draw, and how; by default all of them, in full."""

    #: The ids drawn; None for every node. The thesis is always drawn.
    shown: frozenset[str] | None = None
    #: Ids drawn compact: the id and the first two lines of the claim.
    compact: frozenset[str] = frozenset()
    #: Ids whose nodes below are folded away, with how many nodes that is.
    more: Mapping[str, int] = field(default_factory=dict)


def fold(amap: ArgMap, depth: int | None = None, focus: str | None = None) -> View:
    """The view `DotOptions.depth` and `.focus` ask for.

    Levels count down the drawing from the thesis (and from any free-standing attacker
    that hangs under nothing), or from `focus`: objections are one level below the
    thesis, as in `argmap show`. Raises `ArgmapError` if `focus` names no node.
    """
    if depth is None and focus is None:
        return View()
    upper = hang(amap)
    under: dict[str, list[str]] = {}
    for node_id in amap.index():
        if node_id in upper:
            under.setdefault(upper[node_id], []).append(node_id)
    if focus is None:
        starts, shown = [n for n in amap.index() if n not in upper], {amap.thesis.id}
    else:
        starts, shown = [_known(amap, focus)], {amap.thesis.id, *ancestors(upper, focus)}
    more: dict[str, int] = {}
    stack = [(start, 0) for start in reversed(starts)]
    while stack:
        node_id, level = stack.pop()
        shown.add(node_id)
        below = under.get(node_id, [])
        if below and depth is not None and level >= depth:
            more[node_id] = sum(1 for _ in _below(under, node_id))
        else:
            stack.extend((child, level + 1) for child in reversed(below))
    return View(frozenset(shown), frozenset(), more)


def collapse(amap: ArgMap, keep: Iterable[str]) -> View:
    """The thesis, the nodes in `keep`, and the nodes between them and the thesis.

    Those in between are drawn compact: they show how a kept node connects to the
    thesis without taking the room of a full claim.
    """
    upper = hang(amap)
    index = amap.index()
    kept = {node_id for node_id in keep if node_id in index}
    between = {above for node_id in kept for above in ancestors(upper, node_id)}
    compact = between - kept - {amap.thesis.id}
    return View(frozenset(kept | between | {amap.thesis.id}), frozenset(compact))


def _known(amap: ArgMap, node_id: str) -> str:
    if node_id in amap.index():
        return node_id
    from argmap.renderers.tree import nearest_ids

    close = nearest_ids(amap, node_id)
    hint = f"Did you mean {', '.join(close)}? " if close else ""
    raise ArgmapError(f"no node `{node_id}` in map `{amap.id}`",
                      hint=f"{hint}Node ids are case-sensitive, e.g. `T`, `P1`, `O1.C1`.")


def ancestors(upper: Mapping[str, str], node_id: str) -> list[str]:
    """`node_id` and every node above it, up to the one that hangs under nothing."""
    found = [node_id]
    while found[-1] in upper:
        found.append(upper[found[-1]])
    return found


def _below(under: Mapping[str, list[str]], node_id: str) -> Iterator[str]:
    stack = list(under.get(node_id, []))
    while stack:
        current = stack.pop()
        yield current
        stack.extend(under.get(current, []))


def prune(amap: ArgMap, shown: frozenset[str]) -> ArgMap:
    """The map with only the nodes in `shown` (and the thesis)."""

    def cut(node: Node) -> Node:
        return replace(node, children=tuple(cut(c) for c in node.children if c.id in shown))

    def cut_all(nodes: Sequence[Node]) -> tuple[Node, ...]:
        return tuple(cut(node) for node in nodes if node.id in shown)

    return replace(amap, thesis=cut(amap.thesis), objections=cut_all(amap.objections),
                   counterexamples=cut_all(amap.counterexamples),
                   rebuttals=cut_all(amap.rebuttals))
