"""Human-readable findings: `file:line:col: severity CODE name: message`, then a hint.

Every piece of user text (a path, a key or claim quoted in a message) is written on one
line, its control characters escaped, so no map can print a line that reads as a finding.
"""

from __future__ import annotations

from argmap.formatters import rule_name
from argmap.problem import Problem, Severity
from argmap.result import LintResult
from argmap.text import one_line

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(result: LintResult, *, strict: bool = False, color: bool = False) -> str:
    lines: list[tuple[str, str]] = []  # (text, rich style)
    for file in result.files:
        if file.error is not None:
            lines.append((one_line(file.error), "bold red"))
        for problem in file.problems:
            lines.append((_line(problem), _STYLES[problem.severity]))
            if problem.hint:
                lines.append((f"    hint: {one_line(problem.hint)}", "dim"))
    lines.append((summary(result, strict), "bold"))
    if not color:
        return "\n".join(text for text, _ in lines) + "\n"
    return _colored(lines)


def _line(problem: Problem) -> str:
    return (f"{one_line(str(problem.span))}: {problem.severity} {problem.code} "
            f"{rule_name(problem.code)}: {one_line(problem.message)}")


def summary(result: LintResult, strict: bool) -> str:
    files = len(result.files)
    noun = "file" if files == 1 else "files"
    counts = result.counts()
    parts = [f"{counts[s]} {s}{'' if counts[s] == 1 else 's'}"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    unreadable = len(result.unreadable)
    if unreadable:
        parts.insert(0, f"{unreadable} unreadable")
    if not parts:
        return f"{files} {noun} checked: no problems."
    verdict = "failed" if result.exit_code(strict) else "passed"
    return f"{files} {noun} checked: {', '.join(parts)}; {verdict}."


def _colored(lines: list[tuple[str, str]]) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    buffer = StringIO()
    console = Console(file=buffer, force_terminal=True, width=10_000, highlight=False,
                      soft_wrap=True)
    for text, style in lines:
        console.print(Text(text, style=style))
    return buffer.getvalue()
