"""The legend: a key in its own box, a node of each kind drawn above sample arrows.

The key lists only what the drawing has (`Shown`): the kinds of node, the arrows, a
reference into another map, and, when nodes are coloured by status, the statuses, with
the kinds then drawn in their shapes but without their colours, so no colour in the key
contradicts the drawing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from argmap.model import Kind, Label, Node, Relation
from argmap.renderers.dot_statements import (
    edge_statement,
    edge_style,
    external_attrs,
    node_statement,
)
from argmap.renderers.dot_style import SHAPES, STATUS_WORDS, THEMES, DotOptions
from argmap.renderers.dot_syntax import attr_list, font, html, number, quote

#: The legend's first node: something to hang the legend from.
LEGEND_ANCHOR = f"~legend {Kind.THESIS.value}"


@dataclass(frozen=True)
class Shown:
    """What a drawing has, so its legend lists that and nothing else."""

    kinds: frozenset[Kind] = frozenset(Kind)
    relations: frozenset[Relation] = frozenset((Relation.SUPPORT, Relation.ATTACK))
    external: bool = True
    statuses: frozenset[Label] = frozenset(Label)

    @classmethod
    def of(cls, nodes: Iterable[Node], labels: Mapping[str, Label] | None,
           external: bool) -> Shown:
        kinds: set[Kind] = set()
        relations: set[Relation] = set()
        statuses: set[Label] = set()
        for node in nodes:
            kinds.add(node.kind)
            if node.kind is Kind.PREMISE or node.supports:
                relations.add(Relation.SUPPORT)
            if node.kind not in (Kind.THESIS, Kind.PREMISE) or node.attacks:
                relations.add(Relation.ATTACK)
            if labels is not None and node.id in labels:
                statuses.add(labels[node.id])
        return cls(frozenset(kinds), frozenset(relations), external, frozenset(statuses))

    def __or__(self, other: Shown) -> Shown:
        return Shown(self.kinds | other.kinds, self.relations | other.relations,
                     self.external or other.external, self.statuses | other.statuses)


def legend(options: DotOptions, status: bool,
           lines: Sequence[tuple[str, Mapping[str, str]]] = (),
           shown: Shown | None = None, below: str | None = None,
           room: float = 0.0) -> Iterator[str]:
    """A key in its own box, in two rows: a node of each kind, then sample arrows.

    `status` adds the colours of the evaluation labels (and takes the kind colours
    away); `lines` adds arrows of other styles after supports and attacks, each a word
    and the edge's attributes; `shown` keeps to what the drawing has. Two short rows
    rather than one long one, so the key is not wider than a small drawing; `below`
    names a node the key is ranked under, so its rows are not as deep as the
    drawing's ranks beside them; `room` leaves that many points free below the key.
    """
    shown = shown or Shown()
    kinds, statuses = _legend_keys(options, status, shown)
    samples: list[tuple[str, Mapping[str, str]]] = [
        (relation.value, edge_style(relation, options))
        for relation in (Relation.SUPPORT, Relation.ATTACK) if relation in shown.relations]
    samples += lines
    small = options.font_size * 0.85
    arrows: list[tuple[str, dict[str, str]]] = []
    for word, _ in samples:
        arrows.append((f"~legend {word}", {
            "shape": "plaintext", "margin": "0.02,0", "label": f"<{font(html(word), small)}>"}))
        for end, width in (("1", "0.01"), ("2", "0.15")):
            arrows.append((f"~legend {word} {end}",
                           {"shape": "point", "style": "invis", "width": width}))
    styles = {f"~legend {word} 1": attrs for word, attrs in samples}
    rows = [row for row in (kinds, statuses + arrows) if row]
    if len(rows) == 2 and len(rows[1]) <= 3:  # a single arrow: it fits on the first row
        rows = [rows[0] + rows[1]]
    yield '  subgraph "cluster ~legend" {'
    yield "    graph" + attr_list({"label": "", "style": "rounded",
                                "color": THEMES[options.theme].faint, "margin": "8"})
    for row in rows:
        for name, attrs in row:
            yield node_statement(name, attrs, "    ")
        yield "    {rank=same; " + " ".join(quote(name) for name, _ in row) + "}"
        for (left, _), (right, _) in itertools.pairwise(row):
            link = {"style": "invis"}
            if left in styles:
                link = {**styles[left], "minlen": "3"}
            yield edge_statement(left, right, link, "    ")
    for upper, lower in itertools.pairwise(rows):
        yield edge_statement(upper[0][0], lower[0][0], {"style": "invis"}, "    ")
    yield "  }"
    if below is not None and rows:
        # Weight 0: the key takes the ranks below, without pulling on the drawing.
        yield edge_statement(below, rows[0][0][0], {"style": "invis", "weight": "0"})
    if room > 0 and rows:
        yield node_statement("~legend room", {"shape": "box", "style": "invis", "label": "",
                                              "width": "0.01", "height": number(room / 72)})
        yield edge_statement(rows[-1][0][0], "~legend room", {"style": "invis"})


def _legend_keys(options: DotOptions, status: bool, shown: Shown,
                 ) -> tuple[list[tuple[str, dict[str, str]]], list[tuple[str, dict[str, str]]]]:
    """The kinds (and a reference into another map), and the statuses."""
    theme = THEMES[options.theme]
    small = options.font_size * 0.85
    keys, statuses = [], []
    for kind in (kind for kind in Kind if kind in shown.kinds):
        attrs = dict(SHAPES[kind])
        fill, border = (theme.background, theme.faint) if status else \
            (theme.fills[kind], theme.borders[kind])
        attrs.update(fillcolor=fill, color=border, label=f"<{font(kind.value, small)}>")
        keys.append((f"~legend {kind.value}", attrs))
    if shown.external:
        external = external_attrs("map:id", options)
        external["label"] = f"<{font('drawn elsewhere', small * 0.9)}>"
        keys.append(("~legend external", external))
    for label, word in STATUS_WORDS.items() if status else ():
        if label not in shown.statuses:
            continue
        statuses.append((f"~legend {word}", {
            "shape": "box", "style": "rounded,filled", "color": theme.faint,
            "fillcolor": theme.status[label], "label": f"<{font(word, small)}>"}))
    return keys, statuses
