"""Inline suppression: `# argmap: disable=AM301` comments in a map file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"#\s*argmap:\s*(disable|disable-file)\s*=\s*([\w\-]+(?:\s*,\s*[\w\-]+)*)")


@dataclass(frozen=True)
class Suppressions:
    by_line: dict[int, frozenset[str]] = field(default_factory=dict)
    whole_file: frozenset[str] = frozenset()

    def hides(self, line: int, code: str, name: str) -> bool:
        names = self.whole_file | self.by_line.get(line, frozenset())
        return code in names or name in names


def parse(text: str) -> Suppressions:
    """Find suppression comments; each names rule codes or names, comma-separated."""
    if "argmap:" not in text:
        return Suppressions()
    by_line: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if "argmap:" not in line:
            continue
        for match in _COMMENT.finditer(line):
            codes = _split(match.group(2))
            if match.group(1) == "disable-file":
                whole.update(codes)
            else:
                by_line[number] = by_line.get(number, frozenset()) | codes
    return Suppressions(by_line, frozenset(whole))


def _split(codes: str) -> frozenset[str]:
    return frozenset(code.strip() for code in codes.split(",") if code.strip())
