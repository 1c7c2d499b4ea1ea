"""What the server answers: diagnostics, hover, definitions, references, rename, fixes.

Each function takes the project and a document and returns lsprotocol values; the
server only routes requests to them.
"""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from argmap.lsp.positions import Lines, id_range, word_at
from argmap.lsp.project import Document, Occurrence, Project, find_node
from argmap.model import ArgMap, Label, Node
from argmap.problem import ArgmapError, MapInvalid, Problem, Severity

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_SUGGESTION = re.compile(r"did you mean `([^`]+)`\?", re.IGNORECASE)
_STATUS = {Label.IN: "stands", Label.OUT: "defeated", Label.UNDECIDED: "undecided"}
_NODE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*\Z")


def uri(path: str) -> str:
    return Path(path).absolute().as_uri()


# -- diagnostics --------------------------------------------------------------------


def diagnostics(project: Project, document: Document) -> list[types.Diagnostic]:
    lines = Lines(document.text)
    return [diagnostic(problem, lines) for problem in project.lint(document)]


def diagnostic(problem: Problem, lines: Lines) -> types.Diagnostic:
    message = problem.message + (f"\n{problem.hint}" if problem.hint else "")
    found = _SUGGESTION.search(problem.message) or (
        _SUGGESTION.search(problem.hint) if problem.hint else None)
    return types.Diagnostic(
        range=lines.span_range(problem.span), message=message,
        severity=_SEVERITY[problem.severity], code=problem.code, source="argmap",
        data={"replace": found.group(1)} if found else None)


# -- ids under the cursor -------------------------------------------------------------


def target(project: Project, document: Document,
           position: types.Position) -> tuple[ArgMap, Node] | None:
    """The node the id (or `map:id`) under the cursor names, in whichever map it is."""
    amap = document.map
    if amap is None:
        return None
    lines = Lines(document.text)
    line, column = lines.from_lsp(position)
    word = word_at(lines, line, column)
    if word is None:
        return None
    map_id, sep, node_id = word.text.rpartition(":")
    owner = project.maps().get(map_id) if sep else amap
    if owner is None:
        return None
    node = find_node(owner, node_id)
    return (owner, node) if node is not None else None


def node_at(amap: ArgMap, lines: Lines, line: int) -> Node | None:
    """The innermost node whose block holds the 0-based `line`."""
    text = lines.line(line)
    indent = len(text) - len(text.lstrip(" "))
    if text.lstrip(" ").startswith("- "):
        indent += 2
    best = None
    for node in amap.walk():
        if node.span.line - 1 > line:
            break
        if node.span.column - 1 <= indent:
            best = node
    return best


# -- hover ------------------------------------------------------------------------


def hover(project: Project, document: Document, position: types.Position) -> types.Hover | None:
    found = target(project, document, position)
    if found is None and document.map is not None:
        lines = Lines(document.text)
        node = node_at(document.map, lines, lines.from_lsp(position)[0])
        found = (document.map, node) if node is not None else None
    if found is None:
        return None
    amap, node = found
    parts = [f"{node.id} · {node.kind.value}" + (f" · map {amap.id}"
                                                  if amap is not document.map else ""),
             node.claim]
    status = _status(project, amap, node)
    if status:
        parts.append(status)
    if node.source is not None:
        parts.append(f"Source: {node.source}")
    if node.quote:
        parts.append(f"Quote: “{node.quote}”")
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.PlainText,
                                                    value="\n\n".join(parts)))


def _status(project: Project, amap: ArgMap, node: Node) -> str | None:
    from argmap.explanation import why
    from argmap.semantics import shared_evaluation

    maps = project.maps()
    if maps.get(amap.id) is not amap:
        maps = {amap.id: amap}
    try:
        evaluation = shared_evaluation(amap, maps)
    except ArgmapError:
        return None
    key = evaluation.key(amap.id, node.id)
    label = evaluation.labels.get(key)
    if label is None:
        return None
    return f"Status: {_STATUS[label]} ({why(evaluation, key, amap.id)})"


# -- definitions, references, rename -----------------------------------------------------


