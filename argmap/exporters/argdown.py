"""Argdown (https://argdown.org): statements titled by argmap ids, in one tree per root.

    [T]: The thesis.
      + [P1]: A premise.
      - [O1]: An objection.
        -> [O2]

Nested premises are `+` and nested attackers `-` under the claim they support or
attack; `supports:` and `attacks:` entries are `+>` and `->` lines under their source. A
linked group becomes an argument whose premise-conclusion structure lists the
co-premises, `<P2 + P3 → T>`, sketched in the tree and reconstructed after it. An
undercut is a `_>` line under the undercutter onto an argument named for the link:
`<X → Y>` for a support, `<X ⇒ Y>` for an attack, `<U ⇒ (X ⇒ Y)>` for an undercut, or
the linked group's own argument; a nested undercutter is written on its own after the
tree it sits in, since Argdown nests nothing under a statement that does not relate to
it. Claim text
is escaped so Argdown reads it as plain text; a line break in a claim becomes a space,
since Argdown joins the lines of a statement. YAML front matter carries the map's title
and, under `argmap`, its id and thesis for `argmap import`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.exporters import Export
from argmap.exporters.common import Inference, relations, unsaid
from argmap.links import Link, Links
from argmap.model import ArgMap, Kind, Node, Relation

_ALWAYS = frozenset("\\[]<>{}#*_")
_SHORTCODE = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")
INDENT = "  "


def escape(text: str) -> str:
    """`text` on one line, with every character Argdown would interpret escaped."""
    flat = " ".join(text.split())
    out: list[str] = []
    for i, char in enumerate(flat):
        if (char in _ALWAYS
                or (char == "/" and flat[i + 1:i + 2] in ("/", "*"))
                or (char == "=" and flat[i + 1:i + 3] == "==")
                or (char in ".:" and _SHORTCODE.match(flat, i))):
            out.append("\\")
        out.append(char)
    return "".join(out)


def argument_title(inference: Inference) -> str:
    return " + ".join(inference.premises) + " → " + inference.conclusion


def export(amap: ArgMap) -> Export:
    writer = _Writer(amap)
    return Export(writer.document(), tuple(writer.notes))


@dataclass
class _Writer:
    amap: ArgMap
    notes: list[str] = field(default_factory=list)
    #: Blocks still to write at the top level: linked premises and their argument.
    pending: list[Inference] = field(default_factory=list)
    queued: set[Inference] = field(default_factory=set)
    #: Nested undercutters, written at the top level after the tree they sit in.
    loose: list[Node] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.index = self.amap.index()
        found = relations(self.amap, "Argdown")
        self.notes.extend(found.notes)
        self.linked = {(inf.conclusion, inf.premises[0]): inf
                       for inf in found.inferences if inf.linked}
        self.declared: dict[str, list[tuple[Relation, str]]] = {}
        for edge in self.amap.edges():
            if edge.declared and edge.target.map in (None, self.amap.id) \
                    and edge.target.id in self.index:
                self.declared.setdefault(edge.source, []).append((edge.relation, edge.target.id))
        self.notes.extend(unsaid(self.amap, "Argdown", kept=("tags",)))
        self.undercuts = self._undercuts(found.inferences)
        broken = [node.id for node in self.amap.walk() if "\n" in node.claim.strip()]
        if broken:
            self.notes.append("Argdown joins the lines of a statement: the line breaks in "
                              + ", ".join(f"`{i}`" for i in broken) + " become spaces")

    def document(self) -> str:
        blocks = [self._front_matter(),
                  "// Exported by argmap. Statement titles are the map's node ids."]
        roots = (self.amap.thesis, *self.amap.counterexamples, *self.amap.rebuttals)
        for root in roots:
            lines: list[str] = []
            self._statement(root, None, 0, lines)
            if root is self.amap.thesis:
                for objection in self.amap.objections:
                    self._statement(objection, "-", 1, lines)
            blocks.append("\n".join(lines))
            blocks.extend(self._drain())
            while self.loose:
                lines = []
                self._statement(self.loose.pop(0), None, 0, lines)
                blocks.append("\n".join(lines))
                blocks.extend(self._drain())
        return "\n\n".join(blocks) + "\n"

    def _front_matter(self) -> str:
        import yaml

        data: dict[str, object] = {"title": self.amap.title}
        if self.amap.source.author:
            data["author"] = ", ".join(self.amap.source.author)
        data["argmap"] = {"id": self.amap.id, "thesis": self.amap.thesis.id}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_style='"',
                              width=float("inf"))
        # Front matter ends at the next `===`, even inside a quoted string.
        return "===\n" + text.replace("==", "=\\x3d") + "==="

    def _statement(self, node: Node, sign: str | None, depth: int, lines: list[str]) -> None:
        head = f"{INDENT * depth}{sign + ' ' if sign else ''}[{node.id}]: {escape(node.claim)}"
        lines.append(head + self._tags(node))
        inner = INDENT * (depth + 1)
        for child in node.children:
            if child.nested_undercut:
                self.loose.append(child)
                continue
            if child.group is None:
                self._statement(child, "+" if child.kind is Kind.PREMISE else "-", depth + 1,
                                lines)
                continue
            inference = self.linked.get((node.id, child.id))
            if inference is not None:
                lines.append(f"{inner}+ <{argument_title(inference)}>")
                # Under a repeated id, a co-premise can be the node that holds its own
                # group: each group is written once, so the export ends.
                if inference not in self.queued:
                    self.queued.add(inference)
                    self.pending.append(inference)
        for relation, target in self.declared.get(node.id, ()):
            lines.append(f"{inner}{'+>' if relation is Relation.SUPPORT else '->'} [{target}]")
        for title in self.undercuts.get(node.id, ()):
            lines.append(f"{inner}_> <{title}>")

    def _undercuts(self, inferences: list[Inference]) -> dict[str, list[str]]:
        """For each undercutter, the titles of the arguments standing for what it undercuts."""
        groups = {(member, inf.conclusion): argument_title(inf)
                  for inf in inferences if inf.linked for member in inf.premises}
        links = Links({self.amap.id: self.amap})

        def title(link: Link) -> str | None:
            if isinstance(link.target, Link):
                inner = title(link.target)
                return f"{link.source[1]} ⇒ ({inner})" if inner else None
            if link.source[0] != self.amap.id or link.target[0] != self.amap.id:
                return None
            if link.relation is Relation.SUPPORT:
                return groups.get((link.source[1], link.target[1]),
                                  f"{link.source[1]} → {link.target[1]}")
            return f"{link.source[1]} ⇒ {link.target[1]}"

        found: dict[str, list[str]] = {}
        for link in links.all():
            if link.relation is Relation.UNDERCUT:
                named = title(link.target) if isinstance(link.target, Link) else None
                if named is None:
                    self.notes.append(f"`{link.source[1]}` undercuts a link into another map: "
                                      "Argdown holds one map, so the undercut is left out")
                else:
                    found.setdefault(link.source[1], []).append(named)
        return found

    def _tags(self, node: Node) -> str:
        usable = [tag for tag in node.tags if ")" not in tag and tag.strip()
                  and "\n" not in tag]
        if len(usable) < len(node.tags):
            self.notes.append(f"tags of `{node.id}` holding `)` or a line break are left out")
        return "".join(f" #({' '.join(tag.split())})" for tag in usable)

    def _drain(self) -> list[str]:
        """The co-premises of each linked group, then the group as an argument."""
        blocks: list[str] = []
        while self.pending:
            inference = self.pending.pop(0)
            for premise in inference.premises:
                lines: list[str] = []
                self._statement(self.index[premise], None, 0, lines)
                blocks.append("\n".join(lines))
            count = len(inference.premises)
            pcs = [f"({n}) [{premise}]" for n, premise in enumerate(inference.premises, 1)]
            blocks.append(f"<{argument_title(inference)}>")
            blocks.append("\n".join([*pcs, "----", f"({count + 1}) [{inference.conclusion}]"]))
        return blocks
