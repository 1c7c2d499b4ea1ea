"""The map as a tree for the terminal: the thesis at the root, reasons and attacks beneath.

`build_view` returns the lines to print (header, the thesis tree, free-standing attacks,
footer), laid out by `terminal` for any width, and does no I/O. User text is only ever
text: a claim holding `[bold]` prints as `[bold]`. Each kind has a glyph, a colour and a
word for its relation, so the tree reads the same without colour; `ascii` swaps every
glyph and guide line for ASCII. Edges the nesting cannot show are printed as references
(id and a short text), never as copies of subtrees, so reference cycles cannot make the
output loop.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from argmap.model import ArgMap, Kind, Label, Node, Ref
from argmap.palette import TERMINAL
from argmap.problem import ArgmapError
from argmap.renderers.terminal import (
    ASCII_GUIDES,
    GUIDES,
    Blank,
    Block,
    Column,
    Styled,
    Tree,
)
from argmap.renderers.tree_entry import Entry, Fitted, Phrases, plain

WORDS = {
    Kind.THESIS: "thesis",
    Kind.PREMISE: "supports",
    Kind.OBJECTION: "objects",
    Kind.COUNTEREXAMPLE: "counterexample",
    Kind.REBUTTAL: "rebuts",
}
STYLES = TERMINAL  # the kinds' colours, as in the drawings (argmap/palette.py)
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
    guides: tuple[str, str, str, str] = GUIDES
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
    guides=ASCII_GUIDES, undercut="~>", granted="<>",
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



def build_view(
    amap: ArgMap,
    options: ViewOptions | None = None,
    *,
    labels: Mapping[str, Label] | None = None,
    others: Mapping[str, ArgMap] | None = None,
) -> Column:
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

    def build(self) -> Column:
        sections: list[list[Block]] = [[plain(line) for line in self._header()]]
        thesis = self.amap.thesis
        if id(thesis) in self.visible:
            sections.append([self._root(thesis, self.amap.objections)])
        free = [n for n in (*self.amap.counterexamples, *self.amap.rebuttals)
                if id(n) in self.visible]
        if free:
            heading = Styled("Counterexamples and rebuttals that attack by reference:",
                           style="bold")
            sections.append([plain(heading), *(self._root(node, ()) for node in free)])
        sections.append(self._footer())
        parts: list[Block] = []
        for section in sections:
            parts += [Blank(), *section] if parts else section
        return Column(parts)

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
        tree = Tree(self._entry(node), self.glyphs.guides)
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
                more = Styled(f"{self.glyphs.more} {hidden} more {noun} below", style="dim")
                tree.add(plain(more))
            return
        groups: dict[int, Tree] = {}
        for child in children:
            parent = tree
            if child.group is not None:
                if child.group not in groups:
                    label = plain(self._group_label(node, child.group))
                    groups[child.group] = tree.add(label)
                parent = groups[child.group]
            self._grow(parent.add(self._entry(child)), child,
                       None if depth is None else depth - 1)

    def _count(self, node: Node) -> int:
        return sum(1 for n in node.walk() if id(n) in self.visible)

    def _group_label(self, parent: Node, group: int) -> Styled:
        members = [c.id for c in parent.children if c.group == group]
        text = Styled()
        text.append(self.glyphs.linked, style=STYLES[Kind.PREMISE])
        text.append(" linked: ", style="bold")
        text.append(" + ".join(members))
        text.append(" jointly support ", style=STYLES[Kind.PREMISE])
        text.append(parent.id)
        return text

    # One node

    def _entry(self, node: Node) -> Entry:
        return Entry(self._head(node), self._body(node))

    def _head(self, node: Node) -> Styled:
        style = STYLES[node.kind]
        head = Styled()
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

    def _body(self, node: Node) -> list[Styled | Fitted]:
        body: list[Styled | Fitted] = [
            Styled(node.claim, style="bold" if node.kind is Kind.THESIS else "")]
        body += self._meta(node)
        if self.options.quotes and node.quote:
            left, right = self.glyphs.quotes
            body.append(Styled(f"{left}{node.quote}{right}", style="italic"))
        if self.options.notes and node.note:
            note = Styled("Note: ", style="dim bold")
            note.append(node.note, style="dim bold")
            body.append(note)
        body += self._references(node)
        return body

    def _meta(self, node: Node) -> Iterator[Styled | Fitted]:
        if node.held_by:
            held = Styled("held by ", style="italic")
            held.append(node.held_by, style="italic")
            yield held
        source = node.source
        if source is None or not str(source):
            return
        if not source.section:
            yield Styled(str(source), style="dim")
            return
        # A long section heading is cut so the paragraph and page stay on the line.
        full, rest = str(source), str(replace(source, section=None))
        lead = Styled(full[:full.index(source.section)], style="dim")
        tail = Styled(f", {rest}" if rest else "", style="dim")
        yield Fitted(lead, source.section, tail, self.glyphs.ellipsis)

    def _references(self, node: Node) -> Iterator[Styled | Fitted]:
        for word, refs, glyph in (("supports", node.supports, self.glyphs.ref),
                                  ("attacks", node.attacks, self.glyphs.ref),
                                  ("same as", node.same_as, self.glyphs.same)):
            for ref in refs:
                lead = Styled(f"{glyph} {word} ", style="dim")
                lead.append(str(ref), style="dim bold")
                target = self._target(ref)
                if target is None:
                    if self._is_local(ref):
                        lead.append(" (no such node)", style="dim italic")
                    yield lead
                    continue
                left, right = self.glyphs.quotes
                lead.append(f" {left}", style="dim")
                yield Fitted(lead, target.claim, Styled(right, style="dim"), self.glyphs.ellipsis)
        yield from self._undercuts(node)

    def _undercuts(self, node: Node) -> Iterator[Styled | Fitted]:
        """Each link the node undercuts, as `X -> Y`, with the text of X."""
        if not node.undercuts:
            return
        from argmap.links import Failure, links_for

        links = links_for(self.amap, {**self.others, self.amap.id: self.amap})
        for ref, resolved in links.undercuts_of((self.amap.id, node.id)):
            lead = Styled(f"{self.glyphs.undercut} undercuts ", style="dim")
            if resolved.link is None:
                lead.append(str(ref).replace("->", self.glyphs.ref), style="dim bold")
                if resolved.failure is not Failure.UNCHECKED:
                    lead.append(" (no such link)", style="dim italic")
                yield lead
                continue
            lead.append(resolved.link.name(self.amap.id).replace("->", self.glyphs.ref),
                        style="dim bold")
            source = links.node(resolved.link.source)
            if source is None:
                yield lead
                continue
            left, right = self.glyphs.quotes
            lead.append(f" {left}", style="dim")
            yield Fitted(lead, source.claim, Styled(right, style="dim"), self.glyphs.ellipsis)

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

    def _header(self) -> list[Styled]:
        lines = [Styled(self.amap.title, style="bold")]
        cite = _citation(self.amap)
        if cite:
            lines.append(Styled(cite, style="dim"))
        return lines

    def _footer(self) -> list[Block]:
        counts = self.amap.counts()
        parts = [f"{n} {kind.value if n == 1 else kind.plural}"
                 for kind, n in counts.items() if n]
        lines: list[Block] = [Phrases(parts, ", ", "dim")]
        total = sum(counts.values())
        if self.shown < total:
            shown = f"{self.shown} of {total} nodes shown ({self._limits()})."
            lines.append(plain(Styled(shown, style="dim")))
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
