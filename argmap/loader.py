"""Read a map file into the model, keeping every position, refusing unsafe YAML.

The YAML is composed, not constructed, with PyYAML's C parser: composed nodes keep
their line and column and show duplicate keys that `safe_load` would silently drop.
Everything a hand-written map must not contain is refused with its own message.
"""

from __future__ import annotations

import difflib
import gc
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from argmap.model import ArgMap, Kind, Label, LinkRef, Locator, Node, Ref, Source, Span
from argmap.problem import ArgmapError, MapInvalid, Problem, Severity

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

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
_TOKEN_START = re.compile(r"(?:\A|[\s\[{,])[&*!](?=[^\s,\[\]{}])")
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


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A file's map, or the problems that kept it from loading."""

    path: str
    map: ArgMap | None
    problems: tuple[Problem, ...]
    text: str = ""
    #: Warnings found while reading a map that loads (AM305): reported, not blocking.
    notices: tuple[Problem, ...] = ()


def load(path: str | os.PathLike[str]) -> ArgMap:
    """Load one map or raise: `ArgmapError` if unreadable, `MapInvalid` if not a map."""
    result = load_file(path)
    if result.map is None:
        raise MapInvalid(result.path, result.problems)
    return result.map


def load_file(path: str | os.PathLike[str]) -> LoadResult:
    """Load a map file. Raises `ArgmapError` only if the file cannot be read at all."""
    name = str(path)
    data = read_bytes(Path(path))
    return load_bytes(data, name)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what cannot be a map file before reading it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArgmapError(f"{path}: no such file") from None
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArgmapError(f"{path}: is a folder, not a map file",
                          hint="Name a .yaml file, or use `argmap lint` on the folder.")
    if not stat.S_ISREG(info.st_mode):
        raise ArgmapError(f"{path}: is not a regular file (a device, pipe or socket)")
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot read: {exc.strerror}") from None


def load_bytes(data: bytes, path: str = "<string>") -> LoadResult:
    """Decode, check and compose a map given as bytes."""
    if len(data) > MAX_BYTES:
        return _fail(path, "AM005", Span(path, 1, 1),
                     f"file is larger than {MAX_BYTES // (1024 * 1024)} MB; no map is that big",
                     "Split the map into several files that refer to each other.")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode("utf-8")  # the text up to the first bad byte
        line, column = _line_column(before, len(before))
        return _fail(path, "AM006", Span(path, line, column),
                     f"file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)",
                     "Save the file as UTF-8 in your editor.")
    return load_text(text, path)


def load_text(text: str, path: str = "<string>") -> LoadResult:
    """Check and compose a map given as text."""
    bad = _bad_character(text, path)
    if bad:
        return LoadResult(path, None, (bad,), text)
    forbidden = _forbidden_tokens(text, path) if _may_hold_forbidden(text) else None
    if forbidden:
        return LoadResult(path, None, (forbidden,), text)
    deep = _deep_span(text, path)
    if deep is not None:
        return _fail(path, "AM005", deep, f"nesting is deeper than {_MAX_YAML_DEPTH} "
                     "levels of YAML; no map is that deep", None, text)
    # The collector finds no garbage in a freshly composed tree, but on a large map its
    # passes over the many new objects take half the load time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compose_and_build(text, path)
    finally:
        if collecting:
            gc.enable()


def _compose_and_build(text: str, path: str) -> LoadResult:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return _syntax_error(exc, text, path)
    except yaml.YAMLError as exc:
        return _fail(path, "AM001", Span(path, 1, 1), f"YAML syntax error: {exc}", None, text)
    except RecursionError:
        return _fail(path, "AM005", _deep_span(text, path) or Span(path, 1, 1),
                     f"nesting is deeper than {_MAX_YAML_DEPTH} levels of YAML; no map is that "
                     "deep", None, text)
    if root is None:
        return _fail(path, "AM002", Span(path, 1, 1), _empty(text, path),
                     "A map starts with `argmap: 1`; `argmap new NAME` writes one to start "
                     "from, and docs/format.md describes every key.", text)
    escaped = _escaped_control(root, path) if "\\" in text else None
    if escaped:
        return LoadResult(path, None, (escaped,), text)
    builder = _Builder(path)
    amap = builder.build(root)
    problems = tuple(sorted(builder.problems, key=Problem.sort_key))
    notices = tuple(_cut_by_comment(root, text, path)) if " #" in text or "\t#" in text else ()
    return LoadResult(path, amap if not problems else None, problems, text, notices)


