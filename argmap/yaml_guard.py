"""The loader's checks around composing: what must be refused before PyYAML reads a
file (control characters, tags, anchors and aliases, nesting beyond argmap's own limit),
what a composed tree still must not hold, and syntax errors and cut text in argmap's
words.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path

import yaml

from argmap.map_format import (
    _BRACKET,
    _CONTROL_ESCAPE,
    _CONTROL_OR_SEPARATOR,
    _MAX_YAML_DEPTH,
    _SAFE_NESTING,
    _TOKEN_SIGN,
    _VALUE_CONTROL,
    MAP_SUFFIXES,
    PROSE_KEYS,
    YAML_LOADER,
    _mark_span,
    _offset_span,
)
from argmap.model import Span
from argmap.problem import Problem, Severity


def _cut_by_comment(root: yaml.Node, text: str, path: str) -> Iterable[Problem]:
    """AM305: unquoted prose followed on its line by a comment that took part of it.

    Its code and severity are written here, as for the loader's other findings: importing
    the rule's module would import every rule, which loading a map does not need.
    """
    lines = text.split("\n")
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if (isinstance(key, yaml.ScalarNode) and key.value in PROSE_KEYS
                        and isinstance(value, yaml.ScalarNode) and not value.style
                        and value.end_mark.line < len(lines)):
                    rest = lines[value.end_mark.line][value.end_mark.column:]
                    if rest.startswith(" #"):  # one space: text; two or more: a comment
                        comment = rest[1:]
                        column = value.end_mark.column + len(rest) - len(comment) + 1
                        at = Span(path, value.end_mark.line + 1, column)
                        yield Problem(
                            "AM305", Severity.WARNING, at,
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


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """AM001, in argmap's words where the mistake is a common one (argmap.yaml_errors)."""
    from argmap import yaml_errors

    mark = exc.problem_mark or exc.context_mark
    span = _mark_span(mark, path) if mark else Span(path, 1, 1)
    context = _mark_span(exc.context_mark, path) if exc.context_mark else None
    explained = yaml_errors.explain(exc.problem or "", exc.context, span.line, span.column,
                                    context.line if context else None,
                                    context.column if context else None, text)
    if explained is not None:
        return Problem("AM001", Severity.ERROR, Span(path, explained.line, explained.column),
                       explained.message, explained.hint)
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        message = f"{exc.problem} ({exc.context})"
    return Problem("AM001", Severity.ERROR, span, f"YAML syntax error: {message}",
                   yaml_errors.GENERAL_HINT)


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


def _may_hold_forbidden(text: str) -> bool:
    """Whether an anchor, alias or tag could start somewhere: only then is the text scanned.

    Each of them begins a token, so it follows the start, white space or a flow
    indicator, and stands outside double quotes; "R&D", "5 * 3" or a quoted "&c." in a
    claim need no scan. The test errs towards scanning.
    """
    for match in _TOKEN_SIGN.finditer(text):
        start = match.start()
        if start and not (text[start - 1].isspace() or text[start - 1] in "[{,"):
            continue
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        if text.count('"', line_start, start) % 2 == 0:
            return True
    return False


def _may_hold_escaped_control(text: str) -> bool:
    """Whether a double-quoted value could hold a control character written as an escape:
    only then are the composed values searched. Errs towards searching (`\\\\x` passes)."""
    return _CONTROL_ESCAPE.search(text) is not None


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
        for token in yaml.scan(text, Loader=YAML_LOADER):
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
        for token in yaml.scan(text, Loader=YAML_LOADER):
            if isinstance(token, opening):
                depth += 1
                if depth > _MAX_YAML_DEPTH:
                    return _mark_span(token.start_mark, path)
            elif isinstance(token, closing):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None
