"""A Markdown outline of the map, for handouts: the thesis tree, objections, answers.

Each claim is a list item, `**ID** role: claim (locator)`, nested under what it supports
or attacks, with its quote in a block quote and the edges the nesting cannot show as
*also supports* / *also attacks* items. User text is escaped, so `*`, `_`, `[`, `<b>`, `#`, `|`,
`&` and backticks print as typed; a line break in a claim stays a line break. A URL is
written as an autolink (`<https://...>`), which no renderer escapes inside, so it stays
a working link on GitHub, whose bare-URL links would keep the backslashes.
"""

from __future__ import annotations

import re

from argmap.exporters import Export
from argmap.model import ArgMap, Kind, Node

_SPECIAL = frozenset("\\`*_[]<>#|&~")
# What opens a list item, or underlines a heading, at the start of a line.
_LINE_START = re.compile(r"[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|[=-](?=[=-]*\s*$)")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\x00-\x1f\x7f]+", re.IGNORECASE)
_TRAILING = ".,:;!?'\"*_~"
ROLES = {
    Kind.THESIS: "thesis",
    Kind.PREMISE: "supports",
    Kind.OBJECTION: "objection",
    Kind.COUNTEREXAMPLE: "counterexample",
    Kind.REBUTTAL: "rebuts",
}


def escape(text: str) -> str:
    """One line of user text as Markdown that shows exactly that text."""
    parts, at = [], 0
    text = text.strip()
    for match in _URL.finditer(text):
        url = _trim(match.group())
        parts += [_escape_chars(text[at:match.start()]), f"<{url}>"]
        at = match.start() + len(url)
    escaped = "".join(parts) + _escape_chars(text[at:])
    start = _LINE_START.match(escaped)
    if start:
        token = start.group()
        escaped = (token[:-1] + "\\" + token[-1]) + escaped[len(token):]
    return escaped


def _escape_chars(text: str) -> str:
    return "".join("\\" + char if char in _SPECIAL else char for char in text)


def _trim(url: str) -> str:
    """The URL without the punctuation that ends the sentence around it; a closing
    bracket stays when the URL opened it (`.../Foo_(bar)`)."""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


def escape_block(text: str, indent: str) -> str:
    """Several lines of user text, joined by hard line breaks, continuing a list item."""
    lines = [escape(line) for line in text.strip().splitlines() if line.strip()]
    return ("\\\n" + indent).join(lines)


def export(amap: ArgMap) -> Export:
    out = [f"# {escape(' '.join(amap.title.split()))}", ""]
    cited = _citation(amap)
    if cited:
        out += [cited, ""]
    if amap.summary:
        out += [escape_block(amap.summary, ""), ""]
    out += ["## Thesis", ""]
    _item(amap.thesis, 0, out, ())
    sections = (("Objections", amap.objections),
                ("Counterexamples standing alone", amap.counterexamples),
                ("Rebuttals standing alone", amap.rebuttals))
    for heading, nodes in sections:
        if nodes:
            out += ["", f"## {heading}", ""]
            for node in nodes:
                _item(node, 0, out, ())
    return Export("\n".join(out) + "\n")


def _citation(amap: ArgMap) -> str:
    source = amap.source
    parts = [escape(part) for part in (source.authors, source.title) if part]
    if source.venue:
        parts.append(escape(source.venue))
    if source.year is not None:
        parts.append(str(source.year))
    return "Source: " + ", ".join(parts) + "." if parts else ""


def _item(node: Node, depth: int, out: list[str], partners: tuple[str, ...]) -> None:
    pad = "  " * depth
    inner = pad + "  "
    role = "undercuts" if node.nested_undercut else ROLES[node.kind]
    if node.granted:
        role += " (granted)"
    if partners:
        role += " only together with " + ", ".join(f"**{partner}**" for partner in partners)
    if node.held_by:
        role += f", held by {escape(node.held_by)}"
    line = f"{pad}- **{node.id}** {role}: {escape_block(node.claim, inner)}"
    if node.source is not None:
        line += f" ({escape(str(node.source))})"
    out.append(line)
    if node.quote:
        out.append(f"{inner}> {escape_block(node.quote, inner + '> ')}")
    for verb, refs in (("supports", node.supports), ("attacks", node.attacks)):
        if refs:
            out.append(f"{inner}- *also {verb}* {', '.join(f'`{ref}`' for ref in refs)}")
    if node.undercuts:
        out.append(f"{inner}- *undercuts the link* "
                   + ", ".join(f"`{link}`" for link in node.undercuts))
    for child in node.children:
        together = tuple(other.id for other in node.children
                         if child.group is not None and other.group == child.group
                         and other is not child)
        _item(child, depth + 1, out, together)
