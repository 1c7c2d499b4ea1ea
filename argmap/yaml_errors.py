"""YAML syntax errors in a map author's words: what is wrong, where, and the fix.

PyYAML says what its parser expected ("did not find expected '-' indicator"); a person
wants to hear that line 11 is indented 5 spaces where its neighbours have 6. The common
mistakes are recognised from the error and the text around it: tabs, mis-indented keys
and list items, a missing space after `:` or `-`, an unquoted `: ` inside text, and an
unclosed quote or bracket. Anything else keeps PyYAML's words, with a general hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GENERAL_HINT = "Check indentation, and quote text that contains ': ' or ' #'."
_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w.]*):(?=[^\s:])")
_DASH_NO_SPACE = re.compile(r"^(\s*)-(?=[A-Za-z_])")
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w.]*):\s+(?!['\"\[{|>])(.*?:\s)")


@dataclass(frozen=True, slots=True)
class Explained:
    line: int  # 1-based
    column: int  # 1-based
    message: str
    hint: str


def explain(problem: str, context: str | None, line: int, column: int,
            context_line: int | None, context_column: int | None,
            text: str) -> Explained | None:
    """argmap's words for the error PyYAML reported at (line, column), if it knows them."""
    lines = text.split("\n")
    for check in (_tab, _unclosed, _no_space, _colon_in_text, _indentation):
        found = check(problem, context, line, column, context_line, context_column, lines)
        if found is not None:
            return found
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _at(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _tab(problem: str, context: str | None, line: int, column: int,
         context_line: int | None, context_column: int | None,
         lines: list[str]) -> Explained | None:
    if "tab" not in problem and "cannot start any token" not in problem:
        return None
    for number in (line, line - 1):
        text = _at(lines, number)
        leading = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in leading:
            return Explained(number, leading.index("\t") + 1,
                             f"line {number} is indented with a tab; YAML indents with spaces "
                             "only",
                             "Replace the tab with spaces (two for each level); most editors "
                             "can be set to insert spaces for Tab.")
    text = _at(lines, line)
    if column <= len(text) and text[column - 1] == "\t":
        return Explained(line, column, f"a tab on line {line} where YAML expects a value or "
                         "a key", "Replace the tab with a space, or quote the text that holds it.")
    return None


def _unclosed(problem: str, context: str | None, line: int, column: int,
              context_line: int | None, context_column: int | None,
              lines: list[str]) -> Explained | None:
    if context_line is None or context_column is None:
        return None
    if context == "while scanning a quoted scalar":
        mark = _at(lines, context_line)[context_column - 1: context_column] or '"'
        return Explained(context_line, context_column,
                         f"the quote {mark} opened here is never closed",
                         f"End the text with {mark}. Inside single quotes write an apostrophe "
                         "as two ('It''s'); or use double quotes around text with apostrophes.")
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        opener = "[" if "sequence" in context else "{"
        closer = "]" if opener == "[" else "}"
        return Explained(context_line, context_column,
                         f"the `{opener}` opened here is not closed with `{closer}`",
                         f"Add `{closer}` after the last item on line {context_line}, or "
                         "quote an item that holds a comma, a bracket or a brace.")
    text = _at(lines, line)
    if problem == "did not find expected key" and text.count("'") % 2 == 1:
        return Explained(line, column,
                             "an apostrophe ends the single-quoted text early",
                             "Write the apostrophe twice ('It''s here'), or put the text in "
                             "double quotes.")
    return None


def _no_space(problem: str, context: str | None, line: int, column: int,
              context_line: int | None, context_column: int | None,
              lines: list[str]) -> Explained | None:
    for number in (line, line - 1, context_line or 0):
        text = _at(lines, number)
        dash = _DASH_NO_SPACE.match(text)
        if dash:
            return Explained(number, len(dash.group(1)) + 1,
                             f"`-` on line {number} is not followed by a space, so it does not "
                             "start a list item", "Write `- ` (a dash and a space) before the "
                             "item.")
        key = _KEY_NO_SPACE.match(text)
        if key and not text.lstrip().startswith(("'", '"', "http")) and "://" not in text:
            at = text.index(key.group(1)) + len(key.group(1)) + 1
            return Explained(number, at, f"no space after `{key.group(1)}:` on line {number}, "
                             "so YAML does not read it as a key",
                             f"Write `{key.group(1)}: ` with a space after the colon.")
    return None


def _colon_in_text(problem: str, context: str | None, line: int, column: int,
                   context_line: int | None, context_column: int | None,
                   lines: list[str]) -> Explained | None:
    if problem != "mapping values are not allowed in this context":
        return None
    text = _at(lines, line)
    value = _KEY_VALUE.match(text)
    if value is None:
        return None
    return Explained(line, text.index(value.group(2)) + 1,
                     f"the text of `{value.group(1)}` holds ': ', which YAML reads as another "
                     "key", f"Put the text in quotes: `{value.group(1)}: \"...\"`.")


def _indentation(problem: str, context: str | None, line: int, column: int,
                 context_line: int | None, context_column: int | None,
                 lines: list[str]) -> Explained | None:
    indenting = ("did not find expected '-' indicator", "did not find expected key",
                 "mapping values are not allowed in this context", "expected <block end>")
    if not problem.startswith(indenting):
        return None
    text = _at(lines, line)
    if not text.strip():
        return None
    here = _indent(text)
    is_item = text.lstrip().startswith("- ")
    before = _sibling(lines, line, is_item)
    if before is None:
        return None
    there = _indent(before)
    if not is_item and before.lstrip().startswith("- "):
        there += 2  # the keys of a list item line up after its dash
    if here == there:
        return None
    item = "list item" if is_item else "key"
    return Explained(line, here + 1,
                     f"line {line} is indented {_spaces(here)}, but the {item}s before it "
                     f"{there}",
                     f"Line it up with the {item}s around it ({there} spaces), or indent it "
                     "2 more to nest it under the line above.")


def _spaces(count: int) -> str:
    return f"{count} space" + ("" if count == 1 else "s")


def _sibling(lines: list[str], line: int, is_item: bool) -> str | None:
    """The line before `line` that its indentation should match: for a list item, the
    previous list item; for a key, the previous line with content."""
    for number in range(line - 2, -1, -1):
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if not is_item or text.lstrip().startswith("- "):
            return text
    return None
