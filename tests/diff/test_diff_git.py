"""`argmap diff` over git revisions, and as git's own diff driver, in a real repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PAIRS = FIXTURES / "diff"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ARGMAP = f"{sys.executable} -m argmap"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo)}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env,
                          timeout=60, check=True)
    return done.stdout


def argmap_diff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "FORCE_COLOR"}
    return subprocess.run([sys.executable, "-m", "argmap", "diff", *args], cwd=repo,
                          capture_output=True, text=True, timeout=60, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits: base.yaml, then the rebuttal removed (flip.yaml)."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "lecture.yaml").write_bytes((PAIRS / "base.yaml").read_bytes())
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "maps" / "lecture.yaml").write_bytes((PAIRS / "flip.yaml").read_bytes())
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: [] # changed, not a map\n")
    git(tmp_path, "commit", "-q", "-am", "second")
    return tmp_path


REMOVED = ("  - removed O1.C1.R1 (rebuttal under O1.C1): The survey asked pupils only once, "
           "at the end of the year.")


def test_a_revision_compares_every_changed_map_with_the_working_tree(repo):
    result = argmap_diff(repo, "HEAD~1")
    lines = result.stdout.splitlines()
    assert lines[:2] == ["maps/lecture.yaml (lecture): 1 removed", REMOVED]
    assert "  lecture:O1: stands -> defeated: attacked by `O1.C1`, which is in" in lines
    assert ".pre-commit-config" not in result.stdout  # YAML, but not a map
    assert result.returncode == 1


def test_a_range_and_a_path_limit_the_comparison(repo):
    assert argmap_diff(repo, "HEAD~1..HEAD", "maps/lecture.yaml").stdout.splitlines()[1] \
        == REMOVED
    unchanged = argmap_diff(repo, "HEAD..HEAD")
    assert unchanged.stdout == "no map files differ\n"
    assert unchanged.returncode == 0


def test_formatting_only_commits_exit_0(repo):
    (repo / "maps" / "lecture.yaml").write_text(
        "# a comment only\n" + (repo / "maps" / "lecture.yaml").read_text())
    result = argmap_diff(repo, "HEAD")
    assert result.stdout == "maps/lecture.yaml (lecture): no change in meaning\n"
    assert result.returncode == 0


def test_a_map_added_in_a_commit(repo):
    (repo / "maps" / "second.yaml").write_bytes((PAIRS / "base.yaml").read_bytes()
                                               .replace(b"id: lecture", b"id: second"))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "third")
    result = argmap_diff(repo, "HEAD~1..HEAD")
    assert result.stdout.splitlines()[0] == "maps/second.yaml (second): map added (7 nodes)"
    assert result.returncode == 1


def test_an_unknown_revision_is_a_usage_error(repo):
    result = argmap_diff(repo, "no-such-branch")
    assert result.returncode == 2
    assert "is not a git revision" in result.stderr


def test_git_diff_runs_it_as_the_diff_driver_documented_in_docs_diff_md(repo):
    (repo / ".gitattributes").write_text("*.yaml diff=argmap\n")
    git(repo, "config", "diff.argmap.command", f"{ARGMAP} diff")
    shown = git(repo, "diff", "HEAD~1", "HEAD", "--", "maps/lecture.yaml")
    lines = shown.splitlines()
    assert lines[0] == "maps/lecture.yaml (lecture): 1 removed"
    assert lines[1] == REMOVED
    assert "lecture:O1.C1: defeated -> stands: nothing attacks it" in shown
    # git log -p --ext-diff goes through the driver too, and git keeps going after each file.
    log = git(repo, "log", "-p", "--ext-diff", "--format=commit %s", "--", "maps")
    assert "maps/lecture.yaml (lecture): map added (7 nodes)" in log
