"""The map's tree as the editor's outline, and a folding range per node."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.positions import Lines
from argmap.model import ArgMap, Kind, Node

_SYMBOL = {
    Kind.THESIS: types.SymbolKind.Class,
    Kind.PREMISE: types.SymbolKind.Field,
    Kind.OBJECTION: types.SymbolKind.Event,
    Kind.COUNTEREXAMPLE: types.SymbolKind.Constant,
    Kind.REBUTTAL: types.SymbolKind.Method,
}
_DETAIL_WORDS = 12


def extents(amap: ArgMap, lines: Lines) -> dict[int, tuple[int, int]]:
    """For each node (by `id()`), its first and last 0-based line.

    A node's block runs on while lines are indented at least as far as its keys; blank
    and comment lines at its end belong to what follows.
    """
    indents = [_indent(text) for text in lines.lines]
    found: dict[int, tuple[int, int]] = {}
    for node in amap.walk():
        start, column = node.span.line - 1, node.span.column - 1
        end = start
        for number in range(start + 1, len(indents)):
            indent = indents[number]
            if indent is None:
                continue
            if indent < column:
                break
            end = number
        found[id(node)] = (start, end)
    return found


def _indent(text: str) -> int | None:
    """Leading spaces, or None for a blank or comment-only line."""
    stripped = text.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return None
    return len(text) - len(stripped)


def symbols(amap: ArgMap, lines: Lines) -> list[types.DocumentSymbol]:
    spans = extents(amap, lines)
    return [_symbol(root, lines, spans) for root in amap.roots]


def _symbol(node: Node, lines: Lines, spans: dict[int, tuple[int, int]]) -> types.DocumentSymbol:
    start, end = spans[id(node)]
    whole = types.Range(start=lines.to_lsp(start, 0), end=lines.to_lsp(end, len(lines.line(end))))
    name_range = lines.span_range(node.at("id"))
    words = node.claim.split()
    detail = " ".join(words[:_DETAIL_WORDS]) + (" …" if len(words) > _DETAIL_WORDS else "")
    return types.DocumentSymbol(
        name=node.id, detail=f"{node.kind.value}: {detail}", kind=_SYMBOL[node.kind],
        range=whole, selection_range=name_range,
        children=[_symbol(child, lines, spans) for child in node.children])


def folding(amap: ArgMap, lines: Lines) -> list[types.FoldingRange]:
    ranges = []
    for start, end in extents(amap, lines).values():
        if end > start:
            ranges.append(types.FoldingRange(start_line=start, end_line=end,
                                             kind=types.FoldingRangeKind.Region))
    return sorted(ranges, key=lambda r: r.start_line)
