"""A map as Graphviz DOT source: pure data in, text out, no Graphviz needed.

`to_dot` lays the map out for reading: conclusions above their reasons (or left of them),
supports solid with a filled arrowhead and attacks dashed with a bar, so the two differ
in greyscale too. Co-premises meet at a small junction before one arrow reaches their
conclusion; each objection sits in a box with everything that answers it.

A `MapDrawing` writes one map's statements, so the atlas (`atlas_dot`) can put several
maps in one graph with the same nodes, labels, themes and legend. Nodes and edges are
written in document order, so the same map always gives the same DOT, byte for byte.

The pieces live beside this module, one concern each: `text_measure` (columns, wrapping,
label sizes), `page_plan` (the page-shape planner), `views` (fold, focus, collapse),
`legend`, `dot_style` (themes and options), `dot_syntax` (quoting and HTML-like labels)
and `dot_statements` (node, edge and graph statements).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from argmap.model import ArgMap, Kind, Label, Node, Relation
from argmap.renderers.dot_statements import (
    EDGE_DEFAULTS,
    edge_statement,
    edge_style,
    graph_attrs,
    map_title,
    node_defaults,
    node_statement,
    stub_attrs,
)
from argmap.renderers.dot_style import SHAPES, SMALL, THEMES, THESIS_SCALE, DotOptions
from argmap.renderers.dot_syntax import attr_list, font, html, join_lines, quote, table
from argmap.renderers.legend import Shown, legend
from argmap.renderers.page_plan import Part, Planner, junction_key
from argmap.renderers.text_measure import NodeText
from argmap.renderers.views import View, fold, prune

SAFE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*\Z")


def to_dot(amap: ArgMap, options: DotOptions | None = None,
           labels: Mapping[str, Label] | None = None) -> str:
    """DOT source for `amap`. With `labels` (node id -> Label), nodes show their status.

    Labels also add their colours to the legend, which is then always drawn. Raises
    `ArgmapError` if `options.focus` names no node of the map.
    """
    return "\n".join(MapDrawing(amap, options or DotOptions(), labels).lines()) + "\n"


@dataclass(frozen=True)
class _Link:
    """One arrow as Graphviz sees it: `upper` is ranked above (or left of) `lower`."""

    upper: str
    lower: str
    attrs: Mapping[str, str]


@dataclass(frozen=True)
class _Stub:
    """The far ends of one node's declared arrows of one kind, as a small box beside it."""

    #: What each row stands for: `P1`, or `arsene:O1`; the undercuts of a link are
    #: drawn onto the arrow to the box only when the box stands for that link alone.
    refs: tuple[str, ...]
    #: Each row: the ids written, and after them, smaller, the map they are in or why
    #: they are not drawn here.
    rows: tuple[tuple[str, str], ...]
    source: str  # the id of the node it is drawn beside
    place: str  # "left" or "right" of it in its row, or "below" it


