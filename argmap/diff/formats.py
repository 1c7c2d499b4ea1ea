"""The diff report as text (coloured on a terminal only), Markdown for a pull request, or
JSON (docs/diff.md documents it; schema/argmap-diff-1.schema.json checks it).

Text from the maps is folded to one line, so no claim can start a line of its own.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator

from argmap.diff import Change, DiffReport, FileDiff
from argmap.diff.labels import WORDS, Flip

FORMATS: tuple[str, ...] = ("text", "markdown", "json")

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
_TITLES = {"relation added": "relation added", "relation removed": "relation removed",
           "added": "added", "removed": "removed", "renamed": "renamed", "kind": "kind",
           "moved": "moved", "reworded": "reworded", "granted": "granted",
           "held_by": "held by", "expect": "expect", "locator": "locator",
           "source": "source", "quote": "quote",
           "note": "note", "tags": "tags", "id": "map id", "title": "title",
           "summary": "summary"}

#: Changes counted as "N <title> changed" in a summary; the rest read as verbs ("2 added").
_CHANGED = frozenset({"relation", "kind", "granted", "held by", "expect", "locator", "quote",
                      "note", "tags", "map id", "title", "summary", "source"})


def words(old: str, new: str) -> Iterator[tuple[str, str]]:
    """A word-level diff: ("=", text), ("-", removed words), ("+", added words)."""
    a, b = old.split(), new.split()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            yield "=", " ".join(a[i1:i2])
        if op in ("delete", "replace"):
            yield "-", " ".join(a[i1:i2])
        if op in ("insert", "replace"):
            yield "+", " ".join(b[j1:j2])


def summary(file: FileDiff) -> str:
    if file.diff is None:
        return "does not load; not compared"
    if file.status in ("added", "removed"):
        amap = file.diff.new or file.diff.old
        count = sum(1 for _ in amap.walk()) if amap else 0
        return f"map {file.status} ({count} node{'s' if count != 1 else ''})"
    counts: dict[str, int] = {}
    for change in file.diff.changes:
        what = "relation" if _is_relation(change) else _TITLES.get(change.what, change.what)
        counts[what] = counts.get(what, 0) + 1
    if not counts:
        return "no change in meaning"
    return ", ".join(f"{n} {what}{'s' if what == 'relation' and n != 1 else ''}"
                     f"{' changed' if what in _CHANGED else ''}" for what, n in counts.items())


# --- text ---------------------------------------------------------------------------

def text(report: DiffReport, color: bool = False) -> str:
    paint: Callable[[str, str], str] = (lambda code, s: f"{code}{s}{_RESET}") if color \
        else (lambda code, s: s)
    lines: list[str] = []
    for file in report.files:
        name = file.diff.map_id if file.diff and file.diff.map_id else ""
        lines.append(paint(_BOLD, f"{file.path}" + (f" ({name})" if name else "")
                           + f": {summary(file)}"))
        for side, problem in file.problems:
            lines.append(f"  {side}: {problem.span}: {problem.severity} {problem.code}: "
                         f"{_one_line(problem.message)}")
            if problem.hint:
                lines.append(f"      hint: {_one_line(problem.hint)}")
        for change in file.diff.changes if file.diff else ():
            lines.append("  " + _text_change(change, paint, color))
    if report.flips.flips:
        lines.append(paint(_BOLD, "labels that flip:"))
        lines.extend("  " + _text_flip(flip, paint) for flip in report.flips.flips)
    if report.flips.skipped:
        lines.append(f"note: {report.flips.skipped}")
    if not report.files:
        lines.append("no map files differ")
    return "\n".join(lines) + "\n"


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _text_change(change: Change, paint: Callable[[str, str], str], color: bool) -> str:
    title = _title(change)
    node = f" {change.node}" if change.node else ""
    if change.what == "added":
        return f"{paint(_GREEN, '+ ' + title)}{node} ({change.detail}): {change.new}"
    if change.what == "removed":
        return f"{paint(_RED, '- ' + title)}{node} ({change.detail}): {change.old}"
    if change.what == "renamed":
        return f"~ {title} {change.old} -> {change.new} (claim {change.detail} the same)"
    if change.what == "relation added":
        return f"{paint(_GREEN, '+ relation')}: {change.node} {_verb(change)} {change.new}"
    if change.what == "relation removed":
        return f"{paint(_RED, '- relation')}: {change.node} {_verb(change)} {change.old}"
    if change.old and change.new and change.what in ("reworded", "summary", "quote", "note"):
        return f"~ {title}{node}: {_text_words(change.old, change.new, paint, color)}"
    return f"~ {title}{node}: {change.old or '(none)'} -> {change.new or '(none)'}"


def _text_words(old: str, new: str, paint: Callable[[str, str], str], color: bool) -> str:
    parts = []
    for op, chunk in words(old, new):
        if op == "=":
            parts.append(chunk)
        elif color:
            parts.append(paint(_RED if op == "-" else _GREEN, chunk))
        else:
            parts.append(f"[-{chunk}-]" if op == "-" else f"{{+{chunk}+}}")
    return " ".join(parts)


def _text_flip(flip: Flip, paint: Callable[[str, str], str]) -> str:
    colour = {"stands": _GREEN, "defeated": _RED}.get(WORDS[flip.new], _DIM)
    return (f"{flip.map}:{flip.node}: {WORDS[flip.old]} -> "
            f"{paint(colour, WORDS[flip.new])}: {flip.reason}")


def _title(change: Change) -> str:
    return _TITLES.get(change.what, change.what)


def _is_relation(change: Change) -> bool:
    return change.what in ("relation added", "relation removed")


def _verb(change: Change) -> str:
    """`attacks`, `supports`, `undercuts`, or `is the same as`."""
    return "is the same as" if change.detail == "same_as" else change.detail or ""


# --- Markdown -----------------------------------------------------------------------

def markdown(report: DiffReport, color: bool = False) -> str:
    from argmap.exporters.markdown import escape

    def md(text: str | None) -> str:
        return escape(_one_line(text)) if text else "*(none)*"

    out = ["## argmap diff", ""]
    if not report.files:
        out += ["No map files differ.", ""]
    for file in report.files:
        name = f" — `{file.diff.map_id}`" if file.diff and file.diff.map_id else ""
        out += [f"### {escape(file.path)}{name}", "", f"*{escape(summary(file))}*", ""]
        for side, problem in file.problems:
            out.append(f"- **{side} version does not load**: line {problem.span.line}, column "
                       f"{problem.span.column}: `{problem.code}` {md(problem.message)}")
        for change in file.diff.changes if file.diff else ():
            out.append("- " + _md_change(change, md, escape))
        out.append("")
    if report.flips.flips:
        out += ["### Claims that now stand or fall differently", ""]
        for flip in report.flips.flips:
            out.append(f"- `{flip.map}:{flip.node}`: {WORDS[flip.old]} → "
                       f"**{WORDS[flip.new]}**: {_md_reason(flip.reason, escape)}")
        out.append("")
    if report.flips.skipped:
        out += [f"*{escape(report.flips.skipped)}*", ""]
    return "\n".join(out)


def _md_reason(reason: str, escape: Callable[[str], str]) -> str:
    """The reason with its `id`s kept as code spans (ids hold no backticks)."""
    def keep_spaces(text: str) -> str:
        core = text.strip()
        if not core:
            return text
        start = text.index(core[0])
        return text[:start] + escape(core) + text[start + len(core):]

    parts = reason.split("`")
    return "".join(f"`{part}`" if i % 2 else keep_spaces(part) for i, part in enumerate(parts))


def _md_change(change: Change, md: Callable[[str | None], str],
               escape: Callable[[str], str]) -> str:
    title = _title(change).capitalize()
    node = f" `{change.node}`" if change.node else ""
    if change.what in ("added", "removed"):
        claim = change.new if change.what == "added" else change.old
        return f"**{title}**{node} ({escape(change.detail or '')}): {md(claim)}"
    if change.what == "renamed":
        return (f"**Renamed** `{change.old}` → `{change.new}` "
                f"(claim {escape(change.detail or '')} the same)")
    if _is_relation(change):
        target = change.new if change.what == "relation added" else change.old
        return f"**{title.capitalize()}**: `{change.node}` {_verb(change)} `{target}`"
    if change.old and change.new and change.what in ("reworded", "summary", "quote", "note"):
        parts = []
        for op, chunk in words(change.old, change.new):
            parts.append(md(chunk) if op == "=" else
                         f"~~{md(chunk)}~~" if op == "-" else f"**{md(chunk)}**")
        return f"**{title}**{node}: " + " ".join(parts)
    return f"**{title}**{node}: {md(change.old)} → {md(change.new)}"


# --- JSON ---------------------------------------------------------------------------

def as_json(report: DiffReport, color: bool = False) -> str:
    files = []
    for file in report.files:
        files.append({
            "path": file.path, "old": file.old_name, "new": file.new_name,
            "map": file.diff.map_id if file.diff else None, "status": file.status,
            "changes": [{"change": c.what, "node": c.node, "old": c.old, "new": c.new,
                         "detail": c.detail} for c in (file.diff.changes if file.diff else ())],
            "problems": [{"side": side, "path": p.span.path, "line": p.span.line,
                          "column": p.span.column, "code": p.code,
                          "severity": str(p.severity), "message": p.message, "hint": p.hint}
                         for side, p in file.problems],
        })
    document = {
        "argmap_diff": 1,
        "changed": report.changed,
        "files": files,
        "flips": [{"map": f.map, "node": f.node, "old": f.old.value, "new": f.new.value,
                   "reason": f.reason} for f in report.flips.flips],
        "labels_skipped": report.flips.skipped,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[DiffReport, bool], str]] = {
    "text": text, "markdown": markdown, "json": as_json}
