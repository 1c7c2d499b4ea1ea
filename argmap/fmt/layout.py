"""Write a composed map in the one canonical layout, with its comments.

Keys in the order docs/format.md lists them, two spaces of indentation, node lists as
block lists and everything else (locators, reference lists, tags) in flow style on
the key's line, text quoted only where YAML would otherwise read it differently, long
text folded at the width, and one blank line before each node section of the map.
Scalars are written by PyYAML's emitter, so quoting and folding follow the same YAML
1.1 rules argmap's loader reads with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

from argmap.fmt.comments import Attached
from argmap.loader import LOCATOR_KEYS, MAP_KEYS, SOURCE_KEYS

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

#: Node keys in the order of docs/format.md; `granted` and `undercuts` follow `expect`.
NODE_ORDER = (
    "id", "claim", "source", "quote", "note", "tags", "expect", "granted", "undercuts",
    "premises", "counterexamples", "rebuttals", "supports", "attacks", "same_as", "held_by",
)
DEFAULT_WIDTH = 88
#: Text is never folded narrower than this, however deep the node.
MIN_WIDTH = 40
_UNFOLDED = 1_000_000
_NODE_LISTS = frozenset({"premises", "counterexamples", "rebuttals", "objections", "linked"})
_SECTIONS = frozenset({"thesis", "objections", "counterexamples", "rebuttals"})
_HEADER = re.compile(r"[|>][0-9+\-]*\Z")
_REFERENCE_KEYS = frozenset({"supports", "attacks", "same_as", "undercuts"})
_ID = r"(?:[a-z][a-z0-9_\-]*:)?[A-Za-z][A-Za-z0-9_.\-]*"
_PLAIN_REFERENCE = re.compile(rf"{_ID}(?: *-> *{_ID})?\Z")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"


class Layout:
    """Lines of the formatted file, built by walking the composed tree once."""

    def __init__(self, comments: Attached, width: int = DEFAULT_WIDTH) -> None:
        self.comments = comments
        self.width = width
        self.lines: list[str] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def document(self, root: yaml.MappingNode) -> str:
        self.lines.extend(self.comments.header)
        self._mapping(root, 0, MAP_KEYS, top=True)
        self.lines.extend(self.comments.footer)
        return "\n".join(self.lines) + "\n"

    # -- block structure ------------------------------------------------------

    def _mapping(self, node: yaml.MappingNode, indent: int, order: Sequence[str],
                 top: bool = False, item: bool = False) -> None:
        """The mapping's entries; as a list item, the first one goes on the `- ` line."""
        pad = " " * indent
        for number, (key, value) in enumerate(_ordered(node, order)):
            name = str(key.value)
            if top and name in _SECTIONS and self.lines:
                self.lines.append("")
            before = self.comments.before.get(id(key), [])
            if item and number == 0:
                self._dash_line_comments(before, indent)
            else:
                self.lines.extend(pad + text for text in before)
            start = len(self.lines)
            self._entry(name, key, value, indent, top)
            if item and number == 0:
                self.lines[start] = " " * (indent - 2) + "- " + self.lines[start][indent:]
            self.lines.extend(pad + text for text in self.comments.after.get(id(key), []))

    def _dash_line_comments(self, comments: list[str], indent: int) -> None:
        """A comment above an item's first key cannot sit between `- ` and the key."""
        self.lines.extend(" " * (indent - 2) + text for text in comments)

    def _entry(self, name: str, key: yaml.Node, value: yaml.Node, indent: int,
               top: bool) -> None:
        trailing = self.comments.trailing.get(id(key))
        block_list = (name in _NODE_LISTS or (top and name in _SECTIONS)) \
            and isinstance(value, yaml.SequenceNode) and value.value
        block_map = isinstance(value, yaml.MappingNode) and value.value and top \
            and name in ("thesis", "source")
        pad = " " * indent
        if block_list:
            assert isinstance(value, yaml.SequenceNode)
            self.lines.append(pad + name + ":" + _suffix(trailing))
            self._items(value, indent + 2)
        elif block_map:
            assert isinstance(value, yaml.MappingNode)
            self.lines.append(pad + name + ":" + _suffix(trailing))
            order = SOURCE_KEYS if name == "source" else NODE_ORDER
            self._mapping(value, indent + 2, order)
        else:
            self.lines.extend(pad + line if line else line
                              for line in self._leaf(name, value, indent, trailing))

    def _items(self, node: yaml.SequenceNode, indent: int) -> None:
        for item in node.value:
            pad = " " * indent
            self.lines.extend(pad + text for text in self.comments.before.get(id(item), []))
            trailing = self.comments.trailing.get(id(item))
            if trailing is not None:
                self.lines.append(" " * indent + trailing)
            if isinstance(item, yaml.MappingNode) and item.value:
                order = ("linked",) if _is_linked(item) else NODE_ORDER
                self._mapping(item, indent + 2, order, item=True)
            else:
                rendered = self._value_lines(item, indent + 2, None)
                self.lines.append(" " * indent + "- " + rendered[0])
                self.lines.extend(" " * (indent + 2) + line if line else line
                                  for line in rendered[1:])
            self.lines.extend(pad + text for text in self.comments.after.get(id(item), []))

    # -- leaves ---------------------------------------------------------------

    def _leaf(self, name: str, value: yaml.Node, indent: int, trailing: str | None) -> list[str]:
        references = _references(value) if name in _REFERENCE_KEYS else None
        if references is not None:
            return [f"{name}: [{references}]" + _suffix(trailing)]
        pair = yaml.MappingNode(_MAP, [(yaml.ScalarNode(_STR, name), self._plain(value))],
                                flow_style=False)
        return self._emit(pair, indent, trailing)

    def _value_lines(self, value: yaml.Node, indent: int, trailing: str | None) -> list[str]:
        return self._emit(self._plain(value), indent, trailing)

    def _emit(self, node: yaml.Node, indent: int, trailing: str | None) -> list[str]:
        width = _UNFOLDED if trailing is not None else max(self.width - indent, MIN_WIDTH)
        lines = _serialize(node, width)
        if trailing is None:
            return lines
        if len(lines) > 1 and not _block_header(lines[0]):
            # The comment must stay on the first line: write the text on one line.
            lines = _serialize(_double_quoted(node), width)
        lines[0] += "  " + trailing
        return lines

    def _plain(self, node: yaml.Node) -> yaml.Node:
        """A fresh node with the same value and no style: the emitter picks the style."""
        if isinstance(node, yaml.ScalarNode):
            value = self._constructor.construct_object(node)
            represented = yaml.representer.SafeRepresenter().represent_data(value)
            # A text ending in blank lines would need `|+`, which would also keep the blank
            # line the layout puts after it: such text is left to be quoted.
            if isinstance(value, str) and "\n" in value and value.strip() \
                    and not value.endswith("\n\n") and isinstance(represented, yaml.ScalarNode):
                # One final line break only: a folded paragraph, which can wrap.
                folded = value.index("\n") == len(value) - 1
                represented.style = ">" if folded else "|"
            return represented
        if isinstance(node, yaml.SequenceNode):
            return yaml.SequenceNode(node.tag, [self._plain(item) for item in node.value],
                                     flow_style=True)
        if isinstance(node, yaml.MappingNode):
            pairs = [(self._plain(k), self._plain(v)) for k, v in _ordered(node, LOCATOR_KEYS)]
            return yaml.MappingNode(node.tag, pairs, flow_style=True)
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover


