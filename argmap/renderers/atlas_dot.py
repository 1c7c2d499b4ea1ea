"""Several maps in one drawing: a box per map, and the links between maps drawn across.

Each map is drawn by `dot.MapDrawing` inside a box titled with the map's title and
authors; its nodes are named `map:id`, so maps cannot clash. The links between maps
(`atlas.Link`) are drawn between the boxes, heavier than a map's own arrows and
labelled: supports solid with an arrowhead, attacks dashed with a bar, and `same_as` a
double line with no arrowhead, labelled "same as". They pull on no node, so each map
keeps the layout it has alone; the maps stand side by side, in the order that keeps
linked maps next to each other.

With `collapsed`, each map shows its thesis and only the nodes that carry links, with
the nodes between those and the thesis drawn compact, so the atlas fits on one slide.
Like `to_dot`, this is a pure function: the same maps give the same DOT, byte for byte.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from argmap.atlas import Atlas, Link
from argmap.model import Label, Relation
from argmap.renderers.dot import MapDrawing
from argmap.renderers.dot_statements import (
    EDGE_DEFAULTS,
    edge_statement,
    edge_style,
    external_attrs,
    graph_attrs,
    map_title,
    node_defaults,
    node_statement,
    title_label,
)
from argmap.renderers.dot_style import THEMES, DotOptions
from argmap.renderers.dot_syntax import attr_list, number, quote
from argmap.renderers.legend import LEGEND_ANCHOR, Shown, legend
from argmap.renderers.views import View, collapse

#: The relation words of `atlas.Link`, as they are shown.
SAME_AS = "same_as"
_SHOWN = {"supports": "supports", "attacks": "attacks", SAME_AS: "same as"}
_CROSS_WIDTH = "2.6"  # heavier than a map's own arrows (1.4)
_ORDERED = 6  # 720 orders to try; more maps keep the order given
_TOP = "~atlas top"


def atlas_dot(atlas: Atlas, options: DotOptions | None = None, *, collapsed: bool = False,
              labels: Mapping[str, Mapping[str, Label]] | None = None) -> str:
    """DOT source for every map of `atlas` and the links between them.

    `labels` gives, by map id, each node's label (by node id): nodes are then coloured
    by status, with a key. `options.depth` and `.focus` are not used here.
    """
    drawing = _AtlasDrawing(atlas, options or DotOptions(), collapsed, labels)
    return "\n".join(drawing.lines()) + "\n"


def linked_nodes(atlas: Atlas) -> dict[str, set[str]]:
    """By map id, the ids of the nodes a link between maps starts or ends at."""
    found: dict[str, set[str]] = {}
    for link in atlas.links:
        ends = (link.source, link.target) if link.resolved else (link.source,)
        for key in ends:
            map_id, _, node_id = key.partition(":")
            found.setdefault(map_id, set()).add(node_id)
    return found


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def placed(atlas: Atlas) -> tuple[str, ...]:
    """The map ids in the order the maps are drawn side by side.

    Of every order (for up to `_ORDERED` maps), the one that keeps linked maps closest
    together: the fewest maps each link has to pass over, ties going to the order given.
    """
    ids = tuple(amap.id for amap in atlas.maps)
    if not 2 < len(ids) <= _ORDERED:
        return ids
    pairs = [(link.source.partition(":")[0], link.target.partition(":")[0])
             for link in atlas.links if link.target.partition(":")[0] in ids]

    def cost(order: tuple[str, ...]) -> int:
        where = {map_id: i for i, map_id in enumerate(order)}
        return sum(abs(where[a] - where[b]) for a, b in pairs)

    return min(itertools.permutations(ids), key=cost)


@dataclass(frozen=True)
class _Cross:
    """One link between maps as drawn: the two node names and the edge's attributes."""

    tail: str
    head: str
    attrs: Mapping[str, str]


