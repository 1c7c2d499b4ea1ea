"""Inline suppression: `# argmap: disable=AM301` comments in a map file.

A `disable=` comment on any line of a node's own keys (its `- id:` line, its `claim:`,
its `source:`...) silences the rules it names for findings anywhere on those lines, so it
need not sit on the exact line a finding is reported at. `disable-file=` silences them
in the whole file. Codes or names that are no rule are reported (AM007), not ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.model import ArgMap, Node

_COMMENT = re.compile(r"#\s*argmap:\s*(disable|disable-file)\s*=\s*([\w\-]+(?:\s*,\s*[\w\-]+)*)")


@dataclass(frozen=True)
class Suppressions:
    by_line: dict[int, frozenset[str]] = field(default_factory=dict)
    whole_file: frozenset[str] = frozenset()
    #: (line, column, word) of every code or name a comment gives, to check they exist.
    named: tuple[tuple[int, int, str], ...] = ()

    def hides(self, line: int, code: str, name: str) -> bool:
        names = self.whole_file | self.by_line.get(line, frozenset())
        return code in names or name in names


def parse(text: str, amap: ArgMap | None = None) -> Suppressions:
    """Find suppression comments; each names rule codes or names, comma-separated. With
    the map, a comment covers every line of the node whose keys it sits among."""
    if "argmap:" not in text:
        return Suppressions()
    by_line: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    named: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "argmap:" not in line:
            continue
        for match in _COMMENT.finditer(line):
            codes = _split(match.group(2))
            named.extend((number, line.find(code, match.start(2)) + 1, code)
                         for code in sorted(codes))
            if match.group(1) == "disable-file":
                whole.update(codes)
            else:
                by_line[number] = by_line.get(number, frozenset()) | codes
    if amap is not None and by_line:
        by_line = _widen(by_line, amap)
    return Suppressions(by_line, frozenset(whole), tuple(named))


def _widen(by_line: dict[int, frozenset[str]], amap: ArgMap) -> dict[int, frozenset[str]]:
    widened = dict(by_line)
    for lines in _node_lines(amap.walk()):
        codes = frozenset().union(*(by_line.get(line, frozenset()) for line in lines))
        if codes:
            for line in lines:
                widened[line] = widened.get(line, frozenset()) | codes
    return widened


def _node_lines(nodes: Iterable[Node]) -> Iterable[range]:
    """For each node, the lines of its own keys: from its first line to the last line
    before its first child (or its last key, if it has none)."""
    for node in nodes:
        start = node.span.line
        if node.children:
            end = min(child.span.line for child in node.children) - 1
        else:
            end = max((span.line for span in node.spans.values()), default=start)
        yield range(start, max(start, end) + 1)


def _split(codes: str) -> frozenset[str]:
    return frozenset(code.strip() for code in codes.split(",") if code.strip())
