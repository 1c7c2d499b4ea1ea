"""Build the model from composed YAML: every key checked, every node with its position.

The builder reports what is wrong (unknown or misspelt keys, wrong types, bad ids,
references and links) and goes on, so one run lists every problem of a file.

Long because it is one class: every reader of a part of the format is a method sharing
its problem list and path, and each method is short.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import Any

import yaml

from argmap.map_format import (
    _CHILD_KINDS,
    _INT,
    _KEYS_BY_KIND,
    _MAX_NUMBER_CHARS,
    _STR,
    _TYPE_NAMES,
    FORMAT_VERSION,
    LINK,
    LOCATOR_KEYS,
    MAP_ID,
    MAP_KEYS,
    MAX_DEPTH,
    MAX_NUMBER,
    NODE_ID,
    PAGE,
    REFERENCE,
    SOURCE_KEYS,
    SOURCE_KINDS,
    _mark_span,
)
from argmap.model import ArgMap, Kind, Label, LinkRef, Locator, Node, Ref, Source, Span
from argmap.problem import Problem, Severity


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
