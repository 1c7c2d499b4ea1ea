"""Shared test helpers: inline YAML in, findings out."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUNDLED = ROOT / "maps"

HEADER = "argmap: 1\nid: m\ntitle: A map\n"


def findings(text: str, *, settings: Settings | None = None,
             path: str = "m.yaml") -> list[tuple[str, int, int]]:
    """Lint one map given inline; return (code, line, column) of every finding.

    AM403 (own voice out) is off unless `settings` are given: the small maps of the
    other rules' tests leave the author's claims out on purpose.
    """
    loaded = load_text(textwrap.dedent(text), path)
    result = lint_loaded([loaded], settings or Settings(disable=frozenset({"AM403"})))
    return [(p.code, p.span.line, p.span.column) for p in result.problems]


def codes(text: str, **kwargs: object) -> list[str]:
    return [code for code, _, _ in findings(text, **kwargs)]  # type: ignore[arg-type]


@pytest.fixture
def every_kind() -> Path:
    return FIXTURES / "valid" / "every_kind.yaml"
