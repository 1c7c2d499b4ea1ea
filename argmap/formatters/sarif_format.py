"""SARIF 2.1.0, the format code-scanning services (GitHub code scanning among them) read.

Paths are URI references relative to `SRCROOT`, the working directory, which the run
states in `originalUriBaseIds`; a file elsewhere is written relative to it with `..`.
Columns count Unicode code points, as `columnKind` says. Each result carries a
fingerprint made from the rule, the file and the text of the line it points at, so it
stays the same when unrelated lines are added or removed. It goes under
`primaryLocationLineHash`, the key GitHub code scanning matches results across runs by
(its upload action fills the key in only when it is missing).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from argmap import __version__
from argmap.problem import Problem, Severity
from argmap.result import LintResult
from argmap.rules import RULES
from argmap.rules.docs import rule_markdown, rule_text
from argmap.text import shorten

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ROOT = "SRCROOT"
RULES_URI = "https://github.com/argmap/argmap/blob/main/docs/rules.md"
FINGERPRINT = "primaryLocationLineHash"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: GitHub code scanning shows at most this many characters of a rule's full description.
_DESCRIPTION_LIMIT = 1024


def render(result: LintResult, *, strict: bool = False, color: bool = False) -> str:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": shorten(rule.doc, _DESCRIPTION_LIMIT)},
            "help": {"text": rule_text(rule), "markdown": rule_markdown(rule)},
            "helpUri": f"{RULES_URI}#{rule.code.lower()}",
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        }
        for rule in RULES
    ]
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file in result.files:
        if file.error is not None:
            notifications.append({"level": "error", "message": {"text": file.error},
                                  "locations": [{"physicalLocation": {
                                      "artifactLocation": artifact_location(file.path)}}]})
        lines = file.text.splitlines()
        seen: dict[tuple[str, str], int] = {}
        for p in file.problems:
            line = lines[p.span.line - 1] if 0 < p.span.line <= len(lines) else ""
            location = artifact_location(p.span.path)
            occurrence = seen[p.code, line.strip()] = seen.get((p.code, line.strip()), -1) + 1
            entry: dict[str, Any] = {
                "ruleId": p.code,
                "ruleIndex": index[p.code],
                "level": _LEVEL[p.severity],
                "message": {"text": p.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": location, "region": _region(p, line)}}],
                "partialFingerprints": {
                    FINGERPRINT: fingerprint(p, location["uri"], line, occurrence)},
            }
            if p.hint:
                entry["properties"] = {"hint": p.hint}
            results.append(entry)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "argmap", "version": __version__,
                            "informationUri": "https://github.com/argmap/argmap",
                            "rules": rules}},
        "originalUriBaseIds": {ROOT: {"uri": _directory_uri(Path.cwd())}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def artifact_location(path: str) -> dict[str, str]:
    """`path` as a percent-encoded URI reference relative to SRCROOT, or as an absolute
    file URI when no relative path leads there (another drive on Windows)."""
    target = Path(path)
    if target.is_absolute():
        try:
            target = Path(os.path.relpath(target))
        except ValueError:
            return {"uri": target.as_uri()}
    segments = target.as_posix().split("/")
    uri = "/".join(quote(segment, safe="") for segment in segments if segment not in ("", "."))
    return {"uri": uri or ".", "uriBaseId": ROOT}


def fingerprint(problem: Problem, uri: str, line: str, occurrence: int) -> str:
    """The same for the same finding on the same line text, wherever the line moves:
    a hash, then which of the findings of that rule on lines of that text it is."""
    key = "\0".join((problem.code, uri, line.strip()))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{digest}:{occurrence + 1}"


def _directory_uri(folder: Path) -> str:
    uri = folder.absolute().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _region(problem: Problem, line: str) -> dict[str, int]:
    start = max(problem.span.column, 1)
    return {"startLine": problem.span.line, "startColumn": start,
            "endLine": problem.span.line, "endColumn": token_end(line, start)}


def token_end(line: str, column: int) -> int:
    """One past the last column of the YAML value or key that starts at `column`: a
    quoted string to its closing quote, an item of a flow list to its `,` or `]`, a
    plain value to the end of the line (before a comment)."""
    i = column - 1
    if i >= len(line):
        return column
    if line[i] in "'\"":
        quote_char, j = line[i], i + 1
        while j < len(line):
            if line[j] == "\\" and quote_char == '"':
                j += 2
                continue
            if line[j] == quote_char:
                return j + 2
            j += 1
        return len(line) + 1
    before = line[:i].rstrip()
    stops = ",]}" if before.endswith(("[", ",", "{")) else ""
    j = i
    while j < len(line) and line[j] not in stops and not (
            line[j] == "#" and line[j - 1] in " \t") and not (
            line[j] == ":" and line[j + 1:j + 2] in ("", " ", "\t")):
        j += 1
    end = i + len(line[i:j].rstrip())
    return max(end, i + 1) + 1