def _ordered(node: yaml.MappingNode, order: Sequence[str]) -> list[tuple[yaml.Node, yaml.Node]]:
    rank = {key: number for number, key in enumerate(order)}
    return sorted(node.value, key=lambda pair: rank.get(str(pair[0].value), len(rank)))


def _references(node: yaml.Node) -> str | None:
    """A list of references written plain, `[P1, arsene:O1]`, where each one can be.

    PyYAML's emitter quotes any `:` in a flow list, though `qiu:O1` reads back as the
    same text; a reference that is not an id, or reads as something else (`no`), is
    left to the emitter.
    """
    if not isinstance(node, yaml.SequenceNode):
        return None
    items = []
    for item in node.value:
        if not (isinstance(item, yaml.ScalarNode) and item.tag == _STR
                and _PLAIN_REFERENCE.match(item.value)
                and _resolves_to_text(item.value)):
            return None
        items.append(item.value)
    return ", ".join(items)


def _resolves_to_text(value: str) -> bool:
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR


def _is_linked(item: yaml.MappingNode) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value == "linked" for k, _ in item.value)


def _serialize(node: yaml.Node, width: int) -> list[str]:
    text = yaml.serialize(node, Dumper=_Dumper, width=width, allow_unicode=True)
    lines = text.split("\n")[:-1]
    # A text that keeps its final line breaks (`|+`) ends the emitted document with `...`,
    # which in the middle of the map would end it there.
    return lines[:-1] if lines and lines[-1] == "..." else lines


def _block_header(line: str) -> bool:
    return _HEADER.search(line) is not None


def _double_quoted(node: yaml.Node) -> yaml.Node:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return yaml.ScalarNode(node.tag, node.value, style='"')
        return node
    if isinstance(node, yaml.SequenceNode):
        return yaml.SequenceNode(node.tag, [_double_quoted(i) for i in node.value],
                                 flow_style=node.flow_style)
    if isinstance(node, yaml.MappingNode):
        return yaml.MappingNode(node.tag, [(k, _double_quoted(v)) for k, v in node.value],
                                flow_style=node.flow_style)
    return node  # pragma: no cover


def _suffix(trailing: str | None) -> str:
    return "  " + trailing if trailing is not None else ""
