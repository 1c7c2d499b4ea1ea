"""`argmap CMD ...` runs an app holding only CMD; what the user sees must not change.

The other CLI tests drive the whole `app`; these compare it with the trimmed one that
`argmap.cli.app.main` actually runs, command by command.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.cli.app import command_name, only_the_named_command

NAMES = sorted(command_name(info) for info in app.registered_commands)


def _both(args: list[str]) -> tuple[object, object]:
    trimmed = only_the_named_command(args)
    assert trimmed is not app and len(trimmed.registered_commands) == 1
    return CliRunner().invoke(app, args), CliRunner().invoke(trimmed, args)


def test_every_command_is_found_by_its_name():
    assert len(NAMES) == len(set(NAMES)) == len(app.registered_commands)
    assert {"show", "render", "lint", "eval", "import", "list"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_command_helps_as_in_the_whole_app(name):
    whole, trimmed = _both([name, "--help"])
    assert trimmed.exit_code == whole.exit_code == 0
    assert trimmed.stdout == whole.stdout
    assert f"Usage: argmap {name} " in trimmed.stdout


@pytest.mark.parametrize("args", [
    ["show", "qiu", "--depth", "1"],
    ["show", "qiu", "--depth", "1", "--depth", "2"],  # refused by the group's own check
    ["show", "qiu", "--no-such-option"],
    ["show", "no_such_map"],
    ["eval", "qiu", "--summary"],
    ["lint", "maps/", "--format", "json"],
    ["render", "qiu", "--dot", "--depth", "1"],
])
def test_runs_and_usage_errors_are_the_same(args):
    whole, trimmed = _both(args)
    assert (trimmed.exit_code, trimmed.stdout, trimmed.stderr) == (
        whole.exit_code, whole.stdout, whole.stderr)


@pytest.mark.parametrize("args", [[], ["--help"], ["-V"], ["sho", "qiu"], ["--", "show"]])
def test_anything_but_a_command_name_gets_the_whole_app(args):
    assert only_the_named_command(args) is app


def test_trimming_leaves_the_whole_app_whole():
    before = list(app.registered_commands)
    only_the_named_command(["show", "qiu"])
    assert app.registered_commands == before
    result = CliRunner().invoke(app, ["--help"])
    assert all(f"  {name} " in result.stdout for name in NAMES)
