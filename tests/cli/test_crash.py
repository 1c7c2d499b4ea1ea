"""An exception argmap did not expect: one short report, the traceback in a file, exit 3."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap.lint
from argmap import __version__
from argmap.cli import app, main
from argmap.cli.crash import CRASH_EXIT
from tests.conftest import BUNDLED


def _boom(*_args: object, **_kwargs: object) -> list[object]:
    raise ZeroDivisionError("a bug in a rule")


@pytest.fixture
def crash_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(argmap.lint, "run_rules", _boom)
    return tmp_path / "argmap-crashes"


def _trace_file(report: str) -> Path:
    [line] = [line for line in report.splitlines() if "full traceback is in" in line]
    return Path(line.split(" is in ", 1)[1].rstrip("."))


def test_a_crash_in_a_command_is_one_short_report_and_exit_3(crash_dir, monkeypatch):
    qiu = str(BUNDLED / "qiu.yaml")
    monkeypatch.setattr(sys, "argv", ["argmap", "lint", qiu])
    result = CliRunner().invoke(app, ["lint", qiu])
    assert result.exit_code == CRASH_EXIT == 3
    report = result.stderr
    assert "Traceback" not in report and "Traceback" not in result.stdout
    assert len(report.splitlines()) <= 6
    assert f"this is a bug in argmap {__version__}, not a problem in your map" in report
    assert f"Command: argmap lint {qiu} (map: {qiu})" in report
    assert f"Error: ZeroDivisionError: a bug in a rule at {__file__}:" in report
    assert "in _boom" in report
    assert "https://github.com/argmap/argmap/issues" in report
    trace = _trace_file(report)
    assert trace.parent == crash_dir
    written = trace.read_text(encoding="utf-8")
    assert written.startswith(f"argmap {__version__} crashed\ncommand: argmap lint {qiu}\n")
    assert "Traceback (most recent call last):" in written
    assert 'raise ZeroDivisionError("a bug in a rule")' in written


def test_the_innermost_frame_inside_argmap_is_named_by_its_package_path(tmp_path, monkeypatch):
    from argmap.cli.crash import report
    from argmap.model import Ref, Span

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(AttributeError) as raised:
        Ref.parse(None, Span("m.yaml", 1, 1))  # type: ignore[arg-type]
    text = report(raised.value, ["show", "m.yaml"])
    assert "at argmap/model.py:" in text and " in parse\n" in text
    assert "Command: argmap show m.yaml (map: m.yaml)\n" in text


def test_a_crash_outside_any_command_is_reported_by_the_entry_point(crash_dir, monkeypatch,
                                                                     capsys):
    import importlib

    cli_app = importlib.import_module("argmap.cli.app")

    def broken_app() -> None:
        raise RuntimeError("option parsing broke")

    monkeypatch.setattr(cli_app, "only_the_named_command", lambda args: broken_app)
    monkeypatch.setattr(sys, "argv", ["argmap", "show", "qiu"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == CRASH_EXIT
    report = capsys.readouterr().err
    assert "Command: argmap show qiu\n" in report
    assert "RuntimeError: option parsing broke" in report
    assert _trace_file(report).is_file()


def test_when_no_trace_file_can_be_written_the_report_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing" / "folder"))
    monkeypatch.setattr(argmap.lint, "run_rules", _boom)
    result = CliRunner().invoke(app, ["lint", str(BUNDLED / "qiu.yaml")])
    assert result.exit_code == CRASH_EXIT
    assert "The full traceback could not be written to a file." in result.stderr


def test_ordinary_outcomes_keep_their_exit_status():
    assert CliRunner().invoke(app, ["lint", str(BUNDLED / "qiu.yaml")]).exit_code == 0
    assert CliRunner().invoke(app, ["show", "no-such-map"]).exit_code == 2
    assert CliRunner().invoke(app, ["show", "--no-such-option"]).exit_code == 2
