"""The legend: a key in its own box with a node of each kind and sample arrows."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence

from argmap.model import Kind, Relation
from argmap.renderers.dot_statements import (
    edge_statement,
    edge_style,
    external_attrs,
    node_statement,
)
from argmap.renderers.dot_style import SHAPES, STATUS_WORDS, THEMES, DotOptions
from argmap.renderers.dot_syntax import attr_list, font, html, quote

#: The legend's first node: something to hang the legend from.
LEGEND_ANCHOR = f"~legend {Kind.THESIS.value}"


def legend(options: DotOptions, status: bool,
           lines: Sequence[tuple[str, Mapping[str, str]]] = ()) -> Iterator[str]:
    """A key in its own box, on one rank: a node of each kind, then sample arrows.

    `status` adds the colours of the evaluation labels; `lines` adds arrows of other
    styles after supports and attacks, each a word and the edge's attributes.
    """
    keys = _legend_keys(options, status)
    samples: list[tuple[str, Mapping[str, str]]] = [
        (relation.value, edge_style(relation, options))
        for relation in (Relation.SUPPORT, Relation.ATTACK)]
    samples += lines
    small = options.font_size * 0.85
    for word, _ in samples:
        keys.append((f"~legend {word}", {
            "shape": "plaintext", "margin": "0.02,0", "label": f"<{font(html(word), small)}>"}))
        for end, width in (("1", "0.01"), ("2", "0.15")):
            keys.append((f"~legend {word} {end}",
                         {"shape": "point", "style": "invis", "width": width}))
    arrows = {f"~legend {word} 1": attrs for word, attrs in samples}
    yield '  subgraph "cluster ~legend" {'
    yield "    graph" + attr_list({"label": "", "style": "rounded",
                                "color": THEMES[options.theme].faint, "margin": "8"})
    for name, attrs in keys:
        yield node_statement(name, attrs, "    ")
    yield "    {rank=same; " + " ".join(quote(name) for name, _ in keys) + "}"
    for (left, _), (right, _) in itertools.pairwise(keys):
        link = {"style": "invis"}
        if left in arrows:
            link = {**arrows[left], "minlen": "3"}
        yield edge_statement(left, right, link, "    ")
    yield "  }"


def _legend_keys(options: DotOptions, status: bool) -> list[tuple[str, dict[str, str]]]:
    theme = THEMES[options.theme]
    small = options.font_size * 0.85
    keys = []
    for kind in Kind:
        attrs = dict(SHAPES[kind])
        attrs.update(fillcolor=theme.fills[kind], color=theme.borders[kind],
                     label=f"<{font(kind.value, small)}>")
        keys.append((f"~legend {kind.value}", attrs))
    external = external_attrs("map:id", options)
    external["label"] = f"<{font('in another map', small * 0.9)}>"
    keys.append(("~legend external", external))
    for label, word in STATUS_WORDS.items() if status else ():
        keys.append((f"~legend {word}", {
            "shape": "box", "style": "rounded,filled", "color": theme.faint,
            "fillcolor": theme.status[label], "label": f"<{font(word, small)}>"}))
    return keys
