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
    # Every rule, AM403 and AM202 included: the author's position evaluates as mapped.
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


def test_without_a_maps_folder_lint_checks_the_bundled_maps_and_says_so(tmp_path):
    result = run("lint", cwd=tmp_path)
    assert result.returncode == 0 and "3 files checked: " in result.stdout
    assert " error " not in result.stdout
    assert "linting the maps bundled with argmap" in result.stderr


def test_a_maps_folder_set_in_settings_must_exist(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nmaps = "args"\n')
    result = run("lint", cwd=tmp_path)
    assert result.returncode == 2
    assert "the maps folder `args` set in" in result.stderr and "does not exist" in result.stderr


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


FORGED = ('argmap: 1\nid: f\ntitle: t\nthesis:\n  id: T\n  claim: x\n  source: {para: 1}\n'
          '  "x\\nmaps/other.yaml:1:1: error AM999 forged: a finding\\u2028x": 1\n')


def test_a_newline_in_user_text_cannot_forge_a_finding(tmp_path):
    (tmp_path / "f.yaml").write_text(FORGED)
    result = run("lint", "f.yaml", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line for line in lines if ": error " in line] == [
        "f.yaml:8:3: error AM002 schema: unknown key "
        "`x\\nmaps/other.yaml:1:1: error AM999 forged: a finding\\u2028x` in a thesis"]
    assert not any(line.startswith("maps/other.yaml") for line in lines)


@pytest.mark.parametrize("with_settings", [False, True])
def test_paths_stay_relative_with_or_without_settings(tmp_path, with_settings):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "broken.yaml").write_text(FORGED)
    if with_settings:
        (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nmaps = "maps"\n')
    result = run("lint", "--format", "github", cwd=tmp_path)
    assert result.stdout.startswith("::error file=maps/broken.yaml,line=8,col=3,"), result
    (tmp_path / "sub").mkdir()
    below = run("lint", cwd=tmp_path / "sub")
    if with_settings:
        assert below.stdout.startswith("../maps/broken.yaml:8:3: error AM002"), below
    else:
        assert "linting the maps bundled with argmap" in below.stderr


def test_a_bare_map_name_is_linted_like_other_commands_take_it(tmp_path):
    result = run("lint", "qiu", cwd=tmp_path)
    assert result.returncode == 0 and "1 file checked: " in result.stdout
    assert " error " not in result.stdout
    missing = run("lint", "nosuchmap", cwd=tmp_path)
    assert missing.returncode == 2 and "nosuchmap" in missing.stdout
