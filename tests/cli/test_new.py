"""`argmap new`: a skeleton a newcomer can start from, which lints clean."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from argmap.config import Settings
from argmap.lint import lint_paths
from argmap.loader import load


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60, env=dict(os.environ))


def test_the_skeleton_lints_clean_and_shows_every_part(tmp_path):
    (tmp_path / "maps").mkdir()
    result = run("new", "homework", "--title", "Homework: does it help?", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "maps" / "homework.yaml"
    assert result.stderr.startswith("wrote maps/homework.yaml\n")
    lint = lint_paths([path], Settings())
    assert [(p.code, str(p.severity)) for p in lint.problems] == []
    amap = load(path)
    assert (amap.id, amap.title) == ("homework", "Homework: does it help?")
    nodes = {node.id: node for node in amap.walk()}
    assert any(node.group is not None for node in nodes.values())  # a linked group
    assert nodes["O1.P1"].granted and nodes["O1.P1.R1"].undercuts  # concession, undercut
    assert "same_as: [qiu:O1]" in path.read_text()  # how a cross-map link is written


def test_outside_a_project_it_writes_next_to_you_and_never_overwrites(tmp_path):
    assert run("new", "essay", cwd=tmp_path).returncode == 0
    assert (tmp_path / "essay.yaml").is_file()
    again = run("new", "essay", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_a_name_that_cannot_be_an_id_gets_one_suggested(tmp_path):
    result = run("new", "Homework Map", cwd=tmp_path)
    assert result.returncode == 2
    assert "`argmap new homework-map`" in result.stderr


def test_rules_explains_one_rule_with_its_examples(tmp_path):
    result = run("rules", "AM106", cwd=tmp_path)
    assert result.stdout.startswith("AM106 unchecked-reference (info)\n\n")
    assert "Fails" in result.stdout and "Passes" in result.stdout
    assert run("rules", "text-cut-by-comment", cwd=tmp_path).stdout.startswith("AM305 ")
    unknown = run("rules", "AM999", cwd=tmp_path)
    assert unknown.returncode == 2 and "no rule `AM999`" in unknown.stderr
