"""A map as Graphviz DOT source: pure data in, text out, no Graphviz needed.

`to_dot` lays the map out for reading: conclusions above their reasons (or left of them),
supports solid with a filled arrowhead and attacks dashed with a bar, so the two differ
in greyscale too. Co-premises meet at a small junction before one arrow reaches their
conclusion; each objection sits in a box with everything that answers it.

Wide maps are folded towards the page shape asked for (16:9 unless told otherwise):
reasons with no reasons of their own hang in columns under their conclusion, with their
arrows running beside the column, and inside each branch of the thesis later parts are
set on shelves below earlier ones. The sizes this needs are estimated from the wrapped
text, not measured, so the DOT stays a pure function of the map and the options.

A `View` can draw part of a map: `fold` keeps the levels `--depth` asks for (a folded
node says "+N more") or the subtree `--focus` names with the path to it; `collapse`
keeps chosen nodes and draws the nodes between them and the thesis compact. A
`MapDrawing` writes one map's statements, so the atlas (`atlas_dot`) can put several
maps in one graph with the same nodes, labels, themes and legend.

Every piece of user text goes into an HTML-like label, escaped so that Graphviz reads it
as text only: `& < > "` become entities and a backslash is doubled, because Graphviz
expands `\\N`, `\\G` and friends even inside HTML labels. Nodes and edges are written in
document order, so the same map always gives the same DOT, byte for byte.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from argmap.model import ArgMap, Kind, Label, Node, Ref, Relation
from argmap.problem import ArgmapError

#: Noto Sans CJK draws Latin and Chinese alike; the rest are what other systems have.
FONT = "Noto Sans CJK SC,Source Han Sans SC,PingFang SC,Microsoft YaHei,sans-serif"
DIRECTIONS = ("TB", "LR")
STATUS_WORDS = {Label.IN: "stands", Label.OUT: "defeated", Label.UNDECIDED: "undecided"}

_SAFE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*\Z")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Wide punctuation that must not start a line: it stays with the character before it.
_NO_LINE_START = frozenset("，。、；：！？）」』】》〉・…")
_NARROW_TRAILING = frozenset(",.;:!?)]}'\"%")

_SMALL = 0.72  # the id and locator row, relative to the claim
_THESIS = 1.2  # the thesis's claim, relative to the others
_NODESEP = 0.25  # inches
_RANKSEP = 0.4  # inches


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
_SHAPES: Mapping[Kind, Mapping[str, str]] = {
    Kind.THESIS: {"shape": "box", "style": "rounded,filled", "penwidth": "3"},
    Kind.PREMISE: {"shape": "box", "style": "rounded,filled", "penwidth": "1"},
    Kind.OBJECTION: {"shape": "box", "style": "filled", "penwidth": "1.2",
                     "peripheries": "2"},
    Kind.COUNTEREXAMPLE: {"shape": "box", "style": "filled,diagonals", "penwidth": "1.2"},
    Kind.REBUTTAL: {"shape": "note", "style": "filled", "penwidth": "1.2"},
}
_ARROWS = {Relation.SUPPORT: "normal", Relation.ATTACK: "tee"}
_LINES = {Relation.SUPPORT: "solid", Relation.ATTACK: "dashed"}


@dataclass(frozen=True)
class DotOptions:
    """How to draw: theme, direction, text width in columns, font size, page shape."""

    theme: str = "light"
    direction: str = "TB"
    wrap: int = 32
    font_size: float = 14.0
    #: Width over height of the page, e.g. 16/9: the layout is folded towards it, and
    #: Graphviz spreads the drawing to fill it exactly.
    ratio: float | None = None
    legend: bool = False
    #: Levels below the thesis (or below `focus`) to draw; deeper nodes are folded away
    #: and the node they hang from says how many. None draws every level.
    depth: int | None = None
    #: Draw only this node's subtree and the nodes from the thesis down to it.
    focus: str | None = None

    @property
    def fold_to(self) -> float:
        return self.ratio or 16 / 9


# ---------------------------------------------------------------- text


def columns(text: str) -> int:
    """How many columns `text` takes: a wide (CJK) character counts as two."""
    return len(text) if text.isascii() else sum(_width(ch) for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns where the text allows it.

    Lines break at spaces and between CJK characters; only a word longer than a whole
    line is cut. Line breaks in the text are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max(width, 4)))
    return lines


def _width(ch: str) -> int:
    if ch < "\u1100":  # nothing below the first Hangul jamo is wide
        return 1
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _units(word: str, width: int) -> list[str]:
    """The pieces of a word that a line may break between."""
    if word.isascii():
        return list(_cut(word, width))
    units: list[str] = []
    for ch in word:
        if not units:
            units.append(ch)
        elif _width(ch) == 2:
            if ch in _NO_LINE_START:
                units[-1] += ch
            else:
                units.append(ch)
        elif _width(units[-1][-1]) == 2 and ch not in _NARROW_TRAILING:
            units.append(ch)
        else:
            units[-1] += ch
    return [piece for unit in units for piece in _cut(unit, width)]


def _cut(unit: str, width: int) -> Iterator[str]:
    if columns(unit) <= width:
        yield unit
        return
    piece, used = "", 0
    for ch in unit:
        size = _width(ch)
        if piece and used + size > width:
            yield piece
            piece, used = "", 0
        piece, used = piece + ch, used + size
    if piece:
        yield piece


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for word in paragraph.split():
        for i, unit in enumerate(_units(word, width)):
            space = 1 if i == 0 and line else 0
            size = columns(unit)
            if line and used + space + size > width:
                lines.append(line)
                line, used = unit, size
            else:
                line, used = line + " " * space + unit, used + space + size
    return [*lines, line] if line else lines or [""]


def html(text: str) -> str:
    """`text` as the content of a Graphviz HTML-like label, to be read as text only."""
    text = _NOT_XML.sub("\ufffd", text).replace("\\", "\\\\")
    # A text of a lone `]` is a syntax error to Graphviz's label lexer; as an entity it
    # is read as the character.
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("]", "&#93;"))


def _join(lines: Sequence[str]) -> str:
    # Graphviz refuses an empty <B></B> or <FONT></FONT>: an empty text is a blank space.
    return '<BR ALIGN="LEFT"/>'.join(html(line) for line in lines) or "&#160;"


# ---------------------------------------------------------------- DOT syntax


def quote(value: str) -> str:
    """A DOT name or attribute value in double quotes."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def attr_list(attrs: Mapping[str, str]) -> str:
    """` [key="value", ...]`; a value in angle brackets is an HTML-like label, as built."""
    parts = []
    for key, value in attrs.items():
        shown = value if value.startswith("<") and value.endswith(">") else quote(value)
        parts.append(f"{key}={shown}")
    return " [" + ", ".join(parts) + "]" if parts else ""


