"""`argmap lint` as a user runs it: exit codes, every file checked, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, FIXTURES


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def test_bundled_maps_are_clean_under_strict(tmp_path):
    # AM403 finds the concessions the unrevised maps attack (issue 15); the map revision
    # answers them, and then this exclusion goes.
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\ndisable = ["AM403"]\n')
    result = run("lint", str(BUNDLED), "--strict", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "3 files checked: no problems." in result.stdout


def test_problems_exit_1_with_position(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nid: bad\ntitle: t\nthesis:\n  id: T\n  cliam: x\n")
    result = run("lint", str(bad))
    assert result.returncode == 1
    assert f"{bad}:6:3: error AM002 schema: unknown key `cliam`" in result.stdout
    assert "Traceback" not in result.stderr


def test_warnings_fail_only_with_strict(tmp_path):
    (tmp_path / "w.yaml").write_text("argmap: 1\nid: w\ntitle: t\nthesis: {id: T, claim: x}\n")
    assert run("lint", str(tmp_path)).returncode == 0
    assert run("lint", str(tmp_path), "--strict").returncode == 1


def test_every_file_is_checked_even_after_an_unreadable_one(tmp_path):
    good = FIXTURES / "valid" / "other.yaml"
    result = run("lint", str(tmp_path / "missing.yaml"), str(good), "--format", "json")
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert [f["path"] for f in document["files"]] == [str(tmp_path / "missing.yaml"), str(good)]
    assert document["files"][0]["error"].endswith("no such file")


def test_unknown_format_is_a_usage_error():
    result = run("lint", str(BUNDLED), "--format", "xml")
    assert result.returncode == 2
    assert "unknown format `xml`" in result.stderr


def test_unknown_rule_to_disable_is_a_usage_error():
    result = run("lint", str(BUNDLED), "--disable", "AM999")
    assert result.returncode == 2 and "unknown rule `AM999`" in result.stderr


def test_default_is_the_maps_folder_from_settings(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nmaps = "args"\n')
    (tmp_path / "args").mkdir()
    shutil.copy(FIXTURES / "valid" / "other.yaml", tmp_path / "args" / "other.yaml")
    result = run("lint", cwd=tmp_path)
    assert result.returncode == 0 and "1 file checked" in result.stdout


def test_bad_settings_are_reported_not_crashed(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nmap = "args"\n')
    result = run("lint", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown setting `map`; did you mean `maps`?" in result.stderr


def test_no_maps_folder_says_what_to_do(tmp_path):
    result = run("lint", cwd=tmp_path)
    assert result.returncode == 2 and "no maps folder" in result.stderr


def test_folder_without_maps_is_a_usage_error(tmp_path):
    result = run("lint", str(tmp_path))
    assert result.returncode == 2 and "no map files" in result.stderr


@pytest.mark.parametrize("fixture", sorted((FIXTURES / "invalid").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_invalid_fixtures_raise_the_codes_they_declare(fixture):
    first = fixture.read_bytes().decode("utf-8", "replace").splitlines()[0]
    assert first.startswith("# expect:"), "invalid fixtures declare their codes"
    expected = sorted(first.removeprefix("# expect:").split())
    result = run("lint", str(fixture), "--format", "json")
    got = sorted({p["code"] for f in json.loads(result.stdout)["files"] for p in f["problems"]})
    assert got == expected
    assert result.returncode == 1


def test_version_and_help():
    assert run("--version").stdout == "argmap 0.1.0\n"
    help_text = run("--help").stdout
    for command in ("lint", "list", "rules", "schema"):
        assert command in help_text
    assert "argmap lint maps/qiu.yaml --strict" in run("lint", "--help").stdout


def test_a_named_folder_inside_a_hidden_one_is_searched(tmp_path):
    folder = tmp_path / ".cache" / "maps"
    (folder / ".git").mkdir(parents=True)
    shutil.copy(FIXTURES / "valid" / "other.yaml", folder / "other.yaml")
    shutil.copy(FIXTURES / "valid" / "other.yaml", folder / ".git" / "ignored.yaml")
    result = run("lint", str(folder))
    assert result.returncode == 0 and "1 file checked" in result.stdout
