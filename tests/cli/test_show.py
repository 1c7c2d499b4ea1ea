"""`argmap show` as a user runs it: the tree, its options, colour rules and exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner, Result

from argmap.cli import app
from argmap.loader import load
from tests.conftest import BUNDLED, FIXTURES
from tests.renderers.test_tree import EVERY_KIND_80

EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"


def show(*args: str, **env: str) -> Result:
    clean: dict[str, str | None] = {"COLUMNS": "80", "NO_COLOR": None, "FORCE_COLOR": None}
    return CliRunner().invoke(app, ["show", *args], env={**clean, **env})


def test_prints_the_tree_with_the_referenced_map_beside_it():
    result = show(str(EVERY_KIND))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == EVERY_KIND_80


def test_a_referenced_map_that_cannot_be_found_shows_just_the_reference(tmp_path):
    alone = tmp_path / "every_kind.yaml"
    shutil.copy(EVERY_KIND, alone)
    result = show(str(alone))
    assert result.exit_code == 0
    assert "│                  → supports other:T\n" in result.stdout


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("name", ["qiu", "arsene", "he_shen"])
def test_bundled_maps_show_every_node_within_the_width(name, width):
    result = show(name, COLUMNS=str(width))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines)
    assert all(line == line.rstrip() for line in lines)
    amap = load(BUNDLED / f"{name}.yaml")
    assert lines[0] == amap.title or amap.title.startswith(lines[0])
    for node in amap.walk():
        assert f" {node.id} " in result.stdout


def test_references_into_other_bundled_maps_show_their_text():
    result = show("qiu", COLUMNS="200")
    assert "= same as arsene:O4 “In the coming age of data, where data volume will matter" \
        in result.stdout


def test_an_unknown_map_lists_the_maps_that_exist():
    result = show("quu")
    assert result.exit_code == 2
    assert "argmap: error: no map named `quu`" in result.stderr
    assert "Did you mean `qiu`?" in result.stderr
    assert "arsene, he_shen, qiu" in result.stderr


def test_a_map_that_does_not_load_prints_its_problems_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nid: bad\ntitle: t\nthesis:\n  id: T\n  cliam: x\n")
    result = show(str(bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{bad}:6:3: error AM002: unknown key `cliam`" in result.stderr


def test_a_folder_is_a_usage_error(tmp_path):
    result = show(str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder, not a map file" in result.stderr


def test_focus_and_depth():
    result = show(str(EVERY_KIND), "--focus", "O1", "--depth", "0")
    assert result.exit_code == 0
    assert "└── − O1 objects  China is an AI superpower" in result.stdout
    assert "    └── … 3 more nodes below\n" in result.stdout
    assert "2 of 16 nodes shown (--depth 0, --focus O1)." in result.stdout


def test_an_unknown_focus_suggests_ids_and_exits_2():
    result = show(str(EVERY_KIND), "--focus", "o1.c1")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "argmap: error: no node `o1.c1` in map `every_kind`" in result.stderr
    assert "Did you mean O1.C1?" in result.stderr


def test_a_negative_depth_is_a_usage_error():
    assert show("qiu", "--depth", "-1").exit_code == 2


def test_kind_is_repeatable_and_takes_plurals():
    result = show(str(EVERY_KIND), "--kind", "objections", "-k", "premise")
    assert result.exit_code == 0
    assert "O1.P1 supports" in result.stdout and "O2.C1 counterexample" in result.stdout
    assert "P1.1 supports" in result.stdout  # premises under premises
    assert "attack by reference" not in result.stdout  # R1 is a rebuttal of a premise
    assert "(--kind premise, --kind objection)" in result.stdout


def test_an_unknown_kind_suggests_one():
    result = show("qiu", "--kind", "objectoin")
    assert result.exit_code == 2
    assert "unknown kind `objectoin`" in result.stderr
    assert "Did you mean `objection`?" in result.stderr


def test_ascii_output_has_no_box_drawing():
    result = show("qiu", "--ascii")
    assert result.exit_code == 0
    assert not [ch for ch in result.stdout if unicodedata.name(ch, "").startswith("BOX DRAW")]
    assert "+-- + P1 supports" in result.stdout


def test_quotes_and_notes():
    plain = show(str(EVERY_KIND), COLUMNS="200").stdout
    full = show(str(EVERY_KIND), "--quotes", "--notes", COLUMNS="200").stdout
    assert "the code word" not in plain and "Note:" not in plain
    assert "“the code word “996””" in full
    assert "Note: A note with a backslash \\ and braces {like this}." in full


def test_no_color_wins_over_force_color():
    assert "\x1b[" in show("qiu", FORCE_COLOR="1").stdout  # the check below can fail
    assert "\x1b[" not in show("qiu", FORCE_COLOR="1", NO_COLOR="1").stdout


def test_the_width_follows_the_terminal():
    lines = show("qiu", COLUMNS="60").stdout.splitlines()
    assert max(cell_len(line) for line in lines) in range(50, 61)


def test_output_to_a_pipe_has_no_escape_codes():
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80"}
    result = subprocess.run([sys.executable, "-m", "argmap", "show", "qiu"], env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Data power and counter-power")
    assert "\x1b" not in result.stdout


def test_a_terminal_that_is_not_unicode_gets_ascii_and_no_traceback():
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run([sys.executable, "-m", "argmap", "show", str(EVERY_KIND)],
                            env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert b"+-- + P1 supports" in result.stdout
    assert b"Ada Example and ? ? (2024)" in result.stdout


def test_starting_the_cli_does_not_import_rich():
    code = ("import sys, argmap.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('rich', 'argmap.renderers'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "[]"


def test_help_has_an_example():
    result = CliRunner().invoke(app, ["show", "--help"])
    assert result.exit_code == 0
    assert "argmap show qiu --depth 1" in result.stdout


def test_status_badges_follow_the_evaluation():
    result = show("qiu", "--status", "--depth", "1", "--kind", "objection", "--ascii")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[3].startswith("# T thesis [v] stands  China's data power")
    objection = next(line for line in lines if "O1 objects" in line)
    assert "O1 objects [x] defeated  China is an emerging AI superpower" in objection


def test_status_says_why_a_thesis_with_standing_reasons_falls():
    result = show(str(FIXTURES / "valid" / "thesis_falls.yaml"), "--status")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == [
        "4 stand, 2 defeated, 0 undecided",
        "The thesis T is defeated: attacked by `O1`, which stands. Premises never rescue a "
        "claim from an attack; `argmap explain thesis_falls T` shows the chain, and "
        "docs/semantics.md how to answer it."]