def _table(rows: Iterable[str]) -> str:
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>>'


def _font(content: str, size: float | None = None, colour: str | None = None) -> str:
    size_attr = f' POINT-SIZE="{number(size)}"' if size is not None else ""
    colour_attr = f' COLOR="{colour}"' if colour else ""
    return f"<FONT{size_attr}{colour_attr}>{content}</FONT>"


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- node text


@dataclass(frozen=True)
class _Text:
    """A node's label broken into lines, and the size those lines are expected to take."""

    held_by: tuple[str, ...]
    claim: tuple[str, ...]
    meta: tuple[str, ...]
    #: "+N more" on a node whose reasons and answers are folded away, else "".
    more: str
    #: Only the start of the claim, and the id: a step on the way to what matters.
    compact: bool
    width: float  # inches
    height: float  # inches

    @classmethod
    def of(cls, node: Node, status: Label | None, options: DotOptions, more: int = 0,
           compact: bool = False) -> _Text:
        wide = int(options.wrap * 1.3)
        held_by = tuple(wrap("held by " + node.held_by, wide)) if node.held_by else ()
        claim = tuple(wrap(node.claim, options.wrap))
        size = options.font_size * (_THESIS if node.kind is Kind.THESIS else 1)
        small = options.font_size * _SMALL
        if compact:
            held_by, claim, size = (), _opening(node.claim, options.wrap, 2), options.font_size
        parts = (node.id, "" if compact or not node.source else str(node.source),
                 STATUS_WORDS[status].upper() if status else "")
        meta = tuple(wrap(" · ".join(part for part in parts if part), wide))
        folded = f"+{more} more" if more else ""
        width = max(_extent(claim, size), _extent(held_by, small), _extent(meta, small),
                    _extent([folded], small))
        rows = len(held_by) + len(meta) + bool(folded)
        height = 1.12 * (size * len(claim) + small * rows)
        return cls(held_by, claim, meta, folded, compact, (width + 20) / 72,
                   (height + 12) / 72)


