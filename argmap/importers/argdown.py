"""Read Argdown (https://argdown.org): statements, arguments, relations, reconstructions.

What becomes what:

- A statement (`[Title]: text`, or untitled text) is a claim; statements sharing a
  title are one claim, the first text wins and the others go into its note.
- An argument without a premise-conclusion structure (`<Title>: text`) is a claim.
  An argument with one is its main conclusion: each inference step supports its
  conclusion (two or more premises are a linked group), relations to and from the
  argument are relations of the conclusion, and its description becomes a note.
- `+`, `<+`, `+>` are supports; `-`, `<-`, `->` attacks; `><` two attacks. An undercut
  (`_`, `_>`, `<_`) of an argument with a structure undercuts its last inference (the
  support of its first premise there for its conclusion); of an argument named for a link
  as argmap writes them (`<X → Y>`, `<X ⇒ Y>`, `<U ⇒ (X ⇒ Y)>`), that link. Any other
  undercut attacks the claim whose inference it undercuts, with a comment.
- Tags (`#tag`, `#(two words)`) become `tags:`; emphasis markers, comments and `{data}`
  are left out; a link `[text](url)` keeps both as `text (url)`; escapes (`\\[`) are
  undone. Text is whitespace-normalised, as Argdown does.
- Top-level paragraphs with no title and no relation are prose, not claims (Argdown
  leaves them out of its maps too); they are kept as comments.
- YAML front matter gives the title and the author (`source.author`), and argmap's own
  exports name the thesis in it; its other keys (subTitle, date, color...) are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.importers.graph import Graph, Link, one_line, short
from argmap.model import Relation

_FRONT = re.compile(r"\s*(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?:\n|\Z)", re.S)
_TAG = re.compile(r"#(?:\(([^)]+)\)|([A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
_HEADING = re.compile(r"(#+) (.*)")
_NUMBER = re.compile(r"(\s*)\((\d+)\)\s*(.*)")
_RELATION = re.compile(r"(\s*)(\+>|->|<\+|\+|<-|-|><|_>|<_|_(?=\s))\s*(.*)")
_LIST_ITEM = re.compile(r"(\s*)(?:\*|\d+\.)(?=\s)\s*(.*)")
_STATEMENT_DEF = re.compile(r"\[(.+?)\]:\s*(.*)", re.S)
_STATEMENT_REF = re.compile(r"\[([^-].*?)\](.*)", re.S)
_ARGUMENT_DEF = re.compile(r"<(.+?)>:\s*(.*)", re.S)
_ARGUMENT_REF = re.compile(r"<([^-].*?)>(.*)", re.S)
_DASHES = re.compile(r"-{2,}")
_MARKS = ("**", "__", "*", "_")
_SENTINEL = "\x00"

# The relation a line states, as (who supports or attacks, whom): "child" or "parent".
_OPERATORS: dict[str, tuple[Relation, str, bool]] = {
    "+": (Relation.SUPPORT, "child", False), "<+": (Relation.SUPPORT, "child", False),
    "-": (Relation.ATTACK, "child", False), "<-": (Relation.ATTACK, "child", False),
    "+>": (Relation.SUPPORT, "parent", False), "->": (Relation.ATTACK, "parent", False),
    "_": (Relation.ATTACK, "child", True), "<_": (Relation.ATTACK, "child", True),
    "_>": (Relation.ATTACK, "parent", True),
}


@dataclass(eq=False)
class _Element:
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
class _Pcs:
    argument: _Element | None
    items: list[tuple[int, _Element]] = field(default_factory=list)
    #: For each inference element: the numbers it uses, if it says.
    uses: dict[int, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Said:
    parent: _Element
    operator: str
    child: _Element


def read(text: str, name: str) -> Graph:
    graph = Graph("Argdown")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _front_matter(text, graph)
    parser = _Parser()
    parser.parse(_without_comments(text).split("\n"))
    _Builder(graph, parser).build()
    return graph


def _front_matter(text: str, graph: Graph) -> str:
    match = _FRONT.match(text)
    if not match:
        return text
    data = _small_yaml(match.group(2))
    if not isinstance(data, dict):
        graph.dropped.append("the front matter (===): not a small YAML mapping, ignored")
    else:
        if isinstance(data.get("title"), str):
            graph.title = one_line(data["title"])
        author = data.get("author")
        names = [author] if isinstance(author, str) else author
        if isinstance(names, list) and names and all(isinstance(a, str) and a.strip()
                                                      for a in names):
            graph.author = tuple(one_line(name) for name in names)
        elif author is not None:
            graph.dropped.append("the front matter's author: not a name or a list of names")
        others = [str(key) for key in data if key not in ("title", "author", "argmap")]
        if others:
            graph.dropped.append(f"the front matter's {', '.join(others)}: argmap keeps only "
                                 "the title and the author")
        own = data.get("argmap")
        if isinstance(own, dict):
            if isinstance(own.get("id"), str):
                graph.map_id = own["id"]
            if isinstance(own.get("thesis"), str):
                graph.thesis = "s:" + own["thesis"]
    return "\n" * match.group(0).count("\n") + text[match.end():]


# A run of `[` is taken at once: if no link starts at its first, none starts in it.
_COMMENT_SCAN = re.compile(r"\\|<!--|/\*|//|\[+|\{")
_INLINE_SCAN = re.compile(r"\\|#|\{|\[+|\*\*|__|\*|_")
_BRACES = re.compile(r"\\.|[{}]", re.S)


class _Text:
    """Text with the lookups the scanners need, each linear over the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, tuple[int, int]] = {}
        self._pairs: dict[int, int] | None = None

    def find(self, char: str, start: int) -> int:
        """`text.find(char, start)`, reusing the last answer while it still holds."""
        cached = self._found.get(char)
        if cached is not None and cached[0] <= start and (cached[1] >= start or cached[1] < 0):
            return cached[1]
        found = self.text.find(char, start)
        self._found[char] = (start, found)
        return found

    def link_end(self, start: int) -> int | None:
        """The end of a link `[title](url)` at `start`, as Argdown reads one."""
        close = self.find("]", start + 1)
        if close <= start + 1 or self.text[close + 1:close + 2] != "(":
            return None
        end = self.find(")", close + 2)
        return end + 1 if end > close + 2 else None

    def brace_end(self, start: int) -> int | None:
        """The end of the `{data}` block opening at `start`, or None if it never closes."""
        if self._pairs is None:
            self._pairs, stack = {}, []
            for match in _BRACES.finditer(self.text):
                if match.group() == "{":
                    stack.append(match.start())
                elif match.group() == "}" and stack:
                    self._pairs[stack.pop()] = match.end()
        return self._pairs.get(start)


