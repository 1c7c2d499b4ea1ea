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

from argmap.model import ArgMap, Kind, Label, Node, Ref, Relation
from argmap.renderers.dot_statements import (
    EDGE_DEFAULTS,
    edge_statement,
    edge_style,
    external_attrs,
    graph_attrs,
    map_title,
    node_defaults,
    node_statement,
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
        self._levels: dict[str, int] = {}
        self.externals: dict[str, str] = {}
        #: Each linked group's first member, by its junction's key: the junction is
        #: drawn with it. Taken from the plan, so a parent whose id is also another
        #: node's keeps the groups hung under it.
        self.group_heads: dict[str, Node] = {}
        for upper, below in self.plan.under.items():
            for child in below:
                if child.group is not None and child.parent == upper:
                    self.group_heads.setdefault(junction_key(upper, child.group), child)

    def level(self, node_id: str) -> int:
        """About how many ranks below its map's top rank the node is drawn.

        Counted from the plan (shelves, columns, junctions), so it is known before
        Graphviz runs; Graphviz may still move a node further down. Each node's level
        is kept, so asking for every node of a long chain takes linear time.
        """
        plan, steps = self.plan, []
        while node_id in plan.hangs_from and node_id not in self._levels:
            node, upper = self.index[node_id], plan.hangs_from[node_id]
            if node.group is not None and node.parent == upper:
                step = 2 + plan.drop.get(junction_key(upper, node.group), 0)
            else:
                top, step = node_id, 0
                while top in plan.above:
                    top, step = plan.above[top], step + 1
                step += 1 + plan.drop.get(top, 0)
            steps.append((node_id, step))
            node_id = upper
        level = self._levels.get(node_id, 0)
        for below, step in reversed(steps):
            level += step
            self._levels[below] = level
        return level

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
        return Shown.of(self.index.values(), self.labels, bool(self.externals))

    def body(self) -> Iterator[str]:
        """The node and edge statements, without the graph around them."""
        from argmap.renderers import undercut_dot

        links, junctions = undercut_dot.split(self.amap, self.names, list(self._links()),
                                              self.options, self.theme, self.prefix,
                                              self.externals)
        yield from self._nodes()
        for ref, external in self.externals.items():
            yield node_statement(external, external_attrs(ref, self.options))
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

    def _node_attrs(self, node: Node) -> dict[str, str]:
        status = self._status(node)
        attrs = dict(SHAPES[node.kind])
        attrs.update(
            fillcolor=self.theme.status[status] if status else self.theme.fills[node.kind],
            color=self.theme.borders[node.kind], label=self._label(node, status))
        if node.id in self.view.compact:
            attrs.update(margin="0.08,0.03", penwidth="1")
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
        done: set[tuple[str, str, Relation]] = set()
        for node in self.amap.walk():
            if self.index.get(node.id) is not node:
                continue
            for group in self._groups(node.id):
                key = junction_key(node.id, group)
                attrs = self._style(Relation.SUPPORT, tail=True)
                self._drop(key, attrs)
                yield _Link(self.names[node.id], junction_key(self.names[node.id], group), attrs)
            yield from self._node_links(node, done)

    def _node_links(self, node: Node, done: set[tuple[str, str, Relation]]) -> Iterator[_Link]:
        upper_id = self.plan.hangs_from.get(node.id)
        if upper_id is not None:
            relation = Relation.SUPPORT if node.kind is Kind.PREMISE else Relation.ATTACK
            done.add((node.id, self.names[upper_id], relation))
            yield from self._tree_links(node, upper_id, relation)
        declared = [(ref, Relation.SUPPORT) for ref in node.supports]
        declared += [(ref, Relation.ATTACK) for ref in node.attacks]
        for ref, relation in declared:
            target = self._resolve(ref)
            if target is not None and (node.id, target, relation) not in done:
                done.add((node.id, target, relation))
                yield self._declared_link(node, target, relation)

    def _tree_links(self, node: Node, upper_id: str, relation: Relation) -> Iterator[_Link]:
        name = self.names[node.id]
        if node.group is not None and node.parent == upper_id:
            junction = junction_key(self.names[upper_id], node.group)
            yield _Link(junction, name, {"dir": "none", "color": self.theme.support})
            return
        attrs = self._style(relation, tail=True)
        above = self.plan.above.get(node.id)
        if above is not None:
            # A leaf in a column: the column is held together by an invisible edge and
            # the real arrow, which pulls on nothing, reaches the leaf from the side,
            # so it runs beside the column.
            yield _Link(self.names[above], name, {"style": "invis"})
            attrs.update(weight="0", headport="e")
        self._drop(node.id, attrs)
        yield _Link(self.names[upper_id], name, attrs)

    def _drop(self, key: str, attrs: dict[str, str]) -> None:
        drop = self.plan.drop.get(key)
        if drop:
            attrs["minlen"] = str(drop + 1)

    def _declared_link(self, node: Node, target: str, relation: Relation) -> _Link:
        attrs = self._style(relation, tail=False)
        if not target.startswith("~ref "):
            attrs["constraint"] = "false"
        return _Link(self.names[node.id], target, attrs)

    def _resolve(self, ref: Ref) -> str | None:
        """The name of the node `ref` points at; None if it is not drawn here."""
        local = ref.map in (None, self.amap.id)
        if local and ref.id in self.index:
            return self.names[ref.id]
        if (ref.id in self.every_id) if local else self.local_only:
            return None
        shown = str(ref) if not local else ref.id
        return self.externals.setdefault(shown, f"~ref {self.prefix}{shown}")

    def _groups(self, node_id: str) -> list[int]:
        """The linked groups hung under `node_id`, in order."""
        return sorted({child.group for child in self.plan.under.get(node_id, ())
                       if child.group is not None and child.parent == node_id})

    def _style(self, relation: Relation, tail: bool) -> dict[str, str]:
        return edge_style(relation, self.options, tail)

