"""SARIF 2.1.0, the format code-scanning services read."""

from __future__ import annotations

import json
from typing import Any

from argmap import __version__
from argmap.problem import Severity
from argmap.result import LintResult
from argmap.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(result: LintResult, *, strict: bool = False, color: bool = False) -> str:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": " ".join(rule.doc.split())},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "helpUri": f"https://github.com/argmap/argmap/blob/main/docs/rules.md#{rule.code.lower()}",
        }
        for rule in RULES
    ]
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file in result.files:
        if file.error is not None:
            notifications.append({"level": "error", "message": {"text": file.error},
                                  "locations": [_location(file.path)]})
        for p in file.problems:
            text = p.message + (f" {p.hint}" if p.hint else "")
            results.append({
                "ruleId": p.code,
                "ruleIndex": index[p.code],
                "level": _LEVEL[p.severity],
                "message": {"text": text},
                "locations": [_location(p.span.path, p.span.line, p.span.column)],
            })
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "argmap", "version": __version__,
                            "informationUri": "https://github.com/argmap/argmap",
                            "rules": rules}},
        "results": results,
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _location(path: str, line: int | None = None, column: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": path.replace("\\", "/")}}
    if line is not None:
        physical["region"] = {"startLine": line, "startColumn": column}
    return {"physicalLocation": physical}