def _without_comments(text: str) -> str:
    """The text with comments removed; lines that held only a comment disappear."""
    scanned = _Text(text)
    out: list[str] = []
    pos = 0
    while (match := _COMMENT_SCAN.search(text, pos)) is not None:
        out.append(text[pos:match.start()])
        token, start = match.group(), match.start()
        end: int | None
        if token == "\\":
            end = start + 2
            out.append(text[start:end])
        elif token in ("<!--", "/*", "//"):
            close = {"<!--": "-->", "/*": "*/", "//": "\n"}[token]
            found = text.find(close, start + len(token))
            end = len(text) if found < 0 else found + (0 if close == "\n" else len(close))
            out.append(_SENTINEL)
        else:
            end = scanned.brace_end(start) if token == "{" else scanned.link_end(start)
            end = end or start + len(token)
            out.append(text[start:end])
        pos = end
    out.append(text[pos:])
    lines = "".join(out).split("\n")
    return "\n".join(line.replace(_SENTINEL, "") for line in lines
                     if not (_SENTINEL in line and not line.replace(_SENTINEL, "").strip()))


def _small_yaml(text: str) -> object:
    """YAML data from the file, if small and free of aliases; None otherwise."""
    import yaml

    if len(text) > 65536:
        return None
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text)):
            return None
        return yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError):
        return None


