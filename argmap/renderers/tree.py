"""The map as a tree for the terminal: the thesis at the root, reasons and attacks beneath.

`build_view` returns a rich renderable (header, the thesis tree, free-standing attacks,
footer) and does no I/O. Every piece of user text goes into a `Text` object, so a claim
holding `[bold]` prints as `[bold]`. Each kind has a glyph, a colour and a word for its
relation, so the tree reads the same without colour; `ascii` swaps every glyph and guide
line for ASCII. Edges the nesting cannot show are printed as references (id and a short
text), never as copies of subtrees, so reference cycles cannot make the output loop.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from rich.tree import Tree

from argmap.model import ArgMap, Kind, Label, Node, Ref
from argmap.problem import ArgmapError
from argmap.text import shorten

#: Below this many cells beside a node's head, its text goes under the head instead.
MIN_BODY = 24
#: Cells of a cut-down text (a referenced claim, a section) kept even if the line wraps.
MIN_FIT = 20

WORDS = {
    Kind.THESIS: "thesis",
    Kind.PREMISE: "supports",
    Kind.OBJECTION: "objects",
    Kind.COUNTEREXAMPLE: "counterexample",
    Kind.REBUTTAL: "rebuts",
}
STYLES = {
    Kind.THESIS: "bold",
    Kind.PREMISE: "green",
    Kind.OBJECTION: "red",
    Kind.COUNTEREXAMPLE: "magenta",
    Kind.REBUTTAL: "cyan",
}
BADGE_WORDS = {Label.IN: "stands", Label.OUT: "defeated", Label.UNDECIDED: "undecided"}
BADGE_STYLES = {Label.IN: "bold green", Label.OUT: "bold red", Label.UNDECIDED: "bold yellow"}
_ANSWERS = (Kind.COUNTEREXAMPLE, Kind.REBUTTAL)


@dataclass(frozen=True)
class Glyphs:
    kinds: Mapping[Kind, str]
    badges: Mapping[Label, str]
    linked: str
    ref: str
    same: str
    more: str
    quotes: tuple[str, str]
    ellipsis: str
    guides: tuple[str, str, str, str] | None = None
    #: An attack on a link rather than a claim, and a concession.
    undercut: str = "⤳"
    granted: str = "◇"


UNICODE = Glyphs(
    kinds={Kind.THESIS: "◆", Kind.PREMISE: "+", Kind.OBJECTION: "−",
           Kind.COUNTEREXAMPLE: "↯", Kind.REBUTTAL: "↶"},
    badges={Label.IN: "✔", Label.OUT: "✘", Label.UNDECIDED: "?"},
    linked="&", ref="→", same="=", more="…", quotes=("“", "”"), ellipsis="…",
)
ASCII = Glyphs(
    kinds={Kind.THESIS: "#", Kind.PREMISE: "+", Kind.OBJECTION: "X",
           Kind.COUNTEREXAMPLE: "!", Kind.REBUTTAL: "<"},
    badges={Label.IN: "[v]", Label.OUT: "[x]", Label.UNDECIDED: "[?]"},
    linked="&", ref="->", same="=", more="...", quotes=('"', '"'), ellipsis="...",
    guides=Tree.ASCII_GUIDES, undercut="~>", granted="<>",
)


@dataclass(frozen=True)
class ViewOptions:
    """What `build_view` shows; the defaults show everything but quotes and notes."""

    #: Levels of nodes below the root (or below `focus`) to show; None for all.
    depth: int | None = None
    #: Show only this node's subtree and the path to it.
    focus: str | None = None
    #: Show only these kinds, what answers them, and the path to them; empty for all.
    kinds: frozenset[Kind] = field(default_factory=frozenset)
    quotes: bool = False
    notes: bool = False
    ascii: bool = False


class _Tree(Tree):
    """A tree whose guide lines are chosen by the caller, not by the console's encoding."""

    def __init__(self, label: RenderableType, guides: tuple[str, str, str, str] | None) -> None:
        super().__init__(label, guide_style="dim")
        if guides is not None:
            # The root draws every level's guides, so only the root needs them.
            self.TREE_GUIDES = [guides, guides, guides]