def definition(project: Project, document: Document,
               position: types.Position) -> types.Location | None:
    found = target(project, document, position)
    if found is None:
        return None
    amap, node = found
    owner = _document_of(project, amap)
    if owner is None:
        return None
    return types.Location(uri=uri(owner.path),
                          range=Lines(owner.text).span_range(node.at("id")))


def references(project: Project, document: Document, position: types.Position,
               include_declaration: bool) -> list[types.Location]:
    found = target(project, document, position)
    if found is None:
        return []
    amap, node = found
    return [types.Location(uri=uri(o.path), range=_occurrence_range(project, o))
            for o in project.occurrences(amap.id, node.id)
            if include_declaration or not o.definition]


def rename(project: Project, document: Document, position: types.Position,
           new_name: str) -> types.WorkspaceEdit | None:
    found = target(project, document, position)
    if found is None:
        return None
    if not _NODE_ID.match(new_name):
        raise ValueError(f"`{new_name}` is not a node id: start with a letter, then "
                         "letters, digits, `_`, `-` or `.`")
    amap, node = found
    if new_name in amap.index():
        raise ValueError(f"map `{amap.id}` already has a node `{new_name}`")
    changes: dict[str, list[types.TextEdit]] = {}
    for occurrence in project.occurrences(amap.id, node.id):
        if not _editable(project, occurrence.path):
            raise ValueError(f"`{node.id}` is also named in {occurrence.path}, which is "
                             "outside the workspace; rename it there first")
        edit = types.TextEdit(range=_occurrence_range(project, occurrence), new_text=new_name)
        changes.setdefault(uri(occurrence.path), []).append(edit)
    return types.WorkspaceEdit(changes=changes)


def _occurrence_range(project: Project, occurrence: Occurrence) -> types.Range:
    owner = project.document_at(occurrence.path)
    lines = Lines(owner.text if owner else "")
    line, start, end = id_range(lines, occurrence.span, occurrence.prefix)
    return types.Range(start=lines.to_lsp(line, start), end=lines.to_lsp(line, end))


def _editable(project: Project, path: str) -> bool:
    if path in project.open:
        return True
    if project.root is None:
        return False
    return Path(path).resolve().is_relative_to(project.root.resolve())


def _document_of(project: Project, amap: ArgMap) -> Document | None:
    return project.document_at(amap.path)


# -- code actions and formatting -----------------------------------------------------


def code_actions(document: Document, params: types.CodeActionParams) -> list[types.CodeAction]:
    """A quick fix for every diagnostic lint made with a "did you mean" suggestion."""
    actions = []
    lines = Lines(document.text)
    for diag in params.context.diagnostics:
        data = diag.data if isinstance(diag.data, dict) else None
        if diag.source != "argmap" or not data or not isinstance(data.get("replace"), str):
            continue
        replacement = data["replace"]
        edit_range = _replaced_part(lines, diag.range, replacement)
        actions.append(types.CodeAction(
            title=f"Change to `{replacement}`", kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag], is_preferred=True,
            edit=types.WorkspaceEdit(changes={params.text_document.uri: [
                types.TextEdit(range=edit_range, new_text=replacement)]})))
    return actions


def _replaced_part(lines: Lines, where: types.Range, replacement: str) -> types.Range:
    """In `arsene:P9` only the id is replaced; quotes around a token are kept."""
    line, start = lines.from_lsp(where.start)
    _, end = lines.from_lsp(where.end)
    text = lines.line(line)[start:end]
    if text[:1] in "\"'" and text[-1:] == text[:1] and len(text) >= 2:
        start, end, text = start + 1, end - 1, text[1:-1]
    if ":" in text and ":" not in replacement:
        start += text.rindex(":") + 1
    return types.Range(start=lines.to_lsp(line, start), end=lines.to_lsp(line, end))


def formatting(document: Document, width: int | None = None) -> list[types.TextEdit] | None:
    """The whole document in canonical layout; nothing while the map does not load."""
    from argmap.fmt import DEFAULT_WIDTH, format_text

    try:
        formatted = format_text(document.text, document.path, width or DEFAULT_WIDTH)
    except (MapInvalid, ArgmapError):
        return None
    if formatted == document.text:
        return []
    return [types.TextEdit(range=Lines(document.text).whole(), new_text=formatted)]
