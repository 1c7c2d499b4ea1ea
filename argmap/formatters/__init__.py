"""Formatters turn a lint result into text for people, scripts, GitHub or SARIF tools.

Each module defines `render(result, *, strict, color) -> str` and only reads the result.
The CLI's `--format` choices come from this registry, so they cannot drift.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from argmap.result import LintResult

FORMATS: tuple[str, ...] = ("text", "json", "github", "sarif")


class Formatter(Protocol):
    def __call__(self, result: LintResult, *, strict: bool, color: bool) -> str: ...


def formatter(name: str) -> Formatter:
    if name not in FORMATS:
        raise KeyError(name)
    module = importlib.import_module(f"argmap.formatters.{name}_format")
    render: Formatter = module.render
    return render


def rule_name(code: str) -> str:
    """The name of the rule a finding's `code` belongs to; the code itself if none has it."""
    # Imported here: the CLI imports this package for the format names, and every
    # command would pay for importing every rule.
    from argmap.rules import RULES_BY_CODE

    rule = RULES_BY_CODE.get(code)
    return rule.name if rule else code
