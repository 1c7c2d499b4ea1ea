"""Completion: ids in reference lists, keys valid where the cursor is, and values.

The context is read from the text before the cursor, since the line being typed rarely
loads; ids and keys come from the last version of the map that did.
"""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.lsp.positions import Lines
from argmap.lsp.project import Document, Project
from argmap.model import ArgMap, Kind, Label, Node

_REFERENCE_KEYS = ("supports", "attacks", "same_as", "undercuts")
_IN_LIST = re.compile(r"^\s*(?:- )?(supports|attacks|same_as|undercuts):\s*\[([^\]]*)$")
_LIST_ITEM = re.compile(r"^(\s*)- *([A-Za-z0-9_.\-:]*)$")
_VALUE = re.compile(r"^\s*(?:- )?([a-z_]+):\s*([A-Za-z]*)$")
_KEY = re.compile(r"^(\s*)(- )?([a-z_]*)$")
_IN_LOCATOR = re.compile(r"source:\s*\{(?:[^}]*,)?\s*([a-z]*)$")
_TYPED = re.compile(r"[A-Za-z0-9_.\-:]*$")

MAP_KEYS = ("argmap", "id", "title", "source", "summary", "thesis", "objections",
            "counterexamples", "rebuttals")
SOURCE_KEYS = ("author", "title", "year", "kind", "venue", "volume", "url", "doi")
SOURCE_KINDS = ("article", "chapter", "book", "report", "thesis", "web", "talk", "other")
LOCATOR_KEYS = ("section", "para", "page", "footnote")
NODE_KEYS = ("id", "claim", "source", "quote", "note", "tags", "expect", "granted",
             "undercuts", "premises", "counterexamples", "rebuttals", "supports", "attacks",
             "same_as")


def complete(project: Project, document: Document,
             position: types.Position) -> list[types.CompletionItem]:
    lines = Lines(document.text)
    line, column = lines.from_lsp(position)
    before = lines.line(line)[:column]
    amap = document.map
    listed = _IN_LIST.match(before)
    if listed:
        return _ids(project, amap, _TYPED.search(before).group())  # type: ignore[union-attr]
    item = _LIST_ITEM.match(before)
    if item and _list_key(lines, line, len(item.group(1))) in _REFERENCE_KEYS:
        return _ids(project, amap, item.group(2))
    if _IN_LOCATOR.search(before):
        return _words(LOCATOR_KEYS, types.CompletionItemKind.Property, ": ")
    value = _VALUE.match(before)
    if value:
        key = value.group(1)
        if key == "expect":
            return _words([label.value for label in Label], types.CompletionItemKind.EnumMember)
        if key == "kind":
            return _words(SOURCE_KINDS, types.CompletionItemKind.EnumMember)
        if key == "granted":
            return _words(("true",), types.CompletionItemKind.EnumMember)
        return []
    key = _KEY.match(before)
    if key:
        new_item = key.group(2) is not None
        return _keys(None if new_item else amap, lines, line,
                     len(key.group(1)) + len(key.group(2) or ""))
    return []


def _ids(project: Project, amap: ArgMap | None, typed: str) -> list[types.CompletionItem]:
    map_id, sep, _ = typed.rpartition(":")
    maps = project.maps()
    items = []
    if sep:
        other = maps.get(map_id)
        for node in other.walk() if other else ():
            items.append(_node_item(f"{map_id}:{node.id}", node, f"{map_id}:"))
        return items
    if amap is not None:
        items.extend(_node_item(node.id, node) for node in amap.walk())
    for other_id in sorted(maps):
        if amap is None or other_id != amap.id:
            items.append(types.CompletionItem(
                label=f"{other_id}:", kind=types.CompletionItemKind.Module,
                detail=maps[other_id].title,
                command=types.Command(title="ids", command="editor.action.triggerSuggest")))
    return items


def _node_item(label: str, node: Node, prefix: str = "") -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=types.CompletionItemKind.Reference,
                                detail=f"{node.kind.value}: {node.claim}",
                                filter_text=label, insert_text=label[len(prefix):]
                                if prefix else label)


def _words(words: tuple[str, ...] | list[str], kind: types.CompletionItemKind,
           suffix: str = "") -> list[types.CompletionItem]:
    return [types.CompletionItem(label=word, kind=kind, insert_text=word + suffix)
            for word in words]


def _list_key(lines: Lines, line: int, indent: int) -> str | None:
    """The key of the block list whose item is on `line`."""
    for number in range(line - 1, -1, -1):
        text = lines.line(number)
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") and len(text) - len(stripped) == indent:
            continue
        found = re.match(r"\s*(?:- )?([a-z_]+):\s*(?:#.*)?$", text)
        return found.group(1) if found else None
    return None


def _keys(amap: ArgMap | None, lines: Lines, line: int,
          column: int) -> list[types.CompletionItem]:
    """Keys that may be written at `column` on `line` and are not written there yet."""
    if column == 0:
        written = set(amap.spans) if amap is not None else set()
        return _words([k for k in MAP_KEYS if k not in written],
                      types.CompletionItemKind.Property, ": ")
    parent = _parent_key(lines, line, column)
    if parent == "source" and _top_level_source(lines, line, column):
        return _words(SOURCE_KEYS, types.CompletionItemKind.Property, ": ")
    node = _node_here(amap, lines, line, column)
    allowed = list(NODE_KEYS)
    if node is not None and node.kind is Kind.THESIS:
        allowed.remove("rebuttals")
    if node is not None and node.kind is Kind.OBJECTION:
        allowed.append("held_by")
    if node is not None and node.kind is Kind.THESIS:
        allowed.remove("granted")
    written = set(node.spans) if node is not None else set()
    return _words([k for k in allowed if k not in written],
                  types.CompletionItemKind.Property, ": ")


def _parent_key(lines: Lines, line: int, column: int) -> str | None:
    for number in range(line - 1, -1, -1):
        text = lines.line(number)
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        if indent < column:
            found = re.match(r"\s*(?:- )?([a-z_]+):", text)
            return found.group(1) if found else None
    return None


def _top_level_source(lines: Lines, line: int, column: int) -> bool:
    for number in range(line - 1, -1, -1):
        text = lines.line(number)
        if text.startswith("source:"):
            return True
        if text[:1].strip() and not text.startswith("#"):
            return False
    return False


def _node_here(amap: ArgMap | None, lines: Lines, line: int, column: int) -> Node | None:
    if amap is None:
        return None
    best = None
    for node in amap.walk():
        if node.span.line - 1 > line:
            break
        if node.span.column - 1 == column:
            best = node
        elif node.span.column - 1 < column:
            best = None  # a shallower node began: the one at `column` has ended
    return best