class _Parser:
    """Blocks of lines into elements, relations and premise-conclusion structures."""

    def __init__(self) -> None:
        self.elements: list[_Element] = []
        self.said: list[_Said] = []
        self.pcs: list[_Pcs] = []
        self.headings: list[str] = []
        self.last_top: _Element | None = None

    def parse(self, lines: list[str]) -> None:
        block: list[tuple[int, str]] = []
        for number, line in enumerate([*lines, ""], start=1):
            if line.strip():
                block.append((number, line))
            elif block:
                self._block(block)
                block = []

    def _block(self, block: list[tuple[int, str]]) -> None:
        levels: list[tuple[int, _Element]] = []
        last: _Element | None = None
        pcs: _Pcs | None = None
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

    def _relation(self, match: re.Match[str], levels: list[tuple[int, _Element]],
                  last: _Element, number: int) -> _Element:
        """Nest a relation line as Argdown does: a dedent lands on the enclosing level."""
        indent = len(match.group(1))
        if indent > levels[-1][0]:
            levels.append((indent, last))
        else:
            while len(levels) > 1 and indent < levels[-1][0]:
                levels.pop()
        child = self._element(match.group(3), number, top=False)
        self.said.append(_Said(levels[-1][1], match.group(2), child))
        return child

    def _element(self, content: str, number: int, *, top: bool) -> _Element:
        element = _Element("statement", None, content, top, number)
        for pattern, kind in ((_STATEMENT_DEF, "statement"), (_STATEMENT_REF, "statement"),
                              (_ARGUMENT_DEF, "argument"), (_ARGUMENT_REF, "argument")):
            match = pattern.match(content)
            if match:
                element = _Element(kind, match.group(1).strip(), match.group(2), top, number)
                break
        self.elements.append(element)
        if top:
            self.last_top = element
        return element

    def _start_pcs(self) -> _Pcs:
        """A new structure: it reconstructs the argument written just before it, if any."""
        before = self.last_top
        argument = before if before is not None and before.kind == "argument" \
            and not any(p.argument is before for p in self.pcs) else None
        pcs = _Pcs(argument)
        self.pcs.append(pcs)
        self.last_top = None
        return pcs

    def _inference(self, block: list[tuple[int, str]], index: int, pcs: _Pcs) -> int:
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
        inference = _Element("inference", None, " ".join(body), False, number)
        self.elements.append(inference)
        pcs.items.append((0, inference))
        uses = _uses(inference.raw)
        if uses:
            pcs.uses[id(inference)] = uses
        return index


def _uses(text: str) -> list[int]:
    start = text.find("{")
    end = _Text(text).brace_end(start) if start >= 0 else None
    if start < 0 or end is None:
        return []
    data = _small_yaml(text[start:end])
    uses = data.get("uses") if isinstance(data, dict) else None
    return [n for n in uses if isinstance(n, int)] if isinstance(uses, list) else []