def _opening(text: str, width: int, count: int) -> tuple[str, ...]:
    """The first `count` wrapped lines of `text`, the last ending in an ellipsis if cut."""
    lines = wrap(text, width)
    if len(lines) <= count:
        return tuple(lines)
    return (*lines[:count - 1], lines[count - 1] + " …")


def _extent(lines: Sequence[str], size: float) -> float:
    """Roughly how wide, in points, the longest of `lines` is drawn."""
    return max((columns(line) for line in lines), default=0) * 0.5 * size


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class _Block:
    """The room a part of the drawing needs: `breadth` along a rank, `depth` in ranks."""

    breadth: float
    depth: int


@dataclass(frozen=True)
class _Part:
    """What hangs under a node as one piece: a subtree, a linked group, or a leaf column."""

    key: str  # the first node's id, or the linked group's junction key
    nodes: tuple[Node, ...]
    shape: str  # "tree", "linked" or "column"


@dataclass
class _Plan:
    """Where each node hangs, which leaves form columns, and how far down each shelf is."""

    under: dict[str, list[Node]] = field(default_factory=dict)
    hangs_from: dict[str, str] = field(default_factory=dict)
    parts: dict[str, list[_Part]] = field(default_factory=dict)
    above: dict[str, str] = field(default_factory=dict)
    #: Extra ranks on the edge to a part, by the part's key.
    drop: dict[str, int] = field(default_factory=dict)

    def descendants(self, node_id: str) -> Iterator[str]:
        """The ids hanging under `node_id`, directly or not, in drawing order."""
        stack = [child.id for child in reversed(self.under.get(node_id, []))]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(child.id for child in reversed(self.under.get(current, [])))


