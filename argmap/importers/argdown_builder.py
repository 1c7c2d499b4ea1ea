"""Argdown elements into the claims and links of a graph, as argdown.py describes.

An argument with a premise-conclusion structure stands for its main conclusion, each
inference step becomes a support, and undercuts are placed on the link they undercut
once every structure is read.
"""

from __future__ import annotations

from argmap.importers.argdown_parser import Element, Parser, Pcs, Said
from argmap.importers.argdown_text import inline
from argmap.importers.graph import Graph, Link, one_line, short
from argmap.model import Relation

# The relation a line states, as (who supports or attacks, whom): "child" or "parent".
_OPERATORS: dict[str, tuple[Relation, str, bool]] = {
    "+": (Relation.SUPPORT, "child", False), "<+": (Relation.SUPPORT, "child", False),
    "-": (Relation.ATTACK, "child", False), "<-": (Relation.ATTACK, "child", False),
    "+>": (Relation.SUPPORT, "parent", False), "->": (Relation.ATTACK, "parent", False),
    "_": (Relation.ATTACK, "child", True), "<_": (Relation.ATTACK, "child", True),
    "_>": (Relation.ATTACK, "parent", True),
}


class Builder:
    """Elements and relations into the claims and links of a graph."""

    def __init__(self, graph: Graph, parser: Parser) -> None:
        self.graph = graph
        self.parser = parser
        self.counter = 0
        self.keys: dict[int, str] = {}
        #: An argument with a structure stands for its main conclusion.
        self.stands_for: dict[str, str] = {}
        #: Where the tree mentions an argument that supports its own conclusion: its
        #: inference goes there, in document order.
        self.mentioned: dict[str, int] = {}
        self.placed: list[tuple[int, Link]] = []
        self.data_seen = False
        self.undercuts = 0
        #: The last inference step of each argument with a structure: (premise, conclusion).
        self.last_step: dict[str, tuple[str, str]] = {}
        #: Undercuts of arguments, resolved once every structure is read.
        self.undercut_said: list[Said] = []

    def build(self) -> None:
        headings = self.parser.headings
        if self.graph.title is None and headings:
            self.graph.title = one_line(inline(headings.pop(0))[0]) or None
        related = {id(s.parent) for s in self.parser.said} | {id(s.child) for s in
                                                               self.parser.said}
        in_pcs = {id(e) for pcs in self.parser.pcs for _, e in pcs.items}
        for element in self.parser.elements:
            if element.kind == "inference":
                continue
            if element.title is None and element.top and id(element) not in related \
                    and id(element) not in in_pcs:
                text = inline(element.raw, keep_tags=True)[0]
                if text:
                    self.graph.prose.append(text)
                continue
            self._claim(element)
        for pcs in self.parser.pcs:
            self._conclude(pcs)
        for said in self.parser.said:
            self._link(said)
        for pcs in self.parser.pcs:
            self._structure(pcs)
        self._undercuts()
        self.placed.sort(key=lambda placed: placed[0])
        self.graph.links.extend(link for _, link in self.placed)
        self._fill_missing_text()
        if self.data_seen:
            self.graph.dropped.append("data blocks ({...}) after statements: left out")
        self._report_structure()

    def _report_structure(self) -> None:
        if self.undercuts:
            self.graph.dropped.append(
                f"{self.undercuts} undercut{'s' if self.undercuts > 1 else ''}: argmap has no "
                "undercuts, so each attacks the conclusion of the inference it undercuts "
                "(a comment marks each)")
        headings = len(self.parser.headings)  # less the one that became the title
        if headings:
            self.graph.dropped.append(f"{headings} heading{'s' if headings > 1 else ''}: "
                                      "argmap has no sections")
        rules = [text for e in self.parser.elements if e.kind == "inference"
                 for text in [inline(e.raw)[0]] if text]
        if rules:
            self.graph.dropped.append(
                f"the names of {len(rules)} inference rule{'s' if len(rules) > 1 else ''} "
                f"(such as {short(rules[0], 30)}): argmap does not name inferences")

    def _key(self, element: Element) -> str:
        if element.title is None:
            if id(element) not in self.keys:
                self.counter += 1
                self.keys[id(element)] = f"u:{self.counter}"
            return self.keys[id(element)]
        return ("s:" if element.kind == "statement" else "a:") + element.title

    def _claim(self, element: Element) -> None:
        text, tags, data = inline(element.raw)
        self.data_seen = self.data_seen or data
        claim = self.graph.claim(self._key(element), text, element.title)
        claim.tags.extend(tag for tag in tags if tag not in claim.tags)

    def _conclude(self, pcs: Pcs) -> None:
        """An argument with a structure becomes its main conclusion."""
        if pcs.argument is not None and pcs.items and pcs.items[-1][1].kind != "inference":
            self._stand_for(pcs.argument, self._key(pcs.items[-1][1]))

    def _structure(self, pcs: Pcs) -> None:
        """Each inference step supports its conclusion, co-premises as one linked group."""
        numbered = {n: self._key(e) for n, e in pcs.items if e.kind != "inference"}
        since: list[str] = []
        step: list[str] | None = None
        line = 0
        last = len(pcs.items) - 1
        for index, (_, element) in enumerate(pcs.items):
            if element.kind == "inference":
                wanted = pcs.uses.get(id(element))
                step = [numbered[n] for n in wanted if n in numbered] if wanted else since
                line = element.line
                continue
            key = self._key(element)
            if step is not None:
                if index == last and pcs.argument is not None:
                    line = self.mentioned.get(self._key(pcs.argument), line)
                if step:
                    self.placed.append((line, Link(tuple(step), key, Relation.SUPPORT)))
                    if index == last and pcs.argument is not None:
                        self.last_step[self._key(pcs.argument)] = (step[0], key)
                since, step = [key], None
            else:
                since.append(key)

    def _stand_for(self, argument: Element, conclusion: str) -> None:
        key = self._key(argument)
        self.stands_for[key] = conclusion
        described = self.graph.claims.pop(key, None)
        target = self.graph.claims[conclusion]
        if target.name is None:
            target.name = argument.title
        if described is not None:
            if described.text:
                target.notes.append(f"The argument <{argument.title}>: {described.text}")
            target.tags.extend(tag for tag in described.tags if tag not in target.tags)
            target.notes.extend(described.notes)

    def _resolve(self, element: Element) -> str:
        if element.kind == "inference":
            return self._inference_conclusion(element)
        key = self._key(element)
        return self.stands_for.get(key, key)

    def _inference_conclusion(self, inference: Element) -> str:
        for pcs in self.parser.pcs:
            items = [e for _, e in pcs.items]
            if inference in items:
                after = items[items.index(inference) + 1:]
                if after:
                    return self._key(after[0])
        return ""

    def _link(self, said: Said) -> None:
        if said.operator == "><":
            parent, child = self._resolve(said.parent), self._resolve(said.child)
            self._add(child, parent, Relation.ATTACK, None, said.child.line)
            self._add(parent, child, Relation.ATTACK, None, said.child.line)
            return
        relation, who, undercut = _OPERATORS[said.operator]
        source, target = (said.child, said.parent) if who == "child" else (said.parent,
                                                                           said.child)
        if undercut and target.kind == "argument" and source.kind != "inference":
            self.undercut_said.append(said)
            return
        source_key, target_key = self._resolve(source), self._resolve(target)
        if source_key == target_key and source.kind == "argument" \
                and self._key(source) in self.stands_for:
            # `+ <A>` under A's own conclusion: Argdown draws the argument there.
            self.mentioned.setdefault(self._key(source), said.child.line)
            return
        comment = None
        target_claim = self.graph.claims.get(target_key)
        target_name = short(target_claim.name or target_claim.text) if target_claim \
            else "?"
        if undercut or target.kind == "inference":
            self.undercuts += 1
            what = f"the argument <{target.title}>" if target.kind == "argument" \
                else target_name
            comment = (f"In the source this undercuts {what}: it attacks the inference to "
                       f"{target_name}, not the claim. argmap has no undercuts, so it attacks "
                       f"{target_name}.")
        elif self._key(target) in self.stands_for:
            comment = (f"In the source this {relation.value} the argument <{target.title}> "
                       f"as a whole; here it {relation.value} the argument's conclusion.")
        self._add(source_key, target_key, relation, comment, said.child.line)

    def _undercuts(self) -> None:
        """Each undercut of an argument: of the link it stands for, if it stands for one."""
        named: set[str] = set()
        for said in self.undercut_said:
            who = _OPERATORS[said.operator][1]
            source, target = (said.child, said.parent) if who == "child" else (
                said.parent, said.child)
            key = self._key(target)
            link = self.last_step.get(key) or self._named_link(target.title or "")
            source_key = self._resolve(source)
            if link is None or source_key not in self.graph.claims:
                self._fallback(said, source, target)
                continue
            if key not in self.stands_for:
                named.add(key)
            self.placed.append((said.child.line, Link((source_key,), link[0], Relation.ATTACK,
                                                      undercut=link[1])))
        for key in named:
            claim = self.graph.claims.get(key)
            if claim is not None and not claim.text and not claim.notes:
                del self.graph.claims[key]

    def _named_link(self, title: str) -> tuple[str, str] | None:
        """The link an argument title names: `X → Y`, `X ⇒ Y`, or `U ⇒ (X ⇒ Y)`."""
        for arrow in (" ⇒ ", " → "):
            source, found, rest = title.partition(arrow)
            if not found:
                continue
            far = rest[1:-1].partition(" ⇒ ")[0] if rest.startswith("(") and \
                rest.endswith(")") else rest
            keys = (f"s:{source}", f"s:{far}")
            if all(key in self.graph.claims for key in keys):
                return keys
        return None

    def _fallback(self, said: Said, source: Element, target: Element) -> None:
        """An undercut of an argument that names no link: an attack on its conclusion."""
        target_key = self._resolve(target)
        target_claim = self.graph.claims.get(target_key)
        name = short(target_claim.name or target_claim.text) if target_claim else "?"
        self._add(self._resolve(source), target_key, Relation.ATTACK,
                  f"In the source this undercuts the argument <{target.title}>: it attacks "
                  f"the inference to {name}, not the claim. argmap could not tell which "
                  f"inference, so it attacks {name}.", said.child.line)

    def _add(self, source: str, target: str, relation: Relation, comment: str | None,
             line: int) -> None:
        if source in self.graph.claims and target in self.graph.claims:
            self.placed.append((line, Link((source,), target, relation, comment)))

    def _fill_missing_text(self) -> None:
        for claim in self.graph.claims.values():
            if not claim.text:
                claim.text = one_line(claim.name or "") or "(no text)"
                claim.comments.append("No text in the source: its title stands in for the "
                                      "claim.")
