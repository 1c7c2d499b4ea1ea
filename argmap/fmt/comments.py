"""Find the comments in a map file and tie each to the entry it sits on.

An entry is a key of a block mapping or an item of a block list. A comment at the end of
a line belongs to the innermost entry that starts on that line (so a
`# argmap: disable=` comment stays on the line its finding is reported at); a comment on
its own line belongs before the next entry, unless it is indented deeper than that entry,
when it closes the block above it and goes after the entry it is indented under.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_BLOCK_HEADER = re.compile(r"[|>][0-9+\-]*")


@dataclass(frozen=True, slots=True)
class Comment:
    line: int  # 0-based, as libyaml counts
    column: int
    text: str  # from the `#` to the end of the line, trailing spaces removed
    trailing: bool  # True when something else stands before it on the line


@dataclass
class Attached:
    """Comments by entry: the entry is the key node of a mapping or an item node."""

    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    before: dict[int, list[str]] = field(default_factory=dict)
    trailing: dict[int, str] = field(default_factory=dict)
    after: dict[int, list[str]] = field(default_factory=dict)


def find(text: str) -> list[Comment]:
    """Every comment, in order; `#` inside a quoted or block text is not one."""
    if "#" not in text:
        return []
    lines = text.split("\n")
    covered: dict[int, list[tuple[int, int]]] = {}
    hashed = {number for number, line in enumerate(lines) if "#" in line}
    for token in yaml.scan(text, Loader=_Loader):
        if not isinstance(token, yaml.ScalarToken):
            continue
        start, end = token.start_mark, token.end_mark
        first_end = end.column if end.line == start.line else len(lines[start.line]) + 1
        if token.style in ("|", ">"):
            header = _BLOCK_HEADER.match(lines[start.line], start.column)
            first_end = header.end() if header else first_end
        if start.line in hashed:
            covered.setdefault(start.line, []).append((start.column, first_end))
        for number in range(start.line + 1, end.line + 1):
            if number in hashed:
                stop = end.column if number == end.line else len(lines[number]) + 1
                covered.setdefault(number, []).append((0, stop))
    found = []
    for number in sorted(hashed):
        comment = _comment_on(lines[number], covered.get(number, []))
        if comment is not None:
            column, body = comment
            trailing = bool(lines[number][:column].strip())
            found.append(Comment(number, column, body, trailing))
    return found


def _comment_on(line: str, covered: list[tuple[int, int]]) -> tuple[int, str] | None:
    column = line.find("#")
    while column != -1:
        inside = any(start <= column < stop for start, stop in covered)
        if not inside and (column == 0 or line[column - 1] in " \t"):
            return column, line[column:].rstrip()
        column = line.find("#", column + 1)
    return None


@dataclass(frozen=True, slots=True)
class _Entry:
    line: int
    column: int
    node: yaml.Node
    #: A list item: a comment above it in the item's own column belongs to the list above.
    item: bool = False


def entries(root: yaml.Node) -> list[_Entry]:
    """Every block entry in document order (an item before its first key)."""
    found: list[_Entry] = []
    _walk(root, found)
    return found


def _walk(node: yaml.Node, found: list[_Entry]) -> None:
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        for key, value in node.value:
            found.append(_Entry(key.start_mark.line, key.start_mark.column, key))
            _walk(value, found)
    elif isinstance(node, yaml.SequenceNode) and not node.flow_style:
        for item in node.value:
            found.append(_Entry(item.start_mark.line, item.start_mark.column, item, True))
            _walk(item, found)


def attach(text: str, root: yaml.Node) -> Attached:
    """Tie every comment in `text` to an entry of the composed `root`."""
    attached = Attached()
    comments = find(text)
    if not comments:
        return attached
    found = entries(root)
    lines = [entry.line for entry in found]
    for comment in comments:
        if comment.trailing:
            _attach_trailing(attached, comment, found, lines)
        else:
            _attach_own_line(attached, comment, found, lines)
    return attached


def _attach_trailing(attached: Attached, comment: Comment, found: list[_Entry],
                     lines: list[int]) -> None:
    index = bisect.bisect_right(lines, comment.line) - 1
    if index < 0:
        attached.header.append(comment.text)
        return
    key = id(found[index].node)
    if key in attached.trailing:
        attached.after.setdefault(key, []).append(comment.text)
    else:
        attached.trailing[key] = comment.text


def _attach_own_line(attached: Attached, comment: Comment, found: list[_Entry],
                     lines: list[int]) -> None:
    index = bisect.bisect_right(lines, comment.line)
    if index == 0:
        attached.header.append(comment.text)
        return
    if index < len(found) and comment.column <= found[index].column - found[index].item:
        attached.before.setdefault(id(found[index].node), []).append(comment.text)
        return
    for earlier in range(index - 1, -1, -1):
        if found[earlier].column <= comment.column:
            attached.after.setdefault(id(found[earlier].node), []).append(comment.text)
            return
    if index < len(found):
        attached.before.setdefault(id(found[index].node), []).append(comment.text)
    else:
        attached.footer.append(comment.text)
