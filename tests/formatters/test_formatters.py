"""Each formatter on a result built by hand, compared with the exact output."""

from __future__ import annotations

import json

from argmap.formatters import FORMATS, formatter
from argmap.model import Span
from argmap.problem import Problem, Severity
from argmap.result import FileResult, LintResult

RESULT = LintResult((
    FileResult("maps/a.yaml", (
        Problem("AM102", Severity.ERROR, Span("maps/a.yaml", 3, 7), "`P9`: no node, 100%",
                "Did you mean `P1`?"),
        Problem("AM301", Severity.WARNING, Span("maps/a.yaml", 9, 5), "no locator"),
    )),
    FileResult("maps/b,c.yaml", error="maps/b,c.yaml: no such file"),
))


def test_text():
    assert formatter("text")(RESULT, strict=False, color=False) == (
        "maps/a.yaml:3:7: error AM102 unknown-reference: `P9`: no node, 100%\n"
        "    hint: Did you mean `P1`?\n"
        "maps/a.yaml:9:5: warning AM301 missing-locator: no locator\n"
        "maps/b,c.yaml: no such file\n"
        "2 files checked: 1 unreadable, 1 error, 1 warning; failed.\n"
    )


def test_text_in_colour_keeps_the_words():
    out = formatter("text")(RESULT, strict=False, color=True)
    assert "\x1b[" in out
    assert "`P9`: no node, 100%" in out


def test_text_clean_result():
    clean = LintResult((FileResult("a.yaml"),))
    assert formatter("text")(clean, strict=True, color=False) == "1 file checked: no problems.\n"


def test_json_is_stable_and_complete():
    document = json.loads(formatter("json")(RESULT, strict=False, color=False))
    assert document["version"] == 1
    assert document["files"][0]["problems"][0] == {
        "code": "AM102", "name": "unknown-reference", "severity": "error", "line": 3,
        "column": 7, "message": "`P9`: no node, 100%", "hint": "Did you mean `P1`?"}
    assert document["files"][1] == {"path": "maps/b,c.yaml",
                                    "error": "maps/b,c.yaml: no such file", "problems": []}
    assert document["summary"] == {"files": 2, "errors": 1, "warnings": 1, "infos": 0,
                                   "unreadable": 1, "failed": True}


def test_github_escapes_properties_and_data():
    assert formatter("github")(RESULT, strict=False, color=False) == (
        "::error file=maps/a.yaml,line=3,col=7,title=AM102 unknown-reference::"
        "`P9`: no node, 100%25 (Did you mean `P1`?)\n"
        "::warning file=maps/a.yaml,line=9,col=5,title=AM301 missing-locator::no locator\n"
        "::error file=maps/b%2Cc.yaml,title=unreadable::maps/b,c.yaml: no such file\n"
    )


def test_sarif_has_rules_results_and_regions():
    document = json.loads(formatter("sarif")(RESULT, strict=False, color=False))
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    first = run["results"][0]
    assert rule_ids[first["ruleIndex"]] == "AM102"
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "maps/a.yaml", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 7}}
    assert first["message"] == {"text": "`P9`: no node, 100%"}
    assert first["properties"] == {"hint": "Did you mean `P1`?"}
    assert run["invocations"][0]["toolExecutionNotifications"][0]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "maps/b%2Cc.yaml",
                                                   "uriBaseId": "SRCROOT"}}}]
    assert run["results"][1]["level"] == "warning"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_registry_lists_every_format():
    assert FORMATS == ("text", "json", "github", "sarif")
