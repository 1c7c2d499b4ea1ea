"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""

from __future__ import annotations

from argmap.formatters import rule_name
from argmap.problem import Severity
from argmap.result import LintResult

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, *, strict: bool = False, color: bool = False) -> str:
    lines = []
    for file in result.files:
        if file.error is not None:
            lines.append(f"::error file={_property(file.path)},title=unreadable::"
                         f"{_data(file.error)}")
        for p in file.problems:
            message = p.message + (f" ({p.hint})" if p.hint else "")
            title = _property(f"{p.code} {rule_name(p.code)}")
            lines.append(
                f"::{_COMMAND[p.severity]} file={_property(p.span.path)},line={p.span.line},"
                f"col={p.span.column},title={title}::{_data(message)}"
            )
    return "".join(line + "\n" for line in lines)
