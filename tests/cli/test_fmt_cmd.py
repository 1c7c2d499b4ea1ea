"""`argmap fmt` as a user runs it: --check and --diff for CI, refusal, atomic writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUNDLED, FIXTURES

MESSY = "id: m\nargmap: 1\ntitle: \"A map\"\nthesis:\n    claim: 'The claim.'\n    id: T\n"


def run(*args: str, cwd: Path | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", "fmt", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60, input=stdin)


def test_check_exits_1_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MESSY)
    result = run("--check", str(path))
    assert result.returncode == 1
    assert f"would reformat {path}" in result.stdout
    assert path.read_text() == MESSY


def test_fmt_rewrites_then_check_passes(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MESSY)
    assert run(str(path)).returncode == 0
    expected = "argmap: 1\nid: m\ntitle: A map\n\nthesis:\n  id: T\n  claim: The claim.\n"
    assert path.read_text() == expected
    assert run("--check", str(path)).returncode == 0


def test_diff_shows_the_change_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MESSY)
    result = run("--diff", str(path))
    assert result.returncode == 1
    assert "-title: \"A map\"\n+title: A map\n" in result.stdout
    assert path.read_text() == MESSY


def test_a_map_that_does_not_load_is_not_touched(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    shutil.copy(FIXTURES / "invalid" / "syntax.yaml", broken)
    before = broken.read_bytes()
    good = tmp_path / "good.yaml"
    good.write_text(MESSY)
    result = run(str(tmp_path))
    assert result.returncode == 1
    assert "AM001" in result.stdout and f"{broken}:" in result.stdout
    assert broken.read_bytes() == before
    assert good.read_text().startswith("argmap: 1\nid: m\n")  # the other file is done
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_standard_input_to_standard_output() -> None:
    result = run("-", stdin=MESSY)
    assert result.returncode == 0
    assert result.stdout.startswith("argmap: 1\nid: m\ntitle: A map\n")


def test_bundled_maps_format_cleanly_in_a_copy(tmp_path: Path) -> None:
    for path in BUNDLED.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    assert run(str(tmp_path)).returncode == 0
    assert run("--check", str(tmp_path)).returncode == 0
    lint = subprocess.run([sys.executable, "-m", "argmap", "lint", "--strict", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert lint.returncode == 0, lint.stdout


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nothere.yaml"))
    assert result.returncode == 2
    assert "no such file" in result.stderr
