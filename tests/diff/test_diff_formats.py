"""The Markdown and JSON forms of `argmap diff`, exactly, and the JSON against its schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.diff.test_diff_cases import CASES, diff_against_base

SCHEMA = json.loads((ROOT / "schema" / "argmap-diff-1.schema.json").read_text())


def test_markdown_for_a_pull_request(tmp_path):
    result = diff_against_base("relations", tmp_path, "--format", "markdown")
    assert result.stdout == (
        "## argmap diff\n"
        "\n"
        "### relations.yaml — `lecture`\n"
        "\n"
        "*2 relations changed*\n"
        "\n"
        "- **Relation added**: `P1` attacks `O1`\n"
        "- **Relation added**: `P2.1` supports `P1`\n"
        "\n"
        "### Claims that now stand or fall differently\n"
        "\n"
        "- `lecture:T`: defeated → **stands**: every attacker is out (`O1`)\n"
        "- `lecture:O1`: stands → **defeated**: attacked by `P1`, which is in\n")
    assert result.returncode == 1


def test_markdown_word_diff_strikes_out_and_bolds(tmp_path):
    result = diff_against_base("reworded", tmp_path, "--format", "markdown")
    assert ("- **Reworded** `P1`: Practice at home ~~fixes~~ **may fix** what ~~was~~ "
            "**pupils were** taught in class.") in result.stdout.splitlines()


def test_markdown_escapes_claims(tmp_path):
    (tmp_path / "base.yaml").write_text(
        "argmap: 1\nid: m\ntitle: t\nthesis: {id: T, claim: plain}\n", encoding="utf-8")
    (tmp_path / "new.yaml").write_text(
        "argmap: 1\nid: m\ntitle: t\nthesis: {id: T, claim: plain}\n"
        "objections:\n  - {id: O1, claim: '<script>x</script> *not bold* | [a](b)'}\n",
        encoding="utf-8")
    from tests.diff.test_diff_cases import run

    out = run("base.yaml", "new.yaml", "--format", "markdown", cwd=tmp_path).stdout
    assert ("- **Added** `O1` (objection): \\<script\\>x\\</script\\> \\*not bold\\* \\| "
            "\\[a\\](b)") in out


def test_json_is_exact_and_documented(tmp_path):
    result = diff_against_base("flip", tmp_path, "--format", "json")
    assert json.loads(result.stdout) == {
        "argmap_diff": 1,
        "changed": True,
        "files": [{
            "path": "flip.yaml", "old": "base.yaml", "new": "flip.yaml", "map": "lecture",
            "status": "changed",
            "changes": [{"change": "removed", "node": "O1.C1.R1",
                         "old": "The survey asked pupils only once, at the end of the year.",
                         "new": None, "detail": "rebuttal under O1.C1"}],
            "problems": []}],
        "flips": [
            {"map": "lecture", "node": "T", "old": "out", "new": "in",
             "reason": "every attacker is out (`O1`)"},
            {"map": "lecture", "node": "O1", "old": "in", "new": "out",
             "reason": "attacked by `O1.C1`, which is in"},
            {"map": "lecture", "node": "O1.C1", "old": "out", "new": "in",
             "reason": "nothing attacks it"}],
        "labels_skipped": None,
    }


@pytest.mark.parametrize("case", [*sorted(CASES), "broken"])
def test_json_of_every_case_validates_against_the_schema(case, tmp_path):
    document = json.loads(diff_against_base(case, tmp_path, "--format", "json").stdout)
    jsonschema.validate(document, SCHEMA)
    assert document["changed"] is (case not in ("formatting", "broken"))
