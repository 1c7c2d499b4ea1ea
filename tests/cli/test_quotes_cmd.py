"""`argmap quotes` as a user runs it: exit codes, formats, clear errors, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

QUOTES = FIXTURES / "quotes"
RIVER = QUOTES / "river.yaml"
TYPOS = QUOTES / "river_typos.yaml"
RIVER_TEXT = QUOTES / "river.txt"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", "quotes", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def test_all_quotes_found_exits_0_using_the_text_next_to_the_map() -> None:
    result = run(RIVER)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.endswith(f"8 of 8 quotes found in {RIVER_TEXT}.\n")


def test_quotes_not_found_exit_1_with_line_and_nearest_passage() -> None:
    result = run(TYPOS, "--source", RIVER_TEXT)
    assert result.returncode == 1
    assert (f"{TYPOS}:13:14: error AM501 quote-not-found: quote of `P1` is not in river.txt; "
            "nearest passage (line 12, 98% alike): “The first keepers of the river were "
            "fishermen, not engineers”") in result.stdout
    assert f"{TYPOS}:17:14: error AM501" in result.stdout
    assert ":21:" not in result.stdout  # that line carries `# argmap: disable=AM501`
    assert result.stdout.endswith(
        f"1 of 4 quotes found in {RIVER_TEXT}; 1 more accepted by `disable=AM501`.\n")


def test_json_format() -> None:
    result = run(TYPOS, "-s", RIVER_TEXT, "--format", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    problems = document["files"][0]["problems"]
    assert [(p["code"], p["name"], p["line"]) for p in problems] == [
        ("AM501", "quote-not-found", 13), ("AM501", "quote-not-found", 17)]
    assert document["summary"]["failed"] is True


def test_github_format() -> None:
    result = run(TYPOS, "-s", RIVER_TEXT, "-f", "github")
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"::error file={TYPOS},line=13,col=14,"
                            "title=AM501 quote-not-found::quote of `P1`")
    assert "98%25 alike" in first


def test_sarif_format_names_the_rule() -> None:
    result = run(TYPOS, "-s", RIVER_TEXT, "-f", "sarif")
    assert result.returncode == 1
    run_ = json.loads(result.stdout)["runs"][0]
    assert {r["ruleId"] for r in run_["results"]} == {"AM501"}
    assert "AM501" in {rule["id"] for rule in run_["tool"]["driver"]["rules"]}


def test_without_source_and_no_text_beside_the_map_exit_2(tmp_path: Path) -> None:
    shutil.copy(TYPOS, tmp_path / "alone.yaml")
    result = run(tmp_path / "alone.yaml")
    assert result.returncode == 2
    assert "--source is needed" in result.stderr
    assert str(tmp_path / "alone.txt") in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    (b"caf\xe9 au lait\n", "is not UTF-8 text (byte 0xe9 on line 1)"),
    (b"%PDF-1.4\n", "cannot read the PDF"),
])
def test_unreadable_source_exits_2_with_a_message(tmp_path: Path, content: bytes | None,
                                                  message: str) -> None:
    source = tmp_path / "source.txt"
    if content is not None:
        source.write_bytes(content)
    result = run(RIVER, "--source", source)
    assert result.returncode == 2
    assert result.stderr.startswith(f"argmap: error: {source}: {message}")
    assert "Traceback" not in result.stderr


def test_source_that_is_a_folder_exits_2(tmp_path: Path) -> None:
    result = run(RIVER, "--source", tmp_path)
    assert result.returncode == 2
    assert "is a folder" in result.stderr


def test_map_that_does_not_load_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nid: bad\ntitle: t\nthesis:\n  id: T\n  cliam: x\n")
    result = run(bad, "--source", RIVER_TEXT)
    assert result.returncode == 1
    assert f"{bad}:6:3: error AM002" in result.stdout


def test_unknown_format_exits_2() -> None:
    result = run(RIVER, "--format", "xml")
    assert result.returncode == 2
    assert "unknown format `xml`" in result.stderr


def test_help_documents_the_normalisation_and_an_example() -> None:
    result = run("--help")
    assert result.returncode == 0
    flat = " ".join(result.stdout.split())
    for phrase in ("only letters and digits are compared", "<sup>12</sup> footnote markers",
                   "I, l, 1 and | count as one character", "argmap quotes qiu --source"):
        assert phrase in flat
