"""Argdown lines into elements: statements, arguments, relations and reconstructions.

The parser reads a file (comments already removed) block by block, a block being lines
between blank lines. It keeps each element with its line, each relation a line states
(`Said`), and each premise-conclusion structure (`Pcs`); what they become in argmap's
terms is argmap/importers/argdown_builder.py's concern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.importers.argdown_text import ScannedText, small_yaml

_HEADING = re.compile(r"(#+) (.*)")
_NUMBER = re.compile(r"(\s*)\((\d+)\)\s*(.*)")
_RELATION = re.compile(r"(\s*)(\+>|->|<\+|\+|<-|-|><|_>|<_|_(?=\s))\s*(.*)")
_LIST_ITEM = re.compile(r"(\s*)(?:\*|\d+\.)(?=\s)\s*(.*)")
_STATEMENT_DEF = re.compile(r"\[(.+?)\]:\s*(.*)", re.S)
_STATEMENT_REF = re.compile(r"\[([^-].*?)\](.*)", re.S)
_ARGUMENT_DEF = re.compile(r"<(.+?)>:\s*(.*)", re.S)
_ARGUMENT_REF = re.compile(r"<([^-].*?)>(.*)", re.S)
_DASHES = re.compile(r"-{2,}")


@dataclass(eq=False)
class Element:
    kind: str  # "statement", "argument" or "inference"
    title: str | None
    first: str = ""
    top: bool = False
    line: int = 0
    #: Continuation lines, joined only once: a long statement stays linear.
    more: list[str] = field(default_factory=list)

    @property
    def raw(self) -> str:
        return "\n".join([self.first, *self.more]) if self.more else self.first


@dataclass(eq=False)
class Pcs:
    argument: Element | None
    items: list[tuple[int, Element]] = field(default_factory=list)
    #: For each inference element: the numbers it uses, if it says.
    uses: dict[int, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Said:
    parent: Element
    operator: str
    child: Element


class Parser:
    """Blocks of lines into elements, relations and premise-conclusion structures."""

    def __init__(self) -> None:
        self.elements: list[Element] = []
        self.said: list[Said] = []
        self.pcs: list[Pcs] = []
        self.headings: list[str] = []
        self.last_top: Element | None = None

    def parse(self, lines: list[str]) -> None:
        block: list[tuple[int, str]] = []
        for number, line in enumerate([*lines, ""], start=1):
            if line.strip():
                block.append((number, line))
            elif block:
                self._block(block)
                block = []

    def _block(self, block: list[tuple[int, str]]) -> None:
        levels: list[tuple[int, Element]] = []
        last: Element | None = None
        pcs: Pcs | None = None
        index = 0
        while index < len(block):
            number, line = block[index]
            index += 1
            heading = _HEADING.match(line)
            numbered = _NUMBER.match(line)
            relation = _RELATION.match(line) if last is not None else None
            if heading:
                self.headings.append(heading.group(2))
                last, levels, pcs, self.last_top = None, [], None, None
            elif numbered:
                pcs = pcs or self._start_pcs()
                element = self._element(numbered.group(3), number, top=False)
                pcs.items.append((int(numbered.group(2)), element))
                last, levels = element, [(len(numbered.group(1)), element)]
            elif pcs is not None and line.strip().startswith("--"):
                index = self._inference(block, index - 1, pcs)
                last = pcs.items[-1][1]
                levels = [(len(line) - len(line.lstrip()), last)]
            elif relation and last is not None:
                last = self._relation(relation, levels, last, number)
            elif last is not None and not _LIST_ITEM.match(line):
                last.more.append(line.strip())
            else:
                item = _LIST_ITEM.match(line)
                content = item.group(2) if item else line.strip()
                last = self._element(content, number, top=True)
                levels, pcs = [(len(line) - len(line.lstrip()), last)], None

    def _relation(self, match: re.Match[str], levels: list[tuple[int, Element]],
                  last: Element, number: int) -> Element:
        """Nest a relation line as Argdown does: a dedent lands on the enclosing level."""
        indent = len(match.group(1))
        if indent > levels[-1][0]:
            levels.append((indent, last))
        else:
            while len(levels) > 1 and indent < levels[-1][0]:
                levels.pop()
        child = self._element(match.group(3), number, top=False)
        self.said.append(Said(levels[-1][1], match.group(2), child))
        return child

    def _element(self, content: str, number: int, *, top: bool) -> Element:
        element = Element("statement", None, content, top, number)
        for pattern, kind in ((_STATEMENT_DEF, "statement"), (_STATEMENT_REF, "statement"),
                              (_ARGUMENT_DEF, "argument"), (_ARGUMENT_REF, "argument")):
            match = pattern.match(content)
            if match:
                element = Element(kind, match.group(1).strip(), match.group(2), top, number)
                break
        self.elements.append(element)
        if top:
            self.last_top = element
        return element

    def _start_pcs(self) -> Pcs:
        """A new structure: it reconstructs the argument written just before it, if any."""
        before = self.last_top
        argument = before if before is not None and before.kind == "argument" \
            and not any(p.argument is before for p in self.pcs) else None
        pcs = Pcs(argument)
        self.pcs.append(pcs)
        self.last_top = None
        return pcs

    def _inference(self, block: list[tuple[int, str]], index: int, pcs: Pcs) -> int:
        """Read an inference (`----`, `-- rule --`, or `--` lines `--`); return the next index."""
        number, line = block[index]
        rest = line.strip()[2:]
        body: list[str] = []
        index += 1
        while not _DASHES.search(rest) and index < len(block):
            body.append(rest)
            rest = block[index][1].strip()
            index += 1
        body.append(_DASHES.split(rest, 1)[0])
        inference = Element("inference", None, " ".join(body), False, number)
        self.elements.append(inference)
        pcs.items.append((0, inference))
        uses = _uses(inference.raw)
        if uses:
            pcs.uses[id(inference)] = uses
        return index


def _uses(text: str) -> list[int]:
    start = text.find("{")
    end = ScannedText(text).brace_end(start) if start >= 0 else None
    if start < 0 or end is None:
        return []
    data = small_yaml(text[start:end])
    uses = data.get("uses") if isinstance(data, dict) else None
    return [n for n in uses if isinstance(n, int)] if isinstance(uses, list) else []