class MapDrawing:
    """One map's nodes and arrows as DOT statements, alone or as a part of a larger graph.

    `view` picks the nodes (by default the one `options.depth` and `.focus` ask for).
    `prefix` goes before every node's name, so several maps can share one graph; with
    `local_only`, references into other maps are left for the caller to draw.
    """

    def __init__(self, amap: ArgMap, options: DotOptions,
                 labels: Mapping[str, Label] | None = None, *, view: View | None = None,
                 prefix: str = "", local_only: bool = False) -> None:
        self.view = view if view is not None else fold(amap, options.depth, options.focus)
        self.amap = amap if self.view.shown is None else prune(amap, self.view.shown)
        self.options = options
        self.theme = THEMES[options.theme]
        self.labels = labels
        self.prefix = prefix
        self.local_only = local_only
        self.every_id = amap.index().keys()
        self.index = self.amap.index()
        self.names = {node_id: prefix + (node_id if SAFE_NAME.match(node_id) else f"~node{i}")
                      for i, node_id in enumerate(self.index)}
        self.texts = {node.id: NodeText.of(node, self._status(node), options,
                                        self.view.more.get(node.id, 0),
                                        node.id in self.view.compact)
                      for node in self.index.values()}
        self.plan = Planner(self.amap, self.texts, options).make()
        #: The small boxes standing for the far end of a declared arrow, by name: each
        #: source has its own, beside it, so no arrow crosses the drawing.
        self.stubs: dict[str, _Stub] = {}
        #: The nodes with a column of two or more leaves under them: their arrows are
        #: kept in the order they are written, so each runs up its column's side.
        self.rails = {self.plan.hangs_from[leaf] for leaf in self.plan.above}
        #: The nodes at the top of each part, by id: what they hang from, on which
        #: shelf, and their place in that row, to tell which nodes are neighbours.
        self.row_places: dict[str, tuple[str, int, int]] = {}
        #: The names of those nodes (and of linked groups' junctions), row by row.
        self.rows: dict[tuple[str, int], list[str]] = {}
        for upper, parts in self.plan.parts.items():
            place = 0
            for part in parts:
                drop = self.plan.drop.get(part.key, 0)
                if part.shape == "linked":
                    junction = junction_key(self.names[upper], part.nodes[0].group or 0)
                    self.rows.setdefault((upper, drop), []).append(junction)
                    place += 1
                    continue
                for top in (node for node in part.nodes if node.id not in self.plan.above):
                    self.row_places[top.id] = (upper, drop, place)
                    self.rows.setdefault((upper, drop), []).append(self.names[top.id])
                    place += 1
        #: Each linked group's first member, by its junction's key: the junction is
        #: drawn with it. Taken from the plan, so a parent whose id is also another
        #: node's keeps the groups hung under it.
        self.group_heads: dict[str, Node] = {}
        for upper, below in self.plan.under.items():
            for child in below:
                if child.group is not None and child.parent == upper:
                    self.group_heads.setdefault(junction_key(upper, child.group), child)

    def level(self, node_id: str) -> int:
        """About how many ranks below its map's top rank the node is drawn."""
        return self.plan.level(self.index, node_id)

    def _status(self, node: Node) -> Label | None:
        return self.labels.get(node.id) if self.labels is not None else None

    def lines(self) -> Iterator[str]:
        """The whole graph: this map alone, with its title, and its legend if asked for."""
        name = self.amap.id if SAFE_NAME.match(self.amap.id) else "argmap"
        yield f"digraph {quote(name)} {{"
        yield "  graph" + attr_list(graph_attrs(self.options, map_title(self.amap, self.options)))
        yield "  node" + attr_list(node_defaults(self.options))
        yield "  edge" + attr_list(EDGE_DEFAULTS)
        yield from self.body()
        if self.options.legend or self.labels is not None:
            from argmap.renderers.undercut_dot import legend_lines

            lowest = max(self.index, key=self.level)
            yield from legend(self.options, self.labels is not None,
                              legend_lines(self.amap, self.options, self.theme), self.shown(),
                              below=self.names[lowest])
        yield "}"

    def shown(self) -> Shown:
        """What this drawing has, for its legend; complete once `body` has been read."""
        return Shown.of(self.index.values(), self.labels, bool(self.stubs))

    def body(self) -> Iterator[str]:
        """The node and edge statements, without the graph around them."""
        from argmap.renderers import undercut_dot

        links, junctions = undercut_dot.split(
            self.amap, self.names, list(self._links()), self.options, self.theme,
            self.prefix, {name: stub.refs[0] for name, stub in self.stubs.items()
                          if len(stub.refs) == 1})
        yield from self._nodes()
        rows = [tops for (upper, _), tops in self.rows.items()
                if upper == self.amap.thesis.id]
        rows += [[self.names[node.id] for node in part.nodes]
                 for parts in self.plan.parts.values() for part in parts
                 if part.shape == "linked"]
        for tops in rows:
            row: list[str] = []
            for top in tops:
                beside = {place: [name for name, stub in self.stubs.items()
                                  if self.names.get(stub.source) == top and stub.place == place]
                          for place in ("left", "right")}
                row += [*beside["left"], top, *beside["right"]]
            if len(row) > 1:
                # The thesis's parts, and co-premises, in the order of the map, left to
                # right, stubs beside their nodes: the arrows are written in that order
                # too, so they run beside what they pass.
                yield "  {rank=\"same\"; " + "; ".join(quote(name) for name in row) + "}"
                yield "  " + " -> ".join(quote(name) for name in row) + ' [style="invis"]'
        for junction, attrs in junctions:
            yield node_statement(junction, attrs)
        for link in links:
            yield edge_statement(link.upper, link.lower, link.attrs)

    # -- nodes

    def _nodes(self) -> Iterator[str]:
        """Every node; each part under the thesis in a cluster, so parts stay apart."""
        thesis = self.amap.thesis
        placed = {thesis.id}
        yield from self._node(thesis.id, "  ")
        for part in self.plan.parts[thesis.id]:
            ids = [node.id for node in part.nodes]
            ids += [d for node in part.nodes for d in self.plan.descendants(node.id)]
            placed.update(ids)
            if part.shape == "column":
                # Not a cluster: the arrows up the columns' sides run outside the
                # column, and Graphviz keeps them in order only among nodes outside
                # any cluster. Leaves have nothing below them to keep apart.
                for node_id in ids:
                    yield from self._node(node_id, "  ")
            else:
                yield from self._cluster(part, ids)
        for node_id in self.index:
            if node_id not in placed and node_id not in self.plan.hangs_from:
                yield from self._node(node_id, "  ")
                for below in self.plan.descendants(node_id):
                    yield from self._node(below, "  ")

    def _cluster(self, part: Part, ids: list[str]) -> Iterator[str]:
        first = part.nodes[0]
        name = "cluster " + (self.names[first.id] if part.shape != "linked" else
                             junction_key(self.names[self.amap.thesis.id], first.group or 0))
        if part.shape == "tree" and first.kind is Kind.OBJECTION:
            look = {"style": "rounded,filled", "fillcolor": self.theme.group_fill,
                    "color": self.theme.group_border, "margin": "10"}
        else:
            look = {"peripheries": "0", "margin": "4"}
        yield f"  subgraph {quote(name)} {{"
        yield "    graph" + attr_list({**look, "label": ""})
        for node_id in ids:
            yield from self._node(node_id, "    ")
        yield "  }"

    def _node(self, node_id: str, indent: str) -> Iterator[str]:
        node = self.index[node_id]
        if (node.group is not None and node.parent is not None
                and self.group_heads.get(junction_key(node.parent, node.group)) is node):
            junction = junction_key(self.names[node.parent], node.group)
            yield node_statement(junction, {
                "shape": "point", "width": "0.09", "label": "",
                "color": self.theme.support}, indent)
        yield node_statement(self.names[node_id], self._node_attrs(node), indent)
        stubs = [name for name, stub in self.stubs.items() if stub.source == node_id]
        for name in stubs:
            yield node_statement(name, stub_attrs(self.stubs[name].rows, self.options), indent)
        row = [name for name in stubs if self.stubs[name].place == "left"]
        row += [self.names[node_id]]
        row += [name for name in stubs if self.stubs[name].place == "right"]
        if len(row) > 1:
            # In the node's own row, so its arrows to them are short and cross nothing.
            yield f'{indent}{{rank="same"; {"; ".join(quote(name) for name in row)}}}'
            yield indent + " -> ".join(quote(name) for name in row) + ' [style="invis"]'

    def _node_attrs(self, node: Node) -> dict[str, str]:
        status = self._status(node)
        attrs = dict(SHAPES[node.kind])
        attrs.update(
            fillcolor=self.theme.status[status] if status else self.theme.fills[node.kind],
            color=self.theme.borders[node.kind], label=self._label(node, status))
        if node.id in self.view.compact:
            attrs.update(margin="0.08,0.03", penwidth="1")
        if node.id in self.rails:
            attrs["ordering"] = "out"
        return attrs

    def _label(self, node: Node, status: Label | None) -> str:
        text = self.texts[node.id]
        small = self.options.font_size * SMALL
        faint = self.theme.faint
        claim = join_lines(text.claim)
        if node.kind is Kind.THESIS and not text.compact:
            claim = font(f"<B>{claim}</B>", self.options.font_size * THESIS_SCALE)
        if status is Label.OUT:
            claim = font(claim, colour=faint)
        rows = [font(f"<I>{join_lines(text.held_by)}</I>", small, faint)] if text.held_by else []
        rows += [font("<I>granted</I>", small, faint)] if node.granted else []
        rows += [claim, font(join_lines(text.meta), small, faint)]
        if text.more:
            rows.append(font(f"<I>{html(text.more)}</I>", small, faint))
        return table(rows)

    # -- edges

    def _links(self) -> Iterator[_Link]:
        """Every arrow: first those of the tree, each node's in the order its parts are
        drawn, so `ordering` keeps them so; then the ones declared across the tree."""
        done: set[tuple[str, str, Relation]] = set()
        for node in self.amap.walk():
            if self.index.get(node.id) is node:
                yield from self._under_links(node.id, done)
        for node in self.amap.walk():
            if self.index.get(node.id) is node:
                yield from self._declared_links(node, done)

    def _under_links(self, upper_id: str, done: set[tuple[str, str, Relation]],
                     ) -> Iterator[_Link]:
        """The arrows from the nodes hanging under `upper_id`, left to right."""
        upper = self.names[upper_id]
        for part in self.plan.parts.get(upper_id, ()):
            if part.shape == "linked":
                group = part.nodes[0].group or 0
                attrs = self._style(Relation.SUPPORT, tail=True)
                self._drop(part.key, attrs)
                yield _Link(upper, junction_key(upper, group), attrs)
            for node in self._rail_order(part):
                relation = Relation.SUPPORT if node.kind is Kind.PREMISE else Relation.ATTACK
                done.add((node.id, upper, relation))
                yield from self._tree_links(node, upper_id, relation)

    def _rail_order(self, part: Part) -> list[Node]:
        """The nodes of `part` in the order their arrows leave the node above.

        In a column, the arrows to the leaves below the first run up the column's side
        facing that node, the lowest outermost: so on a column's left side they are
        listed bottom first.
        """
        if part.shape != "column":
            return list(part.nodes)
        ordered: list[Node] = []
        column: list[Node] = []
        for leaf in (*part.nodes, None):
            if column and (leaf is None or leaf.id not in self.plan.above):
                west = self.plan.side.get(column[0].id) == "w"
                ordered += reversed(column) if west else column
                column = []
            if leaf is not None:
                column.append(leaf)
        return ordered

    def _declared_links(self, node: Node, done: set[tuple[str, str, Relation]],
                        ) -> Iterator[_Link]:
        """The arrows `supports:` and `attacks:` declare beyond the tree.

        An arrow reaches the node it points at only when the two are drawn side by
        side; the others end in a stub beside `node`, one for its supports and one for
        its attacks, which names the nodes they point at: so no arrow crosses the
        drawing, and none pulls on the layout.
        """
        declared = [(ref, Relation.SUPPORT) for ref in node.supports]
        declared += [(ref, Relation.ATTACK) for ref in node.attacks]
        # A compact node only shows the way to what is drawn: its far links are told
        # where the node is drawn in full, not in stubs that widen the way.
        compact = node.id in self.view.compact
        far: dict[Relation, dict[str, tuple[str, str]]] = {}
        for ref, relation in declared:
            local = ref.map in (None, self.amap.id)
            name = self.names.get(ref.id) if local else None
            if name is not None and (node.id, name, relation) in done:
                continue
            if name is not None and self._beside(node.id, ref.id):
                done.add((node.id, name, relation))
                yield _Link(self.names[node.id], name,
                            {**self._style(relation, tail=False), "constraint": "false"})
            elif compact:
                continue
            elif local and ref.id in self.every_id:
                far.setdefault(relation, {})[ref.id] = (ref.id, "" if name else "folded away")
            elif local:
                far.setdefault(relation, {})[ref.id] = (f"{ref.id} (not in this map)", "")
            elif not self.local_only:
                far.setdefault(relation, {})[str(ref)] = (ref.id, f"in {ref.map}")
        for count, (relation, rows) in enumerate(far.items()):
            yield self._stub_link(node, relation, rows, count)

    def _stub_link(self, node: Node, relation: Relation,
                   rows: Mapping[str, tuple[str, str]], count: int) -> _Link:
        """The arrow from `node` to its `count`-th stub, which holds `rows` by ref."""
        rail = self.plan.side.get(node.id)  # the column's arrows run up that side
        # Stubs in the row, on the sides no arrow comes in by; any others below. In the
        # atlas, inside nested boxes, Graphviz fails to route a row with stubs on both
        # sides of a node, so there the second one goes below.
        free = ["left"] if rail == "e" else ["right"] if rail == "w" or self.prefix \
            else ["right", "left"]
        if node.group is not None and node.parent is not None:
            # Co-premises stand side by side: only the outer side of the outer ones is free.
            group = [child.id for child in self.plan.under.get(node.parent, [])
                     if child.group == node.group and child.parent == node.parent]
            free = [side for side, end in (("left", group[0]), ("right", group[-1]))
                    if end == node.id]
        place = free[count] if count < len(free) else "below"
        refs = tuple(rows)
        name = f"~ref {self.prefix}{refs[0]}"
        number = 1
        while name in self.stubs:
            number += 1
            name = f"~ref {self.prefix}{refs[0]} {number}"
        grouped: dict[str, list[str]] = {}
        for shown, note in rows.values():
            grouped.setdefault(note, []).append(shown)
        self.stubs[name] = _Stub(refs, tuple((", ".join(ids), note)
                                             for note, ids in grouped.items()),
                                 node.id, place)
        attrs = self._style(relation, tail=False)
        if place == "left":
            attrs["constraint"] = "false"  # the row's invisible arrows keep it on the left
        return _Link(self.names[node.id], name, attrs)

    def _tree_links(self, node: Node, upper_id: str, relation: Relation) -> Iterator[_Link]:
        name = self.names[node.id]
        if node.group is not None and node.parent == upper_id:
            junction = junction_key(self.names[upper_id], node.group)
            yield _Link(junction, name, {"dir": "none", "color": self.theme.support})
            return
        attrs = self._style(relation, tail=True)
        above = self.plan.above.get(node.id)
        if above is not None:
            # A leaf in a column: the column is held together by an invisible edge, and
            # the real arrow runs up the column's side facing the node above and enters
            # the leaf from that side (the order of the arrows, see `_rail_order`, keeps
            # them beside the column rather than round it).
            yield _Link(self.names[above], name, {"style": "invis", "weight": "4"})
            attrs["headport"] = self.plan.side.get(node.id, "e")
        self._drop(node.id, attrs)
        yield _Link(self.names[upper_id], name, attrs)

    def _drop(self, key: str, attrs: dict[str, str]) -> None:
        drop = self.plan.drop.get(key)
        if drop:
            attrs["minlen"] = str(drop + 1)

    def _beside(self, one: str, other: str) -> bool:
        """Whether the two nodes are drawn next to each other: in one row, or one just
        under the other."""
        first, second = self.row_places.get(one), self.row_places.get(other)
        if first is not None and second is not None and first[:2] == second[:2]:
            return abs(first[2] - second[2]) == 1
        return any(self.plan.hangs_from.get(lower) == upper and lower not in self.plan.above
                   and not self.plan.drop.get(lower)
                   for lower, upper in ((one, other), (other, one)))

    def _style(self, relation: Relation, tail: bool) -> dict[str, str]:
        return edge_style(relation, self.options, tail)

