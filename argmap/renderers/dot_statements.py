"""DOT statements shared by every drawing: nodes, edges, graph attributes, titles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from argmap.model import ArgMap, Relation
from argmap.renderers.dot_style import (
    ARROWS,
    FONT,
    LINES,
    NODESEP,
    RANKSEP,
    SMALL,
    THEMES,
    DotOptions,
)
from argmap.renderers.dot_syntax import attr_list, font, html, join_lines, number, quote, table
from argmap.renderers.text_measure import wrap

EDGE_DEFAULTS: Mapping[str, str] = {"fontname": FONT, "penwidth": "1.4", "arrowsize": "0.8"}


def node_statement(name: str, attrs: Mapping[str, str], indent: str = "  ") -> str:
    return indent + quote(name) + attr_list(attrs)


def edge_statement(tail: str, head: str, attrs: Mapping[str, str], indent: str = "  ") -> str:
    return f"{indent}{quote(tail)} -> {quote(head)}" + attr_list(attrs)


def graph_attrs(options: DotOptions, label: str) -> dict[str, str]:
    """The whole graph's attributes: direction, colours, spacing, page shape, title."""
    theme = THEMES[options.theme]
    attrs = {
        "rankdir": options.direction,
        "bgcolor": theme.background,
        "fontname": FONT,
        "fontsize": number(options.font_size * 1.5),
        "fontcolor": theme.text,
        "label": label,
        "labelloc": "t",
        "labeljust": "l",
        "newrank": "true",
        "nodesep": number(NODESEP),
        "ranksep": number(RANKSEP),
        "pad": "0.3",
        "outputorder": "edgesfirst",
    }
    ratio = options.ratio
    if ratio:
        # Scaled down only past 40 inches (3840 pixels). Not stretched to the shape:
        # that pulls clusters and the legend's rows apart; `graphviz_run` pads instead.
        attrs["size"] = f"{number(min(40, 40 * ratio))},{number(min(40, 40 / ratio))}"
    return attrs


def node_defaults(options: DotOptions) -> dict[str, str]:
    return {"fontname": FONT, "fontsize": number(options.font_size),
            "fontcolor": THEMES[options.theme].text, "margin": "0.12,0.06"}


def title_label(title: str, byline: str, options: DotOptions, width: int | None = None) -> str:
    """A heading: the title in bold, the byline below it in the faint colour.

    Lines wrap at `width` columns, three times the claims' width unless told.
    """
    width = width or options.wrap * 3
    rows = [f"<B>{join_lines(wrap(title, width))}</B>"]
    if byline:
        rows.append(font(join_lines(wrap(byline, width)), options.font_size,
                          THEMES[options.theme].faint))
    if options.caption:
        rows.append(font(join_lines(wrap(options.caption, width)), options.font_size,
                          THEMES[options.theme].text))
    return table(rows)


def map_title(amap: ArgMap, options: DotOptions, width: int | None = None) -> str:
    """The map's title, with its authors and year below."""
    source = amap.source
    byline = source.authors + (f" ({source.year})" if source.year else "")
    return title_label(amap.title, byline, options, width)


def external_attrs(ref: str, options: DotOptions) -> dict[str, str]:
    """A small dashed box for a reference to a node that is not drawn: `ref` as written."""
    theme = THEMES[options.theme]
    words = f"{ref} (not in this map)" if ":" not in ref else ref
    return {
        "shape": "box", "style": "dashed,rounded", "color": theme.external,
        "fontcolor": theme.external, "margin": "0.08,0.03",
        "label": f"<{font(join_lines(wrap(words, options.wrap * 2)), options.font_size * 0.8)}>",
    }


def stub_attrs(rows: Sequence[tuple[str, str]], options: DotOptions) -> dict[str, str]:
    """A small dashed box standing for nodes drawn elsewhere, folded away or in another
    map: a row of ids for each `(ids, note)`, followed by `note` (the map they are in,
    or why they are not drawn here) in smaller italics. No claim: the box stands in
    for nodes, it does not repeat them.
    """
    theme = THEMES[options.theme]
    size, small = options.font_size * 0.8, options.font_size * SMALL
    lines = []
    for ids, note in rows:
        line = font(join_lines(wrap(ids, options.wrap)), size)
        lines.append(line + (" " + font(f"<I>{html(note)}</I>", small) if note else ""))
    return {
        "shape": "box", "style": "dashed,rounded", "color": theme.external,
        "fontcolor": theme.external, "margin": "0.06,0.02", "label": table(lines),
    }


def edge_style(relation: Relation, options: DotOptions, tail: bool = False) -> dict[str, str]:
    """A support or an attack: colour, line and arrowhead (at the tail if `tail`)."""
    theme = THEMES[options.theme]
    colour = theme.support if relation is Relation.SUPPORT else theme.attack
    attrs = {"color": colour, "style": LINES[relation]}
    if tail:
        attrs.update(dir="back", arrowtail=ARROWS[relation])
    else:
        attrs["arrowhead"] = ARROWS[relation]
    return attrs
