"""What a map file may hold: its keys, id and page patterns, limits, and positions.

Shared by the loader's checks and its builder. PyYAML's 0-based marks become 1-based
positions here, in `_mark_span`, and nowhere else.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from argmap.model import Kind, Span

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _MapLoader(_BASE_LOADER):  # type: ignore[misc]
    """PyYAML's safe loader, resolving tags with fewer steps.

    The parser asks for the tag of every node it composes; PyYAML's resolver, written in
    Python, tries its patterns on each plain scalar. A quoted scalar is always text (maps
    hold no explicit tags: they are refused before composing), a list or mapping has its
    one tag, and a short plain value (a key, an id, a number) is resolved once and
    remembered: the same few hundred recur in every map.
    """

    _known: ClassVar[dict[str, str]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG
            tag = self._known.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(value) <= 40 and len(self._known) < 10_000:
                    self._known[value] = tag
            return tag
        if kind is yaml.MappingNode:
            return self.DEFAULT_MAPPING_TAG
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return super().resolve(kind, value, implicit)


#: PyYAML's C loader, which its wheels ship; the pure-Python one where it is missing.
YAML_LOADER: Any = _MapLoader

#: The keys whose values are prose, where a ` #` is far more likely text than a comment
#: (AM305).
PROSE_KEYS = ("claim", "quote", "note", "held_by")

#: File name endings of map files, for folders searched by lint and by map names.
MAP_SUFFIXES = (".yaml", ".yml")

# A 100,000-node map is about 41 MB; the limit keeps a stray huge file from filling memory.
MAX_BYTES = 64 * 1024 * 1024

MAX_DEPTH = 64

#: The largest number a map may hold (a page, paragraph or footnote number, a year).
MAX_NUMBER = 999_999_999

_MAX_NUMBER_CHARS = 40

# Documents whose nesting bound is below this compose safely without a depth scan.
_SAFE_NESTING = 1000

_BRACKET = re.compile(r"[\[\]{}]")

# An anchor, alias or tag sign followed by what can be its name; whether what comes before
# could start a token is checked apart (a regex that looks behind cannot skip ahead fast).
_TOKEN_SIGN = re.compile(r"[&*!](?=[^\s,\[\]{}])")

# Each level of nodes is two levels of YAML (a list, then a mapping), plus the top.
_MAX_YAML_DEPTH = 2 * MAX_DEPTH + 8

FORMAT_VERSION = 1

NODE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*\Z")

MAP_ID = re.compile(r"[a-z][a-z0-9_\-]*\Z")

REFERENCE = re.compile(r"(?:[a-z][a-z0-9_\-]*:)?[A-Za-z][A-Za-z0-9_.\-]*\Z")

LINK = re.compile(r"(?:[a-z][a-z0-9_\-]*:)?[A-Za-z][A-Za-z0-9_.\-]*?"
                  r"(?: *-> *(?:[a-z][a-z0-9_\-]*:)?[A-Za-z][A-Za-z0-9_.\-]*)?\Z")

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

# libyaml breaks lines at U+2028 and U+2029 where editors do not, so every position
# after one would be off; and a value cannot hold a carriage return, escaped or not.
_CONTROL_OR_SEPARATOR = re.compile(_CONTROL.pattern[:-1] + "\u2028\u2029]")

_VALUE_CONTROL = re.compile(_CONTROL.pattern[:-1] + "\r]")

# The escapes of a double-quoted scalar that can stand for a character _VALUE_CONTROL
# finds (`\\t` and `\\n` cannot); a text without any needs no look at its values.
_CONTROL_ESCAPE = re.compile(r"\\[0abefrvNxuU]")

_STR = "tag:yaml.org,2002:str"

_INT = "tag:yaml.org,2002:int"

_TYPE_NAMES = {
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:map": "a mapping",
    "tag:yaml.org,2002:seq": "a list",
}

MAP_KEYS = (
    "argmap", "id", "title", "source", "summary", "thesis", "objections",
    "counterexamples", "rebuttals",
)

SOURCE_KEYS = ("author", "title", "year", "kind", "venue", "volume", "url", "doi")

SOURCE_KINDS = ("article", "chapter", "book", "report", "thesis", "web", "talk", "other")

LOCATOR_KEYS = ("section", "para", "page", "footnote")

#: A page as text: `12`, `iv` (front matter), or a range of either kind, `12-13`, `xii-xiv`.
#: The schema has the same pattern; lint also checks that a range runs forward.
_ARABIC = "[1-9][0-9]{0,8}"

_ROMAN = ("(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})",
          "(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

PAGE_PATTERN = "^(?:" + "|".join(f"{one}(?:-{one})?" for one in (_ARABIC, *_ROMAN)) + ")$"

PAGE = re.compile(PAGE_PATTERN)

NODE_KEYS = (
    "id", "claim", "source", "quote", "note", "tags", "expect", "granted", "undercuts",
    "premises", "counterexamples", "rebuttals", "supports", "attacks", "same_as",
)

OBJECTION_KEYS = (*NODE_KEYS, "held_by")

THESIS_KEYS = tuple(k for k in NODE_KEYS if k not in ("rebuttals", "granted"))

_KEYS_BY_KIND = {
    Kind.THESIS: THESIS_KEYS,
    Kind.OBJECTION: OBJECTION_KEYS,
    Kind.PREMISE: NODE_KEYS,
    Kind.COUNTEREXAMPLE: NODE_KEYS,
    Kind.REBUTTAL: NODE_KEYS,
}

_CHILD_KINDS = (
    ("premises", Kind.PREMISE),
    ("counterexamples", Kind.COUNTEREXAMPLE),
    ("rebuttals", Kind.REBUTTAL),
)


def _mark_span(mark: Any, path: str) -> Span:
    """The one place PyYAML's 0-based marks become 1-based positions."""
    return Span(path, mark.line + 1, mark.column + 1)


def _offset_span(text: str, offset: int, path: str) -> Span:
    """The position of `offset`, with LF, CRLF and a lone CR each ending a line, as in YAML."""
    line, column = _line_column(text, offset)
    return Span(path, line, column)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    breaks = text.count("\n", 0, offset) + text.count("\r", 0, offset) \
        - text.count("\r\n", 0, offset)
    if text.startswith("\r\n", offset - 1) and offset:
        breaks -= 1  # the offset falls between the two halves of a CRLF
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return breaks + 1, offset - line_start + 1