class _AtlasDrawing:
    def __init__(self, atlas: Atlas, options: DotOptions, collapsed: bool,
                 labels: Mapping[str, Mapping[str, Label]] | None) -> None:
        self.atlas = atlas
        self.options = options
        self.labels = labels
        # Side by side, each map gets a share of the page's width.
        share = replace(options, ratio=options.fold_to / max(1, len(atlas.maps)),
                        legend=False, depth=None, focus=None)
        linked = linked_nodes(atlas)
        self.order = {map_id: i for i, map_id in enumerate(placed(atlas))}
        self.drawings = {
            amap.id: MapDrawing(
                amap, share, labels.get(amap.id, {}) if labels is not None else None,
                view=collapse(amap, linked.get(amap.id, ())) if collapsed else View(),
                prefix=f"{amap.id}:", local_only=True)
            for amap in sorted(atlas.maps, key=lambda amap: self.order[amap.id])}
        self.externals: dict[str, str] = {}

    def lines(self) -> Iterator[str]:
        crossing = list(self._crossing())
        yield 'digraph "atlas" {'
        yield "  graph" + attr_list(graph_attrs(self.options, self._title()))
        yield "  node" + attr_list(node_defaults(self.options))
        yield "  edge" + attr_list(EDGE_DEFAULTS)
        boxes = [line for map_id in self.drawings for line in self._map_box(map_id)]
        if self.options.legend or self.labels is not None:
            from argmap.renderers.undercut_dot import legend_lines

            undercuts = [line for drawing in self.drawings.values()
                         for line in legend_lines(drawing.amap, self.options, drawing.theme)]
            shown = Shown(frozenset(), frozenset(), False, frozenset())
            for drawing in self.drawings.values():
                shown |= drawing.shown()
            shown |= Shown(frozenset(), frozenset(), bool(self.externals), frozenset())
            yield from legend(self.options, self.labels is not None,
                              [(_SHOWN[SAME_AS], self._same_as_look()), *undercuts[:1]], shown)
        yield from self._side_by_side()
        yield from boxes
        for text, name in self.externals.items():
            yield node_statement(name, external_attrs(text, self.options))
        for cross in crossing:
            yield edge_statement(cross.tail, cross.head, cross.attrs)
        yield "}"

    def _title(self) -> str:
        relations = [link.relation for link in self.atlas.links]
        counts = ((len(self.atlas.shared), "shared claim"),
                  (relations.count("supports"), "support"),
                  (relations.count("attacks"), "attack"))
        between = ", ".join(_counted(n, noun) for n, noun in counts if n) or "no links"
        return title_label(f"Atlas of {_counted(len(self.atlas.maps), 'map')}",
                           f"Between the maps: {between}", self.options)

    def _map_box(self, map_id: str) -> Iterator[str]:
        drawing = self.drawings[map_id]
        theme = THEMES[self.options.theme]
        yield f"  subgraph {quote('cluster ~map ' + map_id)} {{"
        title = map_title(drawing.amap, self.options, int(self.options.wrap * 1.6))
        yield "    graph" + attr_list({
            "label": title, "labelloc": "t", "labeljust": "l", "style": "rounded",
            "color": theme.faint, "penwidth": "1.5", "margin": "16"})
        for line in drawing.body():
            yield "  " + line
        yield "  }"

    def _side_by_side(self) -> Iterator[str]:
        """The maps in the order chosen, left to right (top to bottom with LR).

        An invisible node above the maps has an edge to each thesis, and `ordering=out`
        keeps those edges, and so the maps, in the order they are written. The legend
        hangs from it too, its two rows on ranks of their own between it and the maps.
        """
        keyed = self.options.legend or self.labels is not None
        if len(self.drawings) < 2 and not keyed:
            return
        yield node_statement(_TOP, {"shape": "point", "style": "invis", "width": "0.01",
                                    "ordering": "out"})
        if keyed:
            yield edge_statement(_TOP, LEGEND_ANCHOR, {"style": "invis"})
        for drawing in self.drawings.values():
            # Weight 0: the maps must not be pulled towards where the legend is.
            yield edge_statement(_TOP, drawing.names[drawing.amap.thesis.id],
                                 {"style": "invis", "minlen": "3" if keyed else "1",
                                  "weight": "0"})

    # -- links between maps

    def _crossing(self) -> Iterator[_Cross]:
        """Supports and attacks between maps, then one line per pair of versions.

        The versions of a shared claim are chained in the order of their maps, so a
        claim made in three maps takes two lines, not the three pairs a reader would
        have to untangle; a `same_as` to a node that does not exist is drawn as is.
        """
        seen: set[tuple[str, str, str]] = set()
        for link in self.atlas.links:
            key = (link.source, link.relation, link.target)
            if key in seen or (link.relation == SAME_AS and link.resolved):
                continue
            seen.add(key)
            if link.resolved:
                yield from self._cross(link.source, link.relation, link.target)
            else:
                yield from self._to_missing(link)
        for group in self.atlas.shared:
            chain = sorted(group, key=lambda key: self.order.get(key.partition(":")[0], 0))
            for left, right in itertools.pairwise(chain):
                yield from self._cross(left, SAME_AS, right)

    def _cross(self, source: str, relation: str, target: str) -> Iterator[_Cross]:
        """A link between two drawn nodes, from the upper one to the lower one.

        Graphviz routes an edge well only if it may place the edge's bends among the
        nodes it passes; an edge that pulls on nothing (weight 0) and only keeps its head
        no higher than its tail (minlen 0) allows that without moving either map.
        """
        tail, head = self._name(source), self._name(target)
        if tail is None or head is None:
            return
        attrs = {**self._look(relation), "minlen": "0", "weight": "0"}
        if self._level(target) < self._level(source):
            tail, head = head, tail
            if "arrowhead" in attrs:
                attrs.update(dir="back", arrowtail=attrs.pop("arrowhead"))
        yield _Cross(tail, head, attrs)

    def _to_missing(self, link: Link) -> Iterator[_Cross]:
        tail = self._name(link.source)
        if tail is None:
            return
        known = link.target.partition(":")[0] in self.drawings
        text = f"{link.target} (no such node)" if known else link.target
        head = self.externals.setdefault(text, f"~ref {link.target}")
        yield _Cross(tail, head, {**self._look(link.relation), "weight": "0"})

    def _name(self, key: str) -> str | None:
        map_id, _, node_id = key.partition(":")
        drawing = self.drawings.get(map_id)
        return drawing.names.get(node_id) if drawing is not None else None

    def _level(self, key: str) -> int:
        map_id, _, node_id = key.partition(":")
        return self.drawings[map_id].level(node_id)

    def _look(self, relation: str) -> dict[str, str]:
        small = self.options.font_size * 0.8
        if relation == SAME_AS:
            attrs = self._same_as_look()
            colour = THEMES[self.options.theme].same
        else:
            attrs = edge_style(Relation(relation), self.options)
            attrs.update(penwidth=_CROSS_WIDTH, arrowsize="1.1")
            colour = attrs["color"]
        # An xlabel is placed after the layout, where it overlaps nothing.
        attrs.update(fontcolor=colour, fontsize=number(small), xlabel=_SHOWN[relation])
        return attrs

    def _same_as_look(self) -> dict[str, str]:
        colour = THEMES[self.options.theme].same
        # A colour list draws one line per colour side by side: a double line.
        return {"dir": "none", "color": f"{colour}:transparent:{colour}",
                "penwidth": "1.6", "style": "solid"}