class _Builder:
    """Elements and relations into the claims and links of a graph."""

    def __init__(self, graph: Graph, parser: _Parser) -> None:
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
        self.undercut_said: list[_Said] = []

    def build(self) -> None:
        headings = self.parser.headings
        if self.graph.title is None and headings:
            self.graph.title = one_line(_inline(headings.pop(0))[0]) or None
        related = {id(s.parent) for s in self.parser.said} | {id(s.child) for s in
                                                               self.parser.said}
        in_pcs = {id(e) for pcs in self.parser.pcs for _, e in pcs.items}
        for element in self.parser.elements:
            if element.kind == "inference":
                continue
            if element.title is None and element.top and id(element) not in related \
                    and id(element) not in in_pcs:
                text = _inline(element.raw, keep_tags=True)[0]
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
                 for text in [_inline(e.raw)[0]] if text]
        if rules:
            self.graph.dropped.append(
                f"the names of {len(rules)} inference rule{'s' if len(rules) > 1 else ''} "
                f"(such as {short(rules[0], 30)}): argmap does not name inferences")

    def _key(self, element: _Element) -> str:
        if element.title is None:
            if id(element) not in self.keys:
                self.counter += 1
                self.keys[id(element)] = f"u:{self.counter}"
            return self.keys[id(element)]
        return ("s:" if element.kind == "statement" else "a:") + element.title

    def _claim(self, element: _Element) -> None:
        text, tags, data = _inline(element.raw)
        self.data_seen = self.data_seen or data
        claim = self.graph.claim(self._key(element), text, element.title)
        claim.tags.extend(tag for tag in tags if tag not in claim.tags)

    def _conclude(self, pcs: _Pcs) -> None:
        """An argument with a structure becomes its main conclusion."""
        if pcs.argument is not None and pcs.items and pcs.items[-1][1].kind != "inference":
            self._stand_for(pcs.argument, self._key(pcs.items[-1][1]))

    def _structure(self, pcs: _Pcs) -> None:
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

    def _stand_for(self, argument: _Element, conclusion: str) -> None:
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

    def _resolve(self, element: _Element) -> str:
        if element.kind == "inference":
            return self._inference_conclusion(element)
        key = self._key(element)
        return self.stands_for.get(key, key)

    def _inference_conclusion(self, inference: _Element) -> str:
        for pcs in self.parser.pcs:
            items = [e for _, e in pcs.items]
            if inference in items:
                after = items[items.index(inference) + 1:]
                if after:
                    return self._key(after[0])
        return ""

    def _link(self, said: _Said) -> None:
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

    def _fallback(self, said: _Said, source: _Element, target: _Element) -> None:
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


def _inline(raw: str, *, keep_tags: bool = False) -> tuple[str, list[str], bool]:
    """Argdown text as plain text: (text, tags, whether a data block was left out)."""
    scanned = _Text(raw)
    pieces: list[tuple[str, str]] = []  # ("text" | "mark", value)
    tags: list[str] = []
    data = False
    pos = 0
    while (match := _INLINE_SCAN.search(raw, pos)) is not None:
        if match.start() > pos:
            pieces.append(("text", raw[pos:match.start()]))
        token, start = match.group(), match.start()
        pos = start + len(token)
        if token == "\\":
            pieces.append(("text", raw[start + 1:start + 2]))
            pos = start + 2
        elif token == "#" and (tag := _TAG.match(raw, start)):
            tags.append(" ".join((tag.group(1) or tag.group(2)).split()))
            if keep_tags:
                pieces.append(("text", tag.group()))
            pos = tag.end()
        elif token == "{" and (end := scanned.brace_end(start)):
            data, pos = True, end
        elif token[0] == "[" and (end := scanned.link_end(start)):
            title, url = raw[start + 1:end].split("](", 1)
            pieces.append(("text", f"{title} ({url[:-1]})"))
            pos = end
        elif token in _MARKS:
            pieces.append(("mark", token))
        else:
            pieces.append(("text", token))
    pieces.append(("text", raw[pos:]))
    return " ".join(_unmark(pieces).split()), tags, data


def _unmark(pieces: list[tuple[str, str]]) -> str:
    """Drop emphasis markers that open and close around text; keep stray ones as text."""
    def before(index: int) -> str:
        return pieces[index - 1][1][-1:] or " " if index > 0 else " "

    def after(index: int) -> str:
        return pieces[index + 1][1][:1] or " " if index + 1 < len(pieces) else " "

    dropped: set[int] = set()
    open_at: dict[str, int] = {}
    for index, (kind, value) in enumerate(pieces):
        if kind != "mark":
            continue
        opener = open_at.get(value)
        if opener is not None and not before(index).isspace():
            dropped.update((opener, index))
            del open_at[value]
        elif not after(index).isspace():
            open_at[value] = index
    return "".join(value for index, (_, value) in enumerate(pieces) if index not in dropped)

