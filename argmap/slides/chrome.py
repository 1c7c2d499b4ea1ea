"""One slide as DOT: its nodes, drawn as `argmap render` draws them, with the slide's chrome.

The chrome is the same on every slide: the heading and, below it, the slide's number,
the map's title and its source, at the top left; the legend of the whole deck (what any
of its slides draws), so the key does not change from slide to slide. A node whose
nodes below go on later says how many and on which slide.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from argmap.model import ArgMap, Kind, Label
from argmap.renderers.dot import SAFE_NAME, MapDrawing
from argmap.renderers.dot_statements import (
    EDGE_DEFAULTS,
    graph_attrs,
    node_defaults,
    title_label,
)
from argmap.renderers.dot_style import THEMES, DotOptions
from argmap.renderers.dot_syntax import attr_list, quote
from argmap.renderers.legend import Shown, legend
from argmap.renderers.text_measure import opening
from argmap.renderers.views import View
from argmap.slides.plan import Slide

_NOUNS = {Kind.THESIS: "Thesis", Kind.PREMISE: "Reason", Kind.OBJECTION: "Objection",
          Kind.COUNTEREXAMPLE: "Counterexample", Kind.REBUTTAL: "Rebuttal"}
_WHAT_FOLLOWS = {Kind.PREMISE: "and what supports it"}


@dataclass(frozen=True)
class Key:
    """The legend every slide of a deck shares: what the whole deck draws."""

    shown: Shown
    lines: tuple[tuple[str, Mapping[str, str]], ...]

    @classmethod
    def of(cls, amap: ArgMap, options: DotOptions,
           labels: Mapping[str, Label] | None) -> Key:
        from argmap.renderers.undercut_dot import legend_lines

        whole = MapDrawing(amap, options, labels, view=View())
        for _ in whole.body():  # fills in the references to other maps
            pass
        return cls(whole.shown(), tuple(legend_lines(amap, options, whole.theme)))


def heading(amap: ArgMap, slide: Slide) -> str:
    """What the slide is about: `Overview: ...`, `Objection O1 and the answers to it,
    continued (2 of 3)`."""
    if slide.overview:
        words = "Overview: the thesis, its reasons and the objections to it"
    else:
        node = amap.index()[slide.branch]
        words = f"{_NOUNS[node.kind]} {node.id} " + _WHAT_FOLLOWS.get(
            node.kind, "and the answers to it")
    if slide.part > 1:
        words += ", continued"
    if slide.parts > 1:
        words += f" ({slide.part} of {slide.parts})"
    return words


def byline(amap: ArgMap, number: int, total: int) -> str:
    """The slide's number, the map's title and its source, on one line."""
    source = amap.source
    who = source.authors + (f" ({source.year})" if source.year else "")
    return " · ".join(part for part in (f"Slide {number} of {total}", amap.title, who)
                      if part)


@dataclass(frozen=True)
class Page:
    """Room to fill so the chrome sits in the same place on every slide: the heading as
    wide as the page (so it starts at its left edge) and room below the legend (so the
    heading is at the top edge), in points; `pad` is what is left to reach the shape."""

    width: float = 0.0
    below: float = 0.0
    pad: str | None = None


def slide_dot(amap: ArgMap, slide: Slide, number: int, total: int, options: DotOptions,
              key: Key, labels: Mapping[str, Label] | None = None,
              page: Page | None = None) -> str:
    """The DOT source of slide `number` (from 1) of `total`, filling `page`."""
    return "\n".join(_lines(amap, slide, number, total, options, key, labels,
                            page or Page())) + "\n"


def _lines(amap: ArgMap, slide: Slide, number: int, total: int, options: DotOptions,
           key: Key, labels: Mapping[str, Label] | None, page: Page) -> Iterator[str]:
    compact = set(slide.context)
    if amap.thesis.id not in slide.kept:
        compact.add(amap.thesis.id)
    view = View(slide.kept | compact, frozenset(compact),
                {node_id: count for node_id, (count, _) in slide.continued.items()})
    drawing = MapDrawing(amap, options, labels, view=view)
    for node_id in slide.context - {amap.thesis.id}:
        # A step on the way down from the thesis: its id and the start of its claim.
        drawing.texts[node_id] = replace(
            drawing.texts[node_id],
            claim=opening(drawing.index[node_id].claim, options.wrap, 1))
    for node_id, (count, later) in slide.continued.items():
        drawing.texts[node_id] = replace(drawing.texts[node_id],
                                         more=f"+{count} more on slide {later + 1}")
    name = amap.id if SAFE_NAME.match(amap.id) else "argmap"
    # Why the thesis does not stand (`--status`) goes under the overview's heading only.
    title = title_label(heading(amap, slide), byline(amap, number, total),
                        options if slide.overview else replace(options, caption=""),
                        options.wrap * 4)
    if page.width:
        title = title.replace("<<TABLE ", f'<<TABLE WIDTH="{int(page.width)}" ', 1)
    attrs = graph_attrs(options, title)
    # The page shape is made by padding, not by Graphviz stretching the layout.
    attrs.pop("ratio", None)
    attrs.pop("size", None)
    attrs["ranksep"] = "0.3"  # inches, `deck.RANKSEP`: a slide's height is dear
    attrs["margin"] = "0"  # PDF pages otherwise get half an inch more round them
    if page.pad is not None:
        attrs["pad"] = page.pad
    yield f"digraph {quote(name)} {{"
    yield "  graph" + attr_list(attrs)
    yield "  node" + attr_list(node_defaults(options))
    yield "  edge" + attr_list(EDGE_DEFAULTS)
    yield from drawing.body()
    if len(compact) > 3:
        # The way down from the thesis in one row, like a path of folders: a deep
        # branch does not spend a rank on every step.
        yield "  {rank=same; " + " ".join(quote(drawing.names[node_id]) for node_id
                                          in drawing.index if node_id in compact) + "}"
    lowest = max(drawing.index, key=drawing.level)
    yield from legend(options, labels is not None, key.lines, key.shown,
                      below=drawing.names[lowest], room=page.below)
    yield "}"


def background(options: DotOptions) -> str:
    return THEMES[options.theme].background
