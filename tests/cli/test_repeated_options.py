"""An option that takes one value, given twice, is refused rather than silently halved."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from argmap.cli import app


@pytest.mark.parametrize("args", [
    ["render", "qiu", "--dot", "--depth", "1", "--depth", "2"],
    ["render", "qiu", "--dot", "-d", "1", "--depth", "2"],
    ["show", "qiu", "--depth", "1", "--depth", "1"],
    ["render", "qiu", "--dot", "--theme", "dark", "--theme", "light"],
])
def test_a_single_value_option_given_twice_is_a_usage_error(args, tmp_path):
    result = CliRunner().invoke(app, args + (["-o", str(tmp_path / "x.dot")]
                                             if args[0] == "render" else []))
    assert result.exit_code == 2
    option = "--theme" if "--theme" in args else "--depth"
    assert f"{option} was given more than once" in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing drawn from half of what was asked


def test_options_that_collect_values_may_repeat(tmp_path):
    result = CliRunner().invoke(app, ["render", "qiu", "--dot", "--focus", "O1",
                                      "--focus", "O2", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qiu-O1.dot", "qiu-O2.dot"]
