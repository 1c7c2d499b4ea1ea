"""What must hold for any input: checks shared by the property tests.

Each check runs one command's library entry point and asserts what a user relies on:
no exception but `ArgmapError`, every finding placed inside the file, every claim shown
exactly, DOT that Graphviz reads.
"""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping

import pytest

from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import LoadResult
from argmap.model import ArgMap
from argmap.problem import ArgmapError, Problem, Severity
from argmap.result import FileResult, LintResult
from argmap.rules import RULES_BY_CODE

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_count(text: str) -> int:
    """Lines as an editor counts them: LF, CRLF and a lone CR each end one."""
    return len(_LINE_BREAK.findall(text)) + 1


def check_problems(problems: Iterable[Problem], text: str, path: str) -> None:
    """Every finding has a known code, a message, and a position inside the file."""
    lines = line_count(text)
    for problem in problems:
        where = f"{problem.code} at {problem.span}: {problem.message}"
        assert problem.code in RULES_BY_CODE, where
        assert isinstance(problem.severity, Severity), where
        assert problem.message.strip(), where
        assert problem.span.path == path, where
        assert 1 <= problem.span.line <= lines + 1, f"{where} (the file has {lines} lines)"
        assert problem.span.column >= 1, where


def lint(loaded: Iterable[LoadResult | FileResult], settings: Settings | None = None,
         ) -> LintResult:
    """`lint_loaded`, allowed to fail only with the project's own error."""
    try:
        return lint_loaded(list(loaded), settings or Settings())
    except ArgmapError:
        return LintResult(())


# ------------------------------------------------------------------ show


def show_text(amap: ArgMap, width: int = 4000, **options: object) -> str:
    """What `argmap show` prints, without colour, at `width` columns."""
    from rich.console import Console

    from argmap.renderers.tree import ViewOptions, build_view

    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False,
                      highlight=False, markup=False, emoji=False)
    console.print(build_view(amap, ViewOptions(**options)))  # type: ignore[arg-type]
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def claim_lines(claim: str) -> list[str]:
    """The parts of a claim a line-based output must hold verbatim: its non-blank lines.

    Outputs may end a line early at a trailing space, so trailing whitespace is left out.
    """
    return [line.rstrip() for line in claim.split("\n") if line.strip()]


def assert_claims_shown(output: str, claims: Mapping[str, str], what: str,
                        terminal: bool = False) -> None:
    """Each claim's lines appear verbatim; on a `terminal` a tab may become spaces."""
    for node_id, claim in claims.items():
        for line in claim_lines(claim):
            if terminal and "\t" in line:
                pattern = " +".join(map(re.escape, line.split("\t")))
                found = re.search(pattern, output) is not None
            else:
                found = line in output
            assert found, f"{what} lost the claim of {node_id}: {line!r}"


# ------------------------------------------------------------------ DOT


@functools.cache
def _dot_program() -> str | None:
    return shutil.which("dot")


def assert_dot_parses(source: str) -> None:
    """Graphviz reads `source` (graph syntax and every HTML-like label) without an error."""
    program = _dot_program()
    if program is None:
        pytest.skip("Graphviz `dot` is not installed")
    result = subprocess.run([program, "-Tcanon"], input=source.encode("utf-8"),
                            capture_output=True, timeout=60)
    errors = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0 and "Error" not in errors, f"{errors}\n--- DOT ---\n{source}"


def dot_sources(amap: ArgMap) -> list[str]:
    """DOT for the map under every theme and direction, with and without status."""
    from argmap.renderers.dot import to_dot
    from argmap.renderers.dot_style import DIRECTIONS, THEMES, DotOptions
    from argmap.semantics import labels_for

    labels = labels_for(amap)
    sources = []
    for theme, direction in zip(THEMES, [*DIRECTIONS, DIRECTIONS[0]], strict=False):
        options = DotOptions(theme=theme, direction=direction, legend=theme == "dark",
                             ratio=16 / 9 if direction == "LR" else None)
        sources.append(to_dot(amap, options, labels if theme != "print" else None))
    return sources


# ------------------------------------------------------------------ eval


def check_eval(amap: ArgMap) -> None:
    """Every semantics labels every node, or refuses with `ArgmapError`; JSON serialises."""
    from argmap.cli.eval_cmd import eval_json, eval_text
    from argmap.semantics import SEMANTICS, evaluate

    for semantics in SEMANTICS:
        try:
            evaluation = evaluate(amap, semantics)
        except ArgmapError:
            continue
        assert set(evaluation.labels) == set(amap.index()), semantics
        json.dumps(eval_json(evaluation), ensure_ascii=False)
        text = eval_text(evaluation)
        assert_claims_shown(text, {n.id: n.claim for n in amap.index().values()}, "eval")


def exercise(amap: ArgMap) -> None:
    """Show, DOT and eval on a loaded map; every claim the model holds must come out."""
    claims = {node.id: node.claim for node in amap.index().values()}
    assert_claims_shown(show_text(amap), claims, "show", terminal=True)
    show_text(amap, width=30, ascii=True, quotes=True, notes=True)
    assert_dot_parses("\n".join(dot_sources(amap)))
    check_eval(amap)
    check_exports(amap)


# ------------------------------------------------------------------ export


def _json_strings(text: str) -> set[str]:
    found: set[str] = set()
    stack = [json.loads(text)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


_MERMAID_ENTITIES = {"35": "#", "quot": '"', "amp": "&", "lt": "<", "gt": ">", "96": "`"}


def _unescape(fmt: str, text: str) -> str:
    """The export as a reader of that format sees its text: escapes undone."""
    if fmt == "markdown":
        return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    if fmt == "mermaid":
        return re.sub(r"#(35|quot|amp|lt|gt|96);", lambda m: _MERMAID_ENTITIES[m[1]], text)
    if fmt == "argdown":
        return re.sub(r"\\(.)", r"\1", text)
    return text


def expected_pieces(fmt: str, claim: str) -> list[str]:
    """What of `claim` the format keeps verbatim, by its documented rules.

    Argdown joins a statement's lines, so a claim is one line with single spaces there;
    Markdown and Mermaid keep each line, trimmed. JSON formats keep the claim whole.
    """
    if fmt in ("json", "aif"):
        return [claim]
    if fmt == "argdown":
        flat = " ".join(claim.split())
        return [flat] if flat else []
    return [line.strip() for line in claim.strip().splitlines() if line.strip()]


def check_exports(amap: ArgMap) -> None:
    """Every exporter writes every claim, as its format reads it back."""
    from argmap.exporters import FORMATS, exporter

    claims = {node.id: node.claim for node in amap.index().values()}
    for fmt in FORMATS:
        text = exporter(fmt)(amap).text
        if fmt in ("json", "aif"):
            strings = _json_strings(text)
            for node_id, claim in claims.items():
                assert claim in strings, f"{fmt} export lost the claim of {node_id}: {claim!r}"
            continue
        plain = _unescape(fmt, text)
        for node_id, claim in claims.items():
            for piece in expected_pieces(fmt, claim):
                assert piece in plain, f"{fmt} export lost the claim of {node_id}: {piece!r}"


def check_fmt(text: str, amap: ArgMap, path: str = "fuzz.yaml") -> None:
    """`argmap fmt` keeps the model, and formatting its output again changes nothing."""
    from argmap.fmt import format_text, meaning
    from argmap.loader import load_text

    formatted = format_text(text, path)
    again = load_text(formatted, path)
    assert again.map is not None, formatted
    assert meaning(again.map) == meaning(amap), formatted
    assert format_text(formatted, path) == formatted, formatted
