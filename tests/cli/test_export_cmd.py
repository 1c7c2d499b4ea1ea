"""`argmap export` and `argmap import` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.exporters import FORMATS
from tests.conftest import FIXTURES

EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"
INTEROP = FIXTURES / "interop"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_to_stdout_and_to_a_file(fmt, tmp_path):
    shown = run("export", str(EVERY_KIND), "--to", fmt)
    assert shown.returncode == 0, shown.stderr
    assert "Every data regime rests on labour." in shown.stdout
    target = tmp_path / f"out.{fmt}"
    written = run("export", str(EVERY_KIND), "--to", fmt, "-o", str(target))
    assert written.returncode == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout


def test_export_of_a_bundled_map_by_name_notes_what_is_left_out():
    result = run("export", "qiu", "--to", "aif")
    assert result.returncode == 0
    assert json.loads(result.stdout)["argmap"]["id"] == "qiu"
    assert "argmap: note: `" in result.stderr and "he_shen:P3" in result.stderr


@pytest.mark.parametrize(("args", "code", "message"), [
    (["export", str(EVERY_KIND), "--to", "pdf"], 2, "unknown format `pdf`"),
    (["export", "no_such_map", "--to", "json"], 2, "no map named `no_such_map`"),
    (["export", str(FIXTURES / "invalid" / "duplicate_key.yaml"), "--to", "json"], 1, "AM003"),
])
def test_export_errors(args, code, message):
    result = run(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "thesis"), [
    ("debate.argdown", "The city should build a tram line."),
    ("nodeset.json", "Cities should build trams."),
])
def test_import_lints_and_shows(name, thesis, tmp_path):
    target = tmp_path / "imported.yaml"
    result = run("import", str(INTEROP / name), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "argmap: note:" in result.stderr
    lint = run("lint", str(target))
    assert lint.returncode == 0, lint.stdout
    show = run("show", str(target))
    assert show.returncode == 0
    assert thesis in show.stdout


def test_import_to_stdout_and_round_trip(tmp_path):
    exported = tmp_path / "every.argdown"
    assert run("export", str(EVERY_KIND), "--to", "argdown", "-o", str(exported)).returncode == 0
    result = run("import", str(exported))
    assert result.returncode == 0
    assert result.stdout.splitlines()[3:6] == ["argmap: 1", "id: every_kind",
                                               "title: Every kind of node, and text that must "
                                               "survive every output"]


def test_import_reads_any_suffix_with_from(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text("[A]: a\n  + [B]: b\n", encoding="utf-8")
    assert run("import", str(source)).returncode == 2
    result = run("import", str(source), "--from", "argdown")
    assert result.returncode == 0 and "  id: A\n" in result.stdout


@pytest.mark.parametrize(("content", "suffix", "code", "message"), [
    (None, ".argdown", 2, "no such file"),
    ("{not json", ".json", 1, "not valid JSON"),
    (b"\xff\xfe[A]: a", ".argdown", 1, "not UTF-8"),
    ("just prose.\n", ".argdown", 1, "no claims found"),
    ('{"nodes": []}', ".json", 1, "no claims found"),
])
def test_import_errors(content, suffix, code, message, tmp_path):
    source = tmp_path / f"in{suffix}"
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif content is not None:
        source.write_text(content, encoding="utf-8")
    result = run("import", str(source))
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_import_of_a_folder_is_a_usage_error(tmp_path):
    folder = tmp_path / "x.json"
    folder.mkdir()
    result = run("import", str(folder))
    assert result.returncode == 2 and "is a folder" in result.stderr
