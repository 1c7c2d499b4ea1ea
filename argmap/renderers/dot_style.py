"""How a drawing looks: themes, the shape of each kind of node, and the drawing options.

Shapes and line styles are the same in every theme, so kinds and relations stay apart
in greyscale too; the themes only change colours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from argmap.model import Kind, Label, Relation

#: A Latin font first, so quotes, apostrophes and dashes in English text are drawn
#: narrow; Graphviz (through Pango) takes each character the first font lacks, such as
#: Chinese, from the next font in the list that has it: the CJK fonts at the end.
FONT = ("Noto Sans,DejaVu Sans,Liberation Sans,Arial,"
        "Noto Sans CJK SC,Source Han Sans SC,PingFang SC,Microsoft YaHei,sans-serif")
DIRECTIONS = ("TB", "LR")
STATUS_WORDS = {Label.IN: "stands", Label.OUT: "defeated", Label.UNDECIDED: "undecided"}

SMALL = 0.72  # the id and locator row, relative to the claim
THESIS_SCALE = 1.2  # the thesis's claim, relative to the others
NODESEP = 0.25  # inches
RANKSEP = 0.4  # inches


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    faint: str
    support: str
    attack: str
    external: str
    group_fill: str
    group_border: str
    #: The double line between versions of one claim in different maps.
    same: str
    fills: Mapping[Kind, str]
    borders: Mapping[Kind, str]
    status: Mapping[Label, str]


THEMES: Mapping[str, Theme] = {
    "light": Theme(
        background="#ffffff", text="#1a1a1a", faint="#5f6368",
        support="#2e7d32", attack="#c62828", external="#757575",
        group_fill="#fdf3f2", group_border="#e6b8b5", same="#6a1b9a",
        fills={Kind.THESIS: "#ffe8a3", Kind.PREMISE: "#e3eefb", Kind.OBJECTION: "#fbd9d6",
               Kind.COUNTEREXAMPLE: "#fde6cc", Kind.REBUTTAL: "#e9e1f5"},
        borders={Kind.THESIS: "#8a6d00", Kind.PREMISE: "#4a78b0", Kind.OBJECTION: "#a8322b",
                 Kind.COUNTEREXAMPLE: "#b86e1e", Kind.REBUTTAL: "#6a4c9c"},
        status={Label.IN: "#c8e6c9", Label.OUT: "#eeeeee", Label.UNDECIDED: "#fff3b0"},
    ),
    "dark": Theme(
        background="#1e1f22", text="#e8e8e8", faint="#a9adb3",
        support="#7bc67e", attack="#ff7b72", external="#9e9e9e",
        group_fill="#2a2224", group_border="#6b3b3b", same="#ce93d8",
        fills={Kind.THESIS: "#5c4a12", Kind.PREMISE: "#1f3550", Kind.OBJECTION: "#5a2323",
               Kind.COUNTEREXAMPLE: "#5a3a17", Kind.REBUTTAL: "#3b2f55"},
        borders={Kind.THESIS: "#f2c94c", Kind.PREMISE: "#6fa3e0", Kind.OBJECTION: "#ff7b72",
                 Kind.COUNTEREXAMPLE: "#f0a050", Kind.REBUTTAL: "#b59ae6"},
        status={Label.IN: "#24502a", Label.OUT: "#3a3a3a", Label.UNDECIDED: "#5a5117"},
    ),
    "print": Theme(
        background="#ffffff", text="#000000", faint="#444444",
        support="#000000", attack="#444444", external="#666666",
        group_fill="#f4f4f4", group_border="#9a9a9a", same="#000000",
        fills={Kind.THESIS: "#d9d9d9", Kind.PREMISE: "#ffffff", Kind.OBJECTION: "#ebebeb",
               Kind.COUNTEREXAMPLE: "#f5f5f5", Kind.REBUTTAL: "#ffffff"},
        borders=dict.fromkeys(Kind, "#000000"),
        status={Label.IN: "#ffffff", Label.OUT: "#bdbdbd", Label.UNDECIDED: "#e0e0e0"},
    ),
}

#: Shape and line per kind, the same in every theme so kinds survive greyscale.
SHAPES: Mapping[Kind, Mapping[str, str]] = {
    Kind.THESIS: {"shape": "box", "style": "rounded,filled", "penwidth": "3"},
    Kind.PREMISE: {"shape": "box", "style": "rounded,filled", "penwidth": "1"},
    Kind.OBJECTION: {"shape": "box", "style": "filled", "penwidth": "1.2",
                     "peripheries": "2"},
    Kind.COUNTEREXAMPLE: {"shape": "box", "style": "filled,diagonals", "penwidth": "1.2"},
    Kind.REBUTTAL: {"shape": "note", "style": "filled", "penwidth": "1.2"},
}
ARROWS = {Relation.SUPPORT: "normal", Relation.ATTACK: "tee"}
LINES = {Relation.SUPPORT: "solid", Relation.ATTACK: "dashed"}


@dataclass(frozen=True)
class DotOptions:
    """How to draw: theme, direction, text width in columns, font size, page shape."""

    theme: str = "light"
    direction: str = "TB"
    wrap: int = 32
    font_size: float = 14.0
    #: Width over height of the page, e.g. 16/9: the layout is folded towards it, and
    #: the drawing is padded to it exactly (`graphviz_run`).
    ratio: float | None = None
    legend: bool = False
    #: Levels below the thesis (or below `focus`) to draw; deeper nodes are folded away
    #: and the node they hang from says how many. None draws every level.
    depth: int | None = None
    #: Draw only this node's subtree and the nodes from the thesis down to it.
    focus: str | None = None
    #: A sentence under the title, such as why the thesis does not stand (`--status`).
    caption: str = ""
    #: Stack leaves in columns beside their arrows (TB only); slides, with few nodes
    #: each, draw them side by side instead.
    columns: bool = True

    @property
    def fold_to(self) -> float:
        return self.ratio or 16 / 9