class _Planner:
    """Hangs every node under one other, then folds the tree towards the page shape.

    Folding: under a node, the blocks of its parts go side by side on a shelf until the
    shelf reaches a breadth limit; the next ones go on a shelf below, their edges made
    longer to reach it. The thesis's parts stay on one row; each is folded with the
    limit that keeps it narrowest within a common depth, and the depth chosen is the
    one that lets the drawing fit the smallest page of the wanted shape.
    """

    def __init__(self, amap: ArgMap, texts: Mapping[str, _Text], options: DotOptions) -> None:
        self.amap = amap
        self.texts = texts
        self.options = options
        self.across = options.direction == "TB"  # leaves can be stacked in columns
        self.plan = _Plan()
        self.rank_size = self._rank_size()

    def make(self) -> _Plan:
        index = self.amap.index()
        self.plan.hangs_from = hang(self.amap)
        for node in self.amap.walk():
            upper = self.plan.hangs_from.get(node.id)
            if upper is not None and index[node.id] is node:
                self.plan.under.setdefault(upper, []).append(node)
        for node_id in index:
            self.plan.parts[node_id] = self._parts(node_id)
        self._fold_thesis()
        return self.plan

    def _fold_thesis(self) -> None:
        parts = self.plan.parts[self.amap.thesis.id]
        narrowest = max(self._breadth(node) for node in self.amap.index().values())
        choices = [self._choices(part, narrowest) for part in parts]
        depths = sorted({block.depth for options in choices for block, _ in options})
        best: tuple[float, list[float]] = (math.inf, [])
        for depth in depths:
            picked = [_narrowest_within(options, depth) for options in choices]
            row = _row([block for block, _ in picked])
            best = min(best, (self._page_width(_Block(row.breadth, row.depth + 1)),
                              [limit for _, limit in picked]))
        for part, limit in zip(parts, best[1], strict=True):
            self._block(part, limit, record=True)

    def _choices(self, part: _Part, narrowest: float) -> list[tuple[_Block, float]]:
        widest = self._block(part, math.inf, record=False).breadth
        return [(self._block(part, limit, record=False), limit)
                for limit in _steps(narrowest, widest)]

    def _rank_size(self) -> float:
        """A rank is as deep as the deepest node in it; most ranks hold many nodes."""
        sizes = sorted(t.height if self.across else t.width for t in self.texts.values())
        return (sizes[len(sizes) * 9 // 10] if sizes else 1.0) + _RANKSEP

    def _page_width(self, block: _Block) -> float:
        """The width of the smallest page of the wanted shape the drawing fits on.

        The smaller it is, the larger the text when the page is shown on a screen.
        """
        length = block.depth * self.rank_size
        width, height = (block.breadth, length) if self.across else (length, block.breadth)
        return max(width, height * self.options.fold_to)

    def _breadth(self, node: Node) -> float:
        text = self.texts[node.id]
        return text.width if self.across else text.height

    def _fold(self, node: Node, limit: float, record: bool) -> _Block:
        widest, depth = self._breadth(node), 0
        breadth, shelf_depth, drop = 0.0, 0, 0
        for part in self.plan.parts[node.id]:
            block = self._block(part, limit, record)
            if breadth and breadth + _NODESEP + block.breadth > limit:
                drop += shelf_depth
                breadth, shelf_depth = 0.0, 0
            breadth += (_NODESEP if breadth else 0.0) + block.breadth
            shelf_depth = max(shelf_depth, block.depth)
            widest, depth = max(widest, breadth), max(depth, drop + shelf_depth)
            if record and drop:
                for key in self._heads(part):
                    self.plan.drop[key] = drop
        margin = 0.3 if node.kind is Kind.OBJECTION and node.parent is None else 0.0
        return _Block(widest + margin, depth + 1)

    def _heads(self, part: _Part) -> list[str]:
        """The keys of the edges that reach `part` from the node it hangs under."""
        if part.shape != "column":
            return [part.key]
        return [leaf.id for leaf in part.nodes if leaf.id not in self.plan.above]

    def _block(self, part: _Part, limit: float, record: bool) -> _Block:
        if part.shape == "column":
            return self._columns(part.nodes, limit, record)
        row = _row([self._fold(node, limit, record) for node in part.nodes])
        return _Block(row.breadth, row.depth + (part.shape == "linked"))

    def _columns(self, leaves: Sequence[Node], limit: float, record: bool) -> _Block:
        """Leaves in as many columns side by side as the limit allows, filled in order."""
        width = max(self._breadth(leaf) for leaf in leaves) + 0.15
        fits = (limit + _NODESEP) / (width + _NODESEP)
        count = len(leaves) if fits >= len(leaves) else max(1, int(fits))
        height = math.ceil(len(leaves) / count)
        if record:
            for i, leaf in enumerate(leaves):
                if i % height:
                    self.plan.above[leaf.id] = leaves[i - 1].id
        count = math.ceil(len(leaves) / height)
        return _Block(count * width + (count - 1) * _NODESEP + 0.15 * height, height)

    def _parts(self, node_id: str) -> list[_Part]:
        """What hangs under `node_id`: linked groups, subtrees, and leaves in columns.

        Leaves that support and leaves that attack go in separate columns, so the two
        kinds of arrow do not interleave.
        """
        parts: list[_Part] = []
        members: dict[str, list[Node]] = {}
        column_of: dict[bool, str] = {}
        for child in self.plan.under.get(node_id, []):
            if child.group is not None and child.parent == node_id:
                key = _junction(node_id, child.group)
                shape = "linked"
            elif self.across and child.id not in self.plan.under:
                key = column_of.setdefault(child.kind is Kind.PREMISE, child.id)
                shape = "column"
            else:
                key, shape = child.id, "tree"
            if key not in members:
                parts.append(_Part(key, (), shape))
            members.setdefault(key, []).append(child)
        return [_Part(part.key, tuple(members[part.key]), part.shape) for part in parts]


def _narrowest_within(options: Sequence[tuple[_Block, float]],
                      depth: int) -> tuple[_Block, float]:
    fitting = [option for option in options if option[0].depth <= depth]
    if not fitting:
        return min(options, key=lambda option: (option[0].depth, option[0].breadth))
    return min(fitting, key=lambda option: (option[0].breadth, option[0].depth))


def _steps(low: float, high: float, count: int = 16) -> Iterator[float]:
    """`count` + 1 limits from `low` to `high`, each a fixed factor above the one before."""
    if high <= low:
        yield high
        return
    for step in range(count + 1):
        yield low * (high / low) ** (step / count)


def _row(blocks: Sequence[_Block]) -> _Block:
    if not blocks:
        return _Block(0.0, 0)
    breadth = sum(block.breadth for block in blocks) + _NODESEP * (len(blocks) - 1)
    return _Block(breadth, max(block.depth for block in blocks))


def hang(amap: ArgMap) -> dict[str, str]:
    """The id of the node each node hangs under in the drawing, by id.

    A nested node hangs under its parent and an objection under the thesis. A
    free-standing attacker hangs under the first node of this map it attacks, unless
    that would close a loop (two rebuttals that attack each other); then it hangs
    under nothing, like the thesis.
    """
    index = amap.index()
    upper: dict[str, str] = {}
    for node in amap.walk():
        if index[node.id] is not node:
            continue
        for candidate in _uppers(amap, index, node):
            if not _leads_to(upper, candidate, node.id):
                upper[node.id] = candidate
                break
    return upper


def _uppers(amap: ArgMap, index: Mapping[str, Node], node: Node) -> Iterator[str]:
    if node.parent is not None:
        if node.parent in index:
            yield node.parent
    elif node.kind is Kind.OBJECTION:
        yield amap.thesis.id
    elif node.kind is not Kind.THESIS:
        own = {below.id for below in node.walk()}
        yield from (ref.id for ref in node.attacks
                    if ref.map in (None, amap.id) and ref.id in index and ref.id not in own)


def _leads_to(upper: Mapping[str, str], start: str, goal: str) -> bool:
    """Whether going up from `start` reaches `goal` (or `start` is `goal`)."""
    seen = set()
    while start != goal:
        if start not in upper or start in seen:
            return False
        seen.add(start)
        start = upper[start]
    return True


def _junction(node_id: str, group: int) -> str:
    return f"~linked {node_id} {group}"


# ---------------------------------------------------------------- what to draw


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
        starts, shown = [_known(amap, focus)], {amap.thesis.id, *_ancestors(upper, focus)}
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
    between = {above for node_id in kept for above in _ancestors(upper, node_id)}
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


def _ancestors(upper: Mapping[str, str], node_id: str) -> list[str]:
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


def _prune(amap: ArgMap, shown: frozenset[str]) -> ArgMap:
    """The map with only the nodes in `shown` (and the thesis)."""

    def cut(node: Node) -> Node:
        return replace(node, children=tuple(cut(c) for c in node.children if c.id in shown))

    def cut_all(nodes: Sequence[Node]) -> tuple[Node, ...]:
        return tuple(cut(node) for node in nodes if node.id in shown)

    return replace(amap, thesis=cut(amap.thesis), objections=cut_all(amap.objections),
                   counterexamples=cut_all(amap.counterexamples),
                   rebuttals=cut_all(amap.rebuttals))


# ---------------------------------------------------------------- DOT pieces


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
        "nodesep": number(_NODESEP),
        "ranksep": number(_RANKSEP),
        "pad": "0.3",
        "outputorder": "edgesfirst",
    }
    ratio = options.ratio
    if ratio:
        # Spread to the exact shape; scale down only past 40 inches (3840 pixels).
        attrs["ratio"] = number(1 / ratio)
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
    rows = [f"<B>{_join(wrap(title, width))}</B>"]
    if byline:
        rows.append(_font(_join(wrap(byline, width)), options.font_size,
                          THEMES[options.theme].faint))
    return _table(rows)


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
        "label": f"<{_font(html(words), options.font_size * 0.8)}>",
    }