@dataclass(frozen=True)
class _Fitted:
    """A line with one part (a claim, a section heading) cut to fit where it is drawn."""

    lead: Text
    cut: str
    tail: Text
    ellipsis: str

    def fit(self, width: int) -> Text:
        room = max(width - self.lead.cell_len - self.tail.cell_len, MIN_FIT)
        line = self.lead.copy()
        line.append(_cut(self.cut, room, self.ellipsis), style="dim")
        line.append_text(self.tail)
        return line

    @property
    def cell_len(self) -> int:
        return self.lead.cell_len + cell_len(self.cut) + self.tail.cell_len


def _cut(text: str, cells: int, ellipsis: str) -> str:
    """`text` on one line in at most `cells` cells (wide characters count two)."""
    flat = shorten(text, len(text) + 1)
    if cell_len(flat) <= cells:
        return flat
    budget = cells - len(ellipsis) + 1
    short = shorten(flat, budget)
    while budget > 1 and cell_len(short) - 1 + len(ellipsis) > cells:
        budget -= max(1, (cell_len(short) - 1 + len(ellipsis) - cells) // 2)
        short = shorten(flat, budget)
    short = short.removesuffix("…")
    words, _, last = short.rpartition(" ")
    # Cut at a word boundary unless that loses more than a third of the text.
    if words and len(last) < len(short) // 3:
        short = words.rstrip(" ,;:")
    return short + ellipsis


class _Entry:
    """A node: a head (glyph, id, word) and a body that wraps in the width beside it."""

    def __init__(self, head: Text, body: Sequence[Text | _Fitted]) -> None:
        self.head = head
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.head.cell_len
        beside = options.max_width - indent >= MIN_BODY
        if not beside:
            head = self.head.copy()
            head.rstrip()
            for line in console.render_lines(head, options, pad=False):
                yield from _rstrip(line)
                yield Segment.line()
            indent = min(2, max(options.max_width - 1, 0))
        width = options.max_width - indent
        body = Text("\n").join(
            item.fit(width) if isinstance(item, _Fitted) else item for item in self.body)
        lines = console.render_lines(body, options.update(width=width), pad=False)
        for number, line in enumerate(lines):
            if number == 0 and beside:
                yield from self.head.render(console)
            elif indent:
                yield Segment(" " * indent)
            yield from _rstrip(line)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((item.cell_len for item in self.body), default=0)
        head = self.head.cell_len
        return Measurement(min(head + MIN_BODY, options.max_width), head + widest)


class _Phrases:
    """Phrases joined by `sep`, wrapped only between phrases ("4 rebuttals" stays whole)."""

    def __init__(self, phrases: Sequence[str], sep: str, style: str) -> None:
        self.phrases = phrases
        self.sep = sep
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = ""
        for phrase in self.phrases:
            joined = f"{line}{self.sep}{phrase}" if line else phrase
            if line and cell_len(joined) > options.max_width:
                yield _plain(Text(line + self.sep.rstrip(), style=self.style))
                joined = phrase
            line = joined
        yield _plain(Text(line, style=self.style))


def _rstrip(line: list[Segment]) -> list[Segment]:
    """`line` without the trailing spaces rich leaves where it wrapped."""
    while line and not line[-1].control and not line[-1].text.rstrip():
        line = line[:-1]
    if line and not line[-1].control:
        last = line[-1]
        line = [*line[:-1], Segment(last.text.rstrip(), last.style)]
    return line


def _plain(text: Text) -> _Entry:
    """A line of text that wraps without leaving trailing spaces."""
    return _Entry(Text(), [text])


def build_view(
    amap: ArgMap,
    options: ViewOptions | None = None,
    *,
    labels: Mapping[str, Label] | None = None,
    others: Mapping[str, ArgMap] | None = None,
) -> Group:
    """The whole view of `amap`: header, thesis tree, free-standing attacks, footer.

    `labels` (node id to label) adds a status badge to every node it names; `others`
    (map id to map) lets references into other maps show the target's text.
    Raises `ArgmapError` if `options.focus` names no node, suggesting the nearest ids.
    """
    return _View(amap, options or ViewOptions(), labels, others or {}).build()


def nearest_ids(amap: ArgMap, wanted: str, n: int = 3) -> list[str]:
    """Node ids that look like `wanted`: the same id in another case, or else close ones."""
    by_lower: dict[str, list[str]] = {}
    for node_id in amap.index():
        by_lower.setdefault(node_id.lower(), []).append(node_id)
    if wanted.lower() in by_lower:
        return by_lower[wanted.lower()][:n]
    close = difflib.get_close_matches(wanted.lower(), list(by_lower), n=n, cutoff=0.5)
    return [node_id for key in close for node_id in by_lower[key]][:n]


class _View:
    def __init__(self, amap: ArgMap, options: ViewOptions,
                 labels: Mapping[str, Label] | None, others: Mapping[str, ArgMap]) -> None:
        self.amap = amap
        self.options = options
        self.labels = labels
        self.others = others
        self.glyphs = ASCII if options.ascii else UNICODE
        self.index = amap.index()
        self.other_index: dict[str, dict[str, Node]] = {}
        self.path = self._focus_path()
        self.visible: set[int] = self._visible()
        self.shown = 0

    def build(self) -> Group:
        sections: list[list[RenderableType]] = [[_plain(line) for line in self._header()]]
        thesis = self.amap.thesis
        if id(thesis) in self.visible:
            sections.append([self._root(thesis, self.amap.objections)])
        free = [n for n in (*self.amap.counterexamples, *self.amap.rebuttals)
                if id(n) in self.visible]
        if free:
            heading = Text("Counterexamples and rebuttals that attack by reference:",
                           style="bold")
            sections.append([_plain(heading), *(self._root(node, ()) for node in free)])
        sections.append(self._footer())
        parts: list[RenderableType] = []
        for section in sections:
            parts += [Text(), *section] if parts else section
        return Group(*parts)

    # Which nodes to show

    def _focus_path(self) -> tuple[Node, ...]:
        focus = self.options.focus
        if focus is None:
            return ()
        for root in self.amap.roots:
            path = _path_to(root, focus)
            if path and root.kind is Kind.OBJECTION:
                return (self.amap.thesis, *path)
            if path:
                return path
        close = nearest_ids(self.amap, focus)
        hint = f"Did you mean {', '.join(close)}? " if close else ""
        raise ArgmapError(f"no node `{focus}` in map `{self.amap.id}`",
                          hint=f"{hint}Node ids are case-sensitive, e.g. `T`, `P1`, `O1.C1`.")

    def _visible(self) -> set[int]:
        visible: set[int] = set()
        if self.path:
            focus = self.path[-1]
            self._mark(focus, self._kept(focus, False), visible)
            visible.update(id(node) for node in self.path)
            return visible
        for root in self.amap.roots:
            self._mark(root, self._kept(root, False), visible)
        visible.add(id(self.amap.thesis))
        return visible

    def _kept(self, node: Node, parent_kept: bool) -> bool:
        kinds = self.options.kinds
        return not kinds or node.kind in kinds or (parent_kept and node.kind in _ANSWERS)

    def _mark(self, node: Node, kept: bool, visible: set[int]) -> bool:
        """Mark `node` visible if it is kept or leads to a kept node; say whether it is."""
        below = False
        for child in node.children:
            below = self._mark(child, self._kept(child, kept), visible) or below
        if kept or below:
            visible.add(id(node))
        return kept or below

    # The trees

    def _root(self, node: Node, objections: Sequence[Node]) -> Tree:
        tree = _Tree(self._entry(node), self.glyphs.guides)
        depth = self.options.depth if not self.path else None
        self._grow(tree, node, depth, extra=objections)
        return tree

    def _grow(self, tree: Tree, node: Node, depth: int | None,
              extra: Sequence[Node] = ()) -> None:
        self.shown += 1
        if self.path and node is self.path[-1]:
            depth = self.options.depth
        children = [c for c in (*node.children, *extra) if id(c) in self.visible]
        if depth == 0:
            hidden = sum(self._count(child) for child in children)
            if hidden:
                noun = "node" if hidden == 1 else "nodes"
                more = Text(f"{self.glyphs.more} {hidden} more {noun} below", style="dim")
                tree.add(_plain(more))
            return
        groups: dict[int, Tree] = {}
        for child in children:
            parent = tree
            if child.group is not None:
                if child.group not in groups:
                    label = _plain(self._group_label(node, child.group))
                    groups[child.group] = tree.add(label)
                parent = groups[child.group]
            self._grow(parent.add(self._entry(child)), child,
                       None if depth is None else depth - 1)

    def _count(self, node: Node) -> int:
        return sum(1 for n in node.walk() if id(n) in self.visible)

    def _group_label(self, parent: Node, group: int) -> Text:
        members = [c.id for c in parent.children if c.group == group]
        text = Text()
        text.append(self.glyphs.linked, style=STYLES[Kind.PREMISE])
        text.append(" linked: ", style="bold")
        text.append(" + ".join(members))
        text.append(" jointly support ", style=STYLES[Kind.PREMISE])
        text.append(parent.id)
        return text

    # One node

    def _entry(self, node: Node) -> _Entry:
        return _Entry(self._head(node), self._body(node))

    def _head(self, node: Node) -> Text:
        style = STYLES[node.kind]
        head = Text()
        undercut = node.nested_undercut
        head.append(self.glyphs.undercut if undercut else self.glyphs.kinds[node.kind],
                    style=style)
        head.append(" ")
        head.append(node.id, style="bold")
        if node.group is None:
            head.append(" ")
            head.append("undercuts" if undercut else WORDS[node.kind], style=style)
        if node.granted:
            head.append(" ")
            head.append(f"{self.glyphs.granted} granted", style="bold blue")
        label = self.labels.get(node.id) if self.labels is not None else None
        if label is not None:
            head.append(" ")
            head.append(f"{self.glyphs.badges[label]} {BADGE_WORDS[label]}",
                        style=BADGE_STYLES[label])
        head.append("  ")
        return head

    def _body(self, node: Node) -> list[Text | _Fitted]:
        body: list[Text | _Fitted] = [
            Text(node.claim, style="bold" if node.kind is Kind.THESIS else "")]
        body += self._meta(node)
        if self.options.quotes and node.quote:
            left, right = self.glyphs.quotes
            body.append(Text(f"{left}{node.quote}{right}", style="italic"))
        if self.options.notes and node.note:
            note = Text("Note: ", style="dim bold")
            note.append(node.note, style="dim")
            body.append(note)
        body += self._references(node)
        return body

    def _meta(self, node: Node) -> Iterator[Text | _Fitted]:
        if node.held_by:
            held = Text("held by ", style="italic")
            held.append(node.held_by)
            yield held
        source = node.source
        if source is None or not str(source):
            return
        if not source.section:
            yield Text(str(source), style="dim")
            return
        # A long section heading is cut so the paragraph and page stay on the line.
        full, rest = str(source), str(replace(source, section=None))
        lead = Text(full[:full.index(source.section)], style="dim")
        tail = Text(f", {rest}" if rest else "", style="dim")
        yield _Fitted(lead, source.section, tail, self.glyphs.ellipsis)

    def _references(self, node: Node) -> Iterator[Text | _Fitted]:
        for word, refs, glyph in (("supports", node.supports, self.glyphs.ref),
                                  ("attacks", node.attacks, self.glyphs.ref),
                                  ("same as", node.same_as, self.glyphs.same)):
            for ref in refs:
                lead = Text(f"{glyph} {word} ", style="dim")
                lead.append(str(ref), style="bold")
                target = self._target(ref)
                if target is None:
                    if self._is_local(ref):
                        lead.append(" (no such node)", style="italic")
                    yield lead
                    continue
                left, right = self.glyphs.quotes
                lead.append(f" {left}", style="dim")
                yield _Fitted(lead, target.claim, Text(right, style="dim"), self.glyphs.ellipsis)
        yield from self._undercuts(node)

    def _undercuts(self, node: Node) -> Iterator[Text | _Fitted]:
        """Each link the node undercuts, as `X -> Y`, with the text of X."""
        if not node.undercuts:
            return
        from argmap.links import Failure, links_for

        links = links_for(self.amap, {**self.others, self.amap.id: self.amap})
        for ref, resolved in links.undercuts_of((self.amap.id, node.id)):
            lead = Text(f"{self.glyphs.undercut} undercuts ", style="dim")
            if resolved.link is None:
                lead.append(str(ref).replace("->", self.glyphs.ref), style="bold")
                if resolved.failure is not Failure.UNCHECKED:
                    lead.append(" (no such link)", style="italic")
                yield lead
                continue
            lead.append(resolved.link.name(self.amap.id).replace("->", self.glyphs.ref),
                        style="bold")
            source = links.node(resolved.link.source)
            if source is None:
                yield lead
                continue
            left, right = self.glyphs.quotes
            lead.append(f" {left}", style="dim")
            yield _Fitted(lead, source.claim, Text(right, style="dim"), self.glyphs.ellipsis)

    def _is_local(self, ref: Ref) -> bool:
        return ref.map is None or ref.map == self.amap.id

    def _target(self, ref: Ref) -> Node | None:
        if ref.map is None or ref.map == self.amap.id:
            return self.index.get(ref.id)
        if ref.map not in self.other_index:
            other = self.others.get(ref.map)
            self.other_index[ref.map] = other.index() if other else {}
        return self.other_index[ref.map].get(ref.id)

    # Header and footer

    def _header(self) -> list[Text]:
        lines = [Text(self.amap.title, style="bold")]
        cite = _citation(self.amap)
        if cite:
            lines.append(Text(cite, style="dim"))
        return lines

    def _footer(self) -> list[RenderableType]:
        counts = self.amap.counts()
        parts = [f"{n} {kind.value if n == 1 else kind.plural}"
                 for kind, n in counts.items() if n]
        lines: list[RenderableType] = [_Phrases(parts, ", ", "dim")]
        total = sum(counts.values())
        if self.shown < total:
            shown = f"{self.shown} of {total} nodes shown ({self._limits()})."
            lines.append(_plain(Text(shown, style="dim")))
        return lines

    def _limits(self) -> str:
        options = self.options
        limits = []
        if options.depth is not None:
            limits.append(f"--depth {options.depth}")
        if options.focus is not None:
            limits.append(f"--focus {options.focus}")
        limits += [f"--kind {kind.value}" for kind in Kind if kind in options.kinds]
        return ", ".join(limits)


def _path_to(root: Node, node_id: str) -> tuple[Node, ...]:
    """The nodes from `root` down to the first node called `node_id`, or () if none."""
    parents: dict[int, Node] = {}
    for node in root.walk():
        if node.id == node_id:
            path = [node]
            while id(path[-1]) in parents:
                path.append(parents[id(path[-1])])
            return tuple(reversed(path))
        parents.update((id(child), node) for child in node.children)
    return ()


def _citation(amap: ArgMap) -> str:
    source = amap.source
    first = source.authors
    if source.year is not None:
        first = f"{first} ({source.year})" if first else str(source.year)
    venue = " ".join(str(part) for part in (source.venue, source.volume) if part)
    parts = [part for part in (first, source.title, venue) if part]
    text = ". ".join(part.rstrip(".") for part in parts)
    link = f"doi:{source.doi}" if source.doi else source.url
    if link:
        text = f"{text}. {link}" if text else link
    return f"{text}." if text and not link else text
