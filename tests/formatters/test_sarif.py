"""SARIF as code-scanning services read it: the official 2.1.0 schema, with formats checked,
and what GitHub code scanning asks of a result beyond the schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from argmap.rules import RULES
from tests.conftest import BUNDLED, FIXTURES

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
NAME = "my map#1 数据.yaml"


def _validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def _seed(folder: Path, name: str = NAME, above: str = "") -> Path:
    """The qiu map with a duplicate id (line 50) and an unknown reference (line 42)."""
    text = (BUNDLED / "qiu.yaml").read_text(encoding="utf-8")
    text = text.replace("        - id: P1.2\n", "        - id: P1.1\n", 1)
    text = text.replace("      attacks: [O1, O2]\n", "      attacks: [O1, O2, NOPE]\n", 1)
    path = folder / "maps" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(above + text, encoding="utf-8")
    return path


def _seeded_lines(path: Path) -> tuple[int, int, int]:
    """Where the seeds are: the unknown reference's line and column, the duplicate's line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    unknown = next(i for i, line in enumerate(lines) if "[O1, O2, NOPE]" in line)
    duplicate = [i for i, line in enumerate(lines) if line == "        - id: P1.1"][1]
    return unknown + 1, lines[unknown].index("NOPE") + 1, duplicate + 1


def _sarif(*args: str, cwd: Path) -> dict[str, Any]:
    run = subprocess.run([sys.executable, "-m", "argmap", "lint", *args, "--format", "sarif"],
                         capture_output=True, text=True, cwd=cwd, timeout=60)
    assert run.returncode == 1, run.stderr
    document: dict[str, Any] = json.loads(run.stdout)
    return document


def _errors(document: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in _validator().iter_errors(document)]


def test_the_format_checker_does_check_uri_references() -> None:
    # Without a URI library installed jsonschema skips the check and passes anything.
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": NAME}}}]}]}]}
    assert any("uri-reference" in error for error in _errors(bad))


def test_seeded_errors_validate_against_the_official_schema(tmp_path: Path) -> None:
    unknown, _column, duplicate = _seeded_lines(_seed(tmp_path))
    document = _sarif("maps", cwd=tmp_path)
    assert _errors(document) == []
    run = document["runs"][0]
    found = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
             for r in run["results"]}
    assert {("AM101", duplicate), ("AM102", unknown)} <= found
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]}
    assert uris == {"maps/my%20map%231%20%E6%95%B0%E6%8D%AE.yaml"}


def test_every_rule_has_help_and_a_help_uri() -> None:
    document = json.loads(_lint_clean())
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in RULES]
    for rule in rules:
        assert rule["help"]["text"].startswith(rule["id"]) and rule["help"]["markdown"]
        assert rule["helpUri"].endswith(f"docs/rules.md#{rule['id'].lower()}")
        assert len(rule["fullDescription"]["text"]) <= 1024
        assert "Fails" in rule["help"]["markdown"] or "fails" in rule["help"]["markdown"]


def _lint_clean() -> str:
    return subprocess.run([sys.executable, "-m", "argmap", "lint", str(BUNDLED / "qiu.yaml"),
                           "--format", "sarif"], capture_output=True, text=True,
                          timeout=60).stdout


def test_results_carry_end_columns_hints_apart_and_fingerprints(tmp_path: Path) -> None:
    line, column, _duplicate = _seeded_lines(_seed(tmp_path))
    run = _sarif("maps", cwd=tmp_path)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    [unknown] = [r for r in run["results"] if r["ruleId"] == "AM102"]
    region = unknown["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": line, "startColumn": column, "endLine": line,
                      "endColumn": column + 4}
    [duplicate] = [r for r in run["results"] if r["ruleId"] == "AM101"]
    assert duplicate["message"]["text"].startswith("id `P1.1` is already used at line ")
    assert duplicate["properties"]["hint"] == "Give this node an id of its own."
    for result in run["results"]:
        assert result["partialFingerprints"]["primaryLocationLineHash"]


def test_fingerprints_survive_lines_added_elsewhere(tmp_path: Path) -> None:
    _seed(tmp_path / "before")
    _seed(tmp_path / "after", above="# notes\n# added above\n")
    before = _sarif("maps", cwd=tmp_path / "before")["runs"][0]["results"]
    after = _sarif("maps", cwd=tmp_path / "after")["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before]
    moved = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert moved == [line + 2 for line in lines]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    assert len({r["partialFingerprints"]["primaryLocationLineHash"] for r in before}) == len(before)


@pytest.mark.parametrize("absolute", [False, True])
def test_paths_are_relative_to_the_stated_root(tmp_path: Path, absolute: bool) -> None:
    path = _seed(tmp_path, name="qiu.yaml")
    work = tmp_path / "work"
    work.mkdir()
    argument = str(path) if absolute else "../maps/qiu.yaml"
    run = _sarif(argument, cwd=work)["runs"][0]
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": work.as_uri() + "/"}}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "../maps/qiu.yaml", "uriBaseId": "SRCROOT"}
    assert _errors({"version": "2.1.0", "runs": [run]}) == []


def test_an_unreadable_file_is_a_notification_that_validates(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "argmap", "lint", "missing.yaml", "--format",
                          "sarif"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    document = json.loads(run.stdout)
    assert _errors(document) == []
    invocation = document["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.yaml"