def edge_style(relation: Relation, options: DotOptions, tail: bool = False) -> dict[str, str]:
    """A support or an attack: colour, line and arrowhead (at the tail if `tail`)."""
    theme = THEMES[options.theme]
    colour = theme.support if relation is Relation.SUPPORT else theme.attack
    attrs = {"color": colour, "style": _LINES[relation]}
    if tail:
        attrs.update(dir="back", arrowtail=_ARROWS[relation])
    else:
        attrs["arrowhead"] = _ARROWS[relation]
    return attrs


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
            "shape": "plaintext", "margin": "0.02,0", "label": f"<{_font(html(word), small)}>"}))
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
        attrs = dict(_SHAPES[kind])
        attrs.update(fillcolor=theme.fills[kind], color=theme.borders[kind],
                     label=f"<{_font(kind.value, small)}>")
        keys.append((f"~legend {kind.value}", attrs))
    external = external_attrs("map:id", options)
    external["label"] = f"<{_font('in another map', small * 0.9)}>"
    keys.append(("~legend external", external))
    for label, word in STATUS_WORDS.items() if status else ():
        keys.append((f"~legend {word}", {
            "shape": "box", "style": "rounded,filled", "color": theme.faint,
            "fillcolor": theme.status[label], "label": f"<{_font(word, small)}>"}))
    return keys


