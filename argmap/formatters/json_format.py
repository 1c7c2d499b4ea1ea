"""Stable JSON for scripts. The shape is documented in docs/lint-json.md; version 1.

    {"version": 1,
     "files": [{"path": str, "error": str | null,
                "problems": [{"code", "name", "severity", "line", "column",
                              "message", "hint"}]}],
     "summary": {"files": int, "errors": int, "warnings": int, "infos": int,
                 "unreadable": int, "failed": bool}}
"""

from __future__ import annotations

import json
from typing import Any

from argmap.formatters import rule_name
from argmap.problem import Severity
from argmap.result import LintResult


def render(result: LintResult, *, strict: bool = False, color: bool = False) -> str:
    counts = result.counts()
    document: dict[str, Any] = {
        "version": 1,
        "files": [
            {
                "path": file.path,
                "error": file.error,
                "problems": [
                    {
                        "code": p.code,
                        "name": rule_name(p.code),
                        "severity": str(p.severity),
                        "line": p.span.line,
                        "column": p.span.column,
                        "message": p.message,
                        "hint": p.hint,
                    }
                    for p in file.problems
                ],
            }
            for file in result.files
        ],
        "summary": {
            "files": len(result.files),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "unreadable": len(result.unreadable),
            "failed": result.exit_code(strict) != 0,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