def _cut_by_comment(root: yaml.Node, text: str, path: str) -> Iterable[Problem]:
    """AM305: unquoted prose followed on its line by a comment that took part of it."""
    from argmap.rules.am305_text_cut_by_comment import CODE, SEVERITY, TEXT_KEYS

    lines = text.split("\n")
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if (isinstance(key, yaml.ScalarNode) and key.value in TEXT_KEYS
                        and isinstance(value, yaml.ScalarNode) and not value.style
                        and value.end_mark.line < len(lines)):
                    rest = lines[value.end_mark.line][value.end_mark.column:]
                    if rest.startswith(" #"):  # one space: text; two or more: a comment
                        comment = rest[1:]
                        column = value.end_mark.column + len(rest) - len(comment) + 1
                        yield Problem(
                            CODE, SEVERITY, Span(path, value.end_mark.line + 1, column),
                            f"the `{key.value}` stops at `{_tail(value.value)}`: the rest of "
                            f"the line, `{_head(comment)}`, is a YAML comment",
                            f"If it is part of the text, put the whole {key.value} in "
                            "quotes.")
                else:
                    stack.append(value)


def _head(text: str, width: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _tail(text: str, width: int = 24) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else "…" + flat[-(width - 1):]


def _empty(text: str, path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix and suffix not in MAP_SUFFIXES and text.strip():
        return f"this is not a map: a map is a YAML file, and this {suffix} file holds no YAML"
    if text.strip():
        return "the file holds only comments and blank lines, no map"
    return "the file is empty"


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> LoadResult:
    """AM001, in argmap's words where the mistake is a common one (argmap.yaml_errors)."""
    from argmap import yaml_errors

    mark = exc.problem_mark or exc.context_mark
    span = _mark_span(mark, path) if mark else Span(path, 1, 1)
    context = _mark_span(exc.context_mark, path) if exc.context_mark else None
    explained = yaml_errors.explain(exc.problem or "", exc.context, span.line, span.column,
                                    context.line if context else None,
                                    context.column if context else None, text)
    if explained is not None:
        return _fail(path, "AM001", Span(path, explained.line, explained.column),
                     explained.message, explained.hint, text)
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        message = f"{exc.problem} ({exc.context})"
    return _fail(path, "AM001", span, f"YAML syntax error: {message}", yaml_errors.GENERAL_HINT,
                 text)


def _bad_character(text: str, path: str) -> Problem | None:
    """The first control character or line separator in the text, as a problem."""
    bad = _CONTROL_OR_SEPARATOR.search(text)
    if bad is None:
        return None
    span = _offset_span(text, bad.start(), path)
    code = ord(bad.group())
    if bad.group() in "\u2028\u2029":
        return Problem("AM006", Severity.ERROR, span,
                       f"line separator U+{code:04X} in the text; YAML reads it as a line "
                       "break where editors show none",
                       "Replace it with a space or a real line break.")
    return Problem("AM006", Severity.ERROR, span, f"control character U+{code:04X} in the text",
                   "Delete it; maps hold printable text, tabs and newlines only.")


def _escaped_control(root: yaml.Node, path: str) -> Problem | None:
    """The first value holding a control character written as an escape (`"\\x1b"`)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            bad = _VALUE_CONTROL.search(node.value)
            if bad:
                return Problem("AM006", Severity.ERROR, _mark_span(node.start_mark, path),
                               f"control character U+{ord(bad.group()):04X} in a quoted value, "
                               "written as an escape",
                               "Delete the escape; maps hold printable text, tabs and "
                               "newlines only.")
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in reversed(node.value) for item in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None


def _fail(path: str, code: str, span: Span, message: str,
          hint: str | None = None, text: str = "") -> LoadResult:
    return LoadResult(path, None, (Problem(code, Severity.ERROR, span, message, hint),), text)


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


def _may_hold_forbidden(text: str) -> bool:
    """Whether an anchor, alias or tag could start somewhere: only then is the text scanned.

    Each of them begins a token, so it follows the start, white space or a flow
    indicator, and stands outside double quotes; "R&D", "5 * 3" or a quoted "&c." in a
    claim need no scan. The test errs towards scanning.
    """
    for match in _TOKEN_START.finditer(text):
        start = match.start()
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        if text.count('"', line_start, match.start()) % 2 == 0:
            return True
    return False


def _forbidden_tokens(text: str, path: str) -> Problem | None:
    """Find anchors, aliases and tags before composing, so an alias bomb never expands."""
    messages = {
        yaml.AnchorToken: ("anchors (&name) are not allowed in a map",
                           "Write the text out where it is needed; refer to nodes by id."),
        yaml.AliasToken: ("aliases (*name) are not allowed in a map",
                          "Write the text out, or refer to the node by id in `supports:` "
                          "or `attacks:`."),
        yaml.TagToken: ("explicit YAML tags (such as !!python/object or !!str) are not "
                        "allowed in a map",
                        "Remove the tag; quote the value if it must be read as text."),
    }
    try:
        for token in yaml.scan(text, Loader=_Loader):
            found = messages.get(type(token))
            if found:
                message, hint = found
                return Problem("AM004", Severity.ERROR, _mark_span(token.start_mark, path),
                               message, hint)
    except yaml.YAMLError:
        return None  # composing reports the syntax error with its position
    return None


def _nesting_bound(text: str) -> int:
    """An upper bound on the document's nesting depth, computed without parsing.

    Block nesting needs a deeper column for each level and flow nesting a bracket, so
    no document nests deeper than its longest line plus its opening brackets.
    """
    lines = text.splitlines()
    longest = max(map(len, lines), default=0)
    opened = text.count("[") + text.count("{")
    if longest + opened <= _SAFE_NESTING:
        return longest + opened
    # Many brackets, as in a large map with a `{section: ..., para: N}` on every node:
    # count only those still open at the end of each line.
    depth = accumulate(line.count("[") + line.count("{") - line.count("]") - line.count("}")
                       for line in lines)
    return longest + max(depth, default=0)


def _deep_span(text: str, path: str) -> Span | None:
    """Where YAML nesting first goes deeper than _MAX_YAML_DEPTH, found by the (iterative) scanner.

    Flow nesting is checked in every document, block nesting only where it could be deep.

    libyaml's composer recurses once per level in C, so a document nested many
    thousands of levels deep would overflow the stack: it must be refused unparsed.
    """
    # Some libyaml versions stop flow nesting at their own depth, and its scanner holds
    # back the tokens of a line of brackets until it has read them all: so the text is
    # first cut where its brackets alone could first pass the limit, and that part is
    # scanned on its own, leaving the library no chance to refuse it in its words.
    cut = _bracket_excess(text)
    if cut is not None:
        span = _deep_token_span(text[:cut + 1], path)
        if span is not None:
            return span
    if _nesting_bound(text) > _SAFE_NESTING:
        return _deep_token_span(text, path)
    return None


def _bracket_excess(text: str) -> int | None:
    """The offset where opening brackets, quoted or not, first outnumber the limit."""
    if text.count("[") + text.count("{") <= _MAX_YAML_DEPTH:
        return None
    depth = 0
    for match in _BRACKET.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > _MAX_YAML_DEPTH:
                return match.start()
        elif depth:
            depth -= 1
    return None


def _deep_token_span(text: str, path: str) -> Span | None:
    opening = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
               yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
    closing = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, opening):
                depth += 1
                if depth > _MAX_YAML_DEPTH:
                    return _mark_span(token.start_mark, path)
            elif isinstance(token, closing):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


def _page_number(page: str) -> int:
    if page.isdigit():
        return int(page)
    values = [_ROMAN_VALUES[char] for char in page.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _type_name(node: yaml.Node) -> str:
    return _TYPE_NAMES.get(node.tag, "a value")


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


class _Builder:
    """Turns composed YAML into the model, collecting every schema problem on the way."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    # -- reporting ------------------------------------------------------------

    def span(self, node: yaml.Node) -> Span:
        return _mark_span(node.start_mark, self.path)

    def error(self, code: str, node: yaml.Node, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(code, Severity.ERROR, self.span(node), message, hint))

    def wrong_type(self, node: yaml.Node, where: str, expected: str,
                   hint: str | None = None) -> None:
        self.error("AM002", node, f"{where} must be {expected}, not {_type_name(node)}", hint)

    # -- generic readers ------------------------------------------------------

    def mapping(self, node: yaml.Node, where: str, allowed: tuple[str, ...],
                other: Callable[[str], str | None] | None = None,
                ) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """A mapping's entries by key, reporting duplicates and unknown keys."""
        if not isinstance(node, yaml.MappingNode):
            self.wrong_type(node, where, "a mapping (key: value lines)")
            return None
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.error("AM002", key_node, f"keys in {where} must be plain words")
                continue
            key = key_node.value
            if key in entries:
                first = self.span(entries[key][0])
                self.error("AM003", key_node,
                           f"duplicate key `{key}` in {where} (first at line {first.line}); "
                           "YAML would silently keep only the last one",
                           "Merge the two values or remove one.")
                continue
            if key not in allowed:
                why = (other(key) if other else None) or _suggest(key, allowed)
                allowed_list = ", ".join(allowed)
                self.error("AM002", key_node, f"unknown key `{key}` in {where}"
                           + (f"; {why}" if why else ""),
                           f"Allowed here: {allowed_list}.")
                continue
            entries[key] = (key_node, value_node)
        return entries

    def text(self, node: yaml.Node, where: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            return str(node.value)
        hint = "Put the value in quotes." if isinstance(node, yaml.ScalarNode) else None
        self.wrong_type(node, where, "text", hint)
        return None

    def integer(self, node: yaml.Node, where: str, minimum: int = 1) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
            digits = node.value.replace("_", "")
            # Hex and binary escape Python's limit on decimal digits, and a number too
            # long to print fails later: no page or paragraph number is that long.
            try:
                value = int(digits, 0) if len(digits) <= _MAX_NUMBER_CHARS else None
            except ValueError:
                value = None
            if value is not None and minimum <= value <= MAX_NUMBER:
                return value
        self.wrong_type(node, where,
                        f"a whole number of at least {minimum} and at most {MAX_NUMBER:,}")
        return None

    def sequence(self, node: yaml.Node, where: str) -> list[yaml.Node]:
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.wrong_type(node, where, "a list", "Start each item on its own line with `- `.")
        return []

    def texts(self, node: yaml.Node, where: str) -> tuple[str, ...]:
        items = (self.text(item, f"each item of {where}") for item in self.sequence(node, where))
        return tuple(item for item in items if item is not None)

    def refs(self, node: yaml.Node, where: str) -> tuple[Ref, ...]:
        refs = []
        for item in self.sequence(node, where):
            value = self.text(item, f"each item of {where}")
            if value is None:
                continue
            if not REFERENCE.match(value):
                self.error("AM002", item, f"`{value}` in {where} is not a node reference",
                           "Write a node id (`P1`) or a map and an id (`arsene:O1`).")
                continue
            refs.append(Ref.parse(value, self.span(item)))
        return tuple(refs)

    def links(self, node: yaml.Node, where: str) -> tuple[LinkRef, ...]:
        links = []
        for item in self.sequence(node, where):
            value = self.text(item, f"each item of {where}")
            if value is None:
                continue
            if not LINK.match(value):
                self.error("AM002", item, f"`{value}` in {where} is not a link",
                           "Write the node whose link it is (`P4.C1`), or the node and its "
                           "target (`P4.C1 -> P4`, `arsene:O1 -> arsene:T`).")
                continue
            links.append(LinkRef.parse(value, self.span(item)))
        return tuple(links)

    def flag(self, node: yaml.Node, where: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return node.value.lower() in ("true", "yes", "on")
        self.wrong_type(node, where, "true or false")
        return False

    # -- the map --------------------------------------------------------------

    def build(self, root: yaml.Node) -> ArgMap | None:
        entries = self.mapping(root, "the map", MAP_KEYS, _misplaced_at_top)
        if entries is None:
            return None
        spans = {key: self.span(value) for key, (_, value) in entries.items()}
        for key in ("argmap", "id", "title", "thesis"):
            if key not in entries:
                self.error("AM002", root, f"the map has no `{key}`",
                           _MISSING_HINTS.get(key))
        version = self._version(entries)
        map_id = self._map_id(entries)
        title = self._optional_text(entries, "title", "the map's `title`")
        summary = self._optional_text(entries, "summary", "the map's `summary`")
        source = self._source(entries["source"][1]) if "source" in entries else Source()
        thesis = self._node(entries["thesis"][1], Kind.THESIS, None, None, 1) \
            if "thesis" in entries else None
        lists = {}
        for key, kind in (("objections", Kind.OBJECTION),
                          ("counterexamples", Kind.COUNTEREXAMPLE),
                          ("rebuttals", Kind.REBUTTAL)):
            lists[key] = self._nodes(entries, key, kind)
        if None in (version, map_id, title, thesis) or self.problems:
            return None
        assert thesis is not None and map_id is not None and title is not None
        return ArgMap(
            id=map_id, title=title, path=self.path, span=self.span(root), thesis=thesis,
            objections=lists["objections"], counterexamples=lists["counterexamples"],
            rebuttals=lists["rebuttals"], source=source, summary=summary,
            spans=MappingProxyType(spans),
        )

    def _version(self, entries: dict[str, tuple[yaml.Node, yaml.Node]]) -> int | None:
        if "argmap" not in entries:
            return None
        node = entries["argmap"][1]
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT and node.value == "1":
            return FORMAT_VERSION
        self.error("AM002", node, f"`argmap: {getattr(node, 'value', '...')}` is not a format "
                   f"version this argmap reads", f"Write `argmap: {FORMAT_VERSION}`.")
        return None

    def _map_id(self, entries: dict[str, tuple[yaml.Node, yaml.Node]]) -> str | None:
        if "id" not in entries:
            return None
        node = entries["id"][1]
        value = self.text(node, "the map's `id`")
        if value is not None and not MAP_ID.match(value):
            self.error("AM002", node, f"map id `{value}` must be lower case letters, digits, "
                       "`_` or `-`, starting with a letter", "For example `id: qiu`.")
            return None
        return value

    def _optional_text(self, entries: dict[str, tuple[yaml.Node, yaml.Node]], key: str,
                       where: str) -> str | None:
        return self.text(entries[key][1], where) if key in entries else None

    def _source(self, node: yaml.Node) -> Source:
        entries = self.mapping(node, "the map's `source`", SOURCE_KEYS)
        if not entries:
            return Source()
        values: dict[str, Any] = {}
        for key, (_, value) in entries.items():
            where = f"`source: {key}`"
            if key == "author":
                if isinstance(value, yaml.SequenceNode):
                    values[key] = self.texts(value, where)
                else:
                    one = self.text(value, where)
                    values[key] = (one,) if one is not None else ()
            elif key == "year":
                values[key] = self.integer(value, where, minimum=0)
            elif key == "volume" and isinstance(value, yaml.ScalarNode) and value.tag == _INT:
                values[key] = value.value
            elif key == "kind":
                kind = self.text(value, where)
                if kind is not None and kind not in SOURCE_KINDS:
                    self.error("AM002", value, f"`{kind}` is not a kind of source; "
                               + (_suggest(kind, SOURCE_KINDS) or "use one of the list"),
                               "One of: " + ", ".join(SOURCE_KINDS) + ".")
                    kind = None
                values[key] = kind
            else:
                values[key] = self.text(value, where)
        return Source(**values)

    # -- nodes ----------------------------------------------------------------

    def _nodes(self, entries: dict[str, tuple[yaml.Node, yaml.Node]], key: str,
               kind: Kind) -> tuple[Node, ...]:
        if key not in entries:
            return ()
        items = self.sequence(entries[key][1], f"`{key}`")
        nodes = (self._node(item, kind, None, None, 2) for item in items)
        return tuple(node for node in nodes if node is not None)

    def _node(self, yaml_node: yaml.Node, kind: Kind, parent: str | None,
              group: int | None, depth: int) -> Node | None:
        where = f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}"
        if depth > MAX_DEPTH:
            self.error("AM005", yaml_node,
                       f"nesting is deeper than {MAX_DEPTH} levels; no map is that deep",
                       "Move deep chains into `supports:`/`attacks:` references.")
            return None
        allowed = _KEYS_BY_KIND[kind]
        entries = self.mapping(yaml_node, where, allowed, lambda key: _misplaced(key, kind))
        if entries is None:
            return None
        node_id = self._node_id(yaml_node, entries, where)
        claim = None
        if "claim" in entries:
            claim = self.text(entries["claim"][1], f"the `claim` of {node_id or where}")
        elif not _misspelt("claim", yaml_node, entries):
            self.error("AM002", yaml_node, f"{node_id or where} has no `claim`",
                       "Add `claim:` with the node's text.")
        label = node_id or where
        fields: dict[str, Any] = {}
        for key, (_, value) in entries.items():
            if key in ("quote", "note", "held_by"):
                fields[key] = self.text(value, f"the `{key}` of {label}")
            elif key == "tags":
                fields[key] = self.texts(value, f"the `tags` of {label}")
            elif key in ("supports", "attacks", "same_as"):
                fields[key] = self.refs(value, f"the `{key}` of {label}")
            elif key == "undercuts":
                fields[key] = self.links(value, f"the `undercuts` of {label}")
            elif key == "granted":
                fields[key] = self.flag(value, f"the `granted` of {label}")
            elif key == "source":
                fields[key] = self._locator(value, label)
            elif key == "expect":
                fields[key] = self._expect(value, label)
        children: list[Node] = []
        for key, child_kind in _CHILD_KINDS:
            if key in entries:
                children.extend(self._children(entries[key][1], key, child_kind, node_id,
                                               depth + 1))
        if node_id is None or claim is None:
            return None
        spans = {key: self.span(value) for key, (_, value) in entries.items()}
        return Node(id=node_id, kind=kind, claim=claim, span=self.span(yaml_node),
                    parent=parent, group=group, children=tuple(children),
                    spans=MappingProxyType(spans), **fields)

    def _node_id(self, yaml_node: yaml.Node, entries: dict[str, tuple[yaml.Node, yaml.Node]],
                 where: str) -> str | None:
        if "id" not in entries:
            self.error("AM002", yaml_node, f"{where} has no `id`",
                       "Give every node a short unique id such as `P3` or `O1.C2`.")
            return None
        node = entries["id"][1]
        if isinstance(node, yaml.ScalarNode) and node.tag in (_STR, _INT) \
                and NODE_ID.match(node.value):
            return str(node.value)
        self.error("AM002", node, f"node id `{getattr(node, 'value', '...')}` must start with "
                   "a letter and hold only letters, digits, `_`, `-` and `.`",
                   "For example `P3`, `O1.C2` or `hk-protests`.")
        return None

    def _children(self, node: yaml.Node, key: str, kind: Kind, parent: str | None,
                  depth: int) -> list[Node]:
        children: list[Node] = []
        group_index = 0
        for item in self.sequence(node, f"`{key}`"):
            if kind is Kind.PREMISE and isinstance(item, yaml.MappingNode) and any(
                    k.value == "linked" for k, _ in item.value if isinstance(k, yaml.ScalarNode)):
                group_index += 1
                children.extend(self._linked(item, parent, group_index, depth))
                continue
            child = self._node(item, kind, parent, None, depth)
            if child is not None:
                children.append(child)
        return children

    def _linked(self, item: yaml.Node, parent: str | None, group: int, depth: int) -> list[Node]:
        entries = self.mapping(item, "a linked group", ("linked",))
        if not entries:
            return []
        members = self.sequence(entries["linked"][1], "`linked`")
        if len(members) < 2:
            self.error("AM002", entries["linked"][1],
                       "a linked group needs at least two premises",
                       "List a single premise directly under `premises:`.")
        nodes = (self._node(m, Kind.PREMISE, parent, group, depth + 1) for m in members)
        return [node for node in nodes if node is not None]

    def _locator(self, node: yaml.Node, label: str) -> Locator | None:
        where = f"the `source` of {label}"
        if isinstance(node, yaml.ScalarNode):
            self.wrong_type(node, where, "a locator mapping",
                            "Write for example `source: {section: Introduction, para: 2}`.")
            return None
        entries = self.mapping(node, where, LOCATOR_KEYS)
        if entries is None:
            return None
        if not entries:
            self.error("AM002", node, f"{where} is empty",
                       "Give at least one of: section, para, page, footnote.")
            return None
        values: dict[str, Any] = {}
        for key, (_, value) in entries.items():
            if key == "section":
                values[key] = self.text(value, f"`section` in {where}")
            elif key == "page" and isinstance(value, yaml.ScalarNode) and value.tag == _STR:
                values[key] = self._page_range(value, where)
            else:
                number = self.integer(value, f"`{key}` in {where}")
                values[key] = str(number) if key == "page" and number is not None else number
        return Locator(**values)

    def _page_range(self, node: yaml.ScalarNode, where: str) -> str | None:
        """A page given as text: one page (`"12"`, `"iv"`) or a range whose start is not
        after its end (`"12-13"`, `"xii-xiv"`), as the schema's pattern says."""
        text = str(node.value)
        if PAGE.match(text):
            start, _, end = text.partition("-")
            if not end or _page_number(start) <= _page_number(end):
                return text
        self.error("AM002", node, f"`page` in {where} is {text!r}, not a page number "
                   "or a range of pages",
                   "Write a page (`page: 12`, `page: iv`) or a range, start first "
                   "(`page: \"12-13\"`).")
        return None

    def _expect(self, node: yaml.Node, label: str) -> Label | None:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        try:
            return Label(value)
        except ValueError:
            self.error("AM002", node, f"`expect` of {label} must be `in`, `out` or "
                       f"`undecided`, not `{value if value is not None else '...'}`")
            return None


_MISSING_HINTS = {
    "argmap": "Start the file with `argmap: 1`.",
    "id": "Add `id:` with a short lower-case name for the map, e.g. `id: qiu`.",
    "title": "Add `title:` with a title for the map.",
    "thesis": "Add `thesis:` with the author's main claim (`id`, `claim`, `premises`).",
}


def _misspelt(key: str, node: yaml.Node,
              entries: dict[str, tuple[yaml.Node, yaml.Node]]) -> bool:
    """Whether an unknown key of `node` is close to `key`: its "did you mean" says enough."""
    unknown = [k.value for k, _ in node.value
               if isinstance(k, yaml.ScalarNode) and k.value not in entries]
    return bool(difflib.get_close_matches(key, unknown, n=1, cutoff=0.6))


def _misplaced_at_top(key: str) -> str | None:
    if key in ("premises", "claim", "quote", "expect"):
        return f"`{key}` belongs to the thesis: indent it under `thesis:`"
    if key in ("held_by", "author", "year", "kind", "venue"):
        return (f"`{key}` belongs to an objection" if key == "held_by"
                else f"`{key}` goes under `source:`")
    return None


def _misplaced(key: str, kind: Kind) -> str | None:
    if key == "rebuttals" and kind is Kind.THESIS:
        return "the thesis is attacked by top-level `objections`, not rebuttals"
    if key == "held_by":
        return "only objections have `held_by`"
    if key == "granted" and kind is Kind.THESIS:
        return "the thesis is the author's own claim, not a concession"
    if key == "linked":
        return "`linked:` goes inside a `premises:` list, as one item"
    if key == "objections":
        return "objections are listed at the top level of the map"
    return None