# ---------------------------------------------------------------- the drawing


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
        self.amap = amap if self.view.shown is None else _prune(amap, self.view.shown)
        self.options = options
        self.theme = THEMES[options.theme]
        self.labels = labels
        self.prefix = prefix
        self.local_only = local_only
        self.every_id = amap.index().keys()
        self.index = self.amap.index()
        self.names = {node_id: prefix + (node_id if _SAFE_NAME.match(node_id) else f"~node{i}")
                      for i, node_id in enumerate(self.index)}
        self.texts = {node.id: _Text.of(node, self._status(node), options,
                                        self.view.more.get(node.id, 0),
                                        node.id in self.view.compact)
                      for node in self.index.values()}
        self.plan = _Planner(self.amap, self.texts, options).make()
        self.externals: dict[str, str] = {}

    def level(self, node_id: str) -> int:
        """About how many ranks below its map's top rank the node is drawn.

        Counted from the plan (shelves, columns, junctions), so it is known before
        Graphviz runs; Graphviz may still move a node further down.
        """
        plan, level = self.plan, 0
        while node_id in plan.hangs_from:
            node, upper = self.index[node_id], plan.hangs_from[node_id]
            if node.group is not None and node.parent == upper:
                level += 2 + plan.drop.get(_junction(upper, node.group), 0)
            else:
                top = node_id
                while top in plan.above:
                    top, level = plan.above[top], level + 1
                level += 1 + plan.drop.get(top, 0)
            node_id = upper
        return level

    def _status(self, node: Node) -> Label | None:
        return self.labels.get(node.id) if self.labels is not None else None

    def lines(self) -> Iterator[str]:
        """The whole graph: this map alone, with its title, and its legend if asked for."""
        name = self.amap.id if _SAFE_NAME.match(self.amap.id) else "argmap"
        yield f"digraph {quote(name)} {{"
        yield "  graph" + attr_list(graph_attrs(self.options, map_title(self.amap, self.options)))
        yield "  node" + attr_list(node_defaults(self.options))
        yield "  edge" + attr_list(EDGE_DEFAULTS)
        yield from self.body()
        if self.options.legend or self.labels is not None:
            from argmap.renderers.undercut_dot import legend_lines

            yield from legend(self.options, self.labels is not None,
                              legend_lines(self.amap, self.options, self.theme))
        yield "}"

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

    def _cluster(self, part: _Part, ids: list[str]) -> Iterator[str]:
        first = part.nodes[0]
        name = "cluster " + (self.names[first.id] if part.shape != "linked" else
                             _junction(self.names[self.amap.thesis.id], first.group or 0))
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
        if node.group is not None and node.parent is not None:
            siblings = self.index[node.parent].children
            if next(c for c in siblings if c.group == node.group) is node:
                junction = _junction(self.names[node.parent], node.group)
                yield node_statement(junction, {
                    "shape": "point", "width": "0.09", "label": "",
                    "color": self.theme.support}, indent)
        yield node_statement(self.names[node_id], self._node_attrs(node), indent)

    def _node_attrs(self, node: Node) -> dict[str, str]:
        status = self._status(node)
        attrs = dict(_SHAPES[node.kind])
        attrs.update(
            fillcolor=self.theme.status[status] if status else self.theme.fills[node.kind],
            color=self.theme.borders[node.kind], label=self._label(node, status))
        if node.id in self.view.compact:
            attrs.update(margin="0.08,0.03", penwidth="1")
        return attrs

    def _label(self, node: Node, status: Label | None) -> str:
        text = self.texts[node.id]
        small = self.options.font_size * _SMALL
        faint = self.theme.faint
        claim = _join(text.claim)
        if node.kind is Kind.THESIS and not text.compact:
            claim = _font(f"<B>{claim}</B>", self.options.font_size * _THESIS)
        if status is Label.OUT:
            claim = _font(claim, colour=faint)
        rows = [_font(f"<I>{_join(text.held_by)}</I>", small, faint)] if text.held_by else []
        rows += [_font("<I>granted</I>", small, faint)] if node.granted else []
        rows += [claim, _font(_join(text.meta), small, faint)]
        if text.more:
            rows.append(_font(f"<I>{html(text.more)}</I>", small, faint))
        return _table(rows)

    # -- edges

    def _links(self) -> Iterator[_Link]:
        done: set[tuple[str, str, Relation]] = set()
        for node in self.amap.walk():
            if self.index.get(node.id) is not node:
                continue
            for group in _groups(node):
                key = _junction(node.id, group)
                attrs = self._style(Relation.SUPPORT, tail=True)
                self._drop(key, attrs)
                yield _Link(self.names[node.id], _junction(self.names[node.id], group), attrs)
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
            junction = _junction(self.names[upper_id], node.group)
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

    def _style(self, relation: Relation, tail: bool) -> dict[str, str]:
        return edge_style(relation, self.options, tail)


def _groups(node: Node) -> list[int]:
    return sorted({child.group for child in node.children if child.group is not None})
