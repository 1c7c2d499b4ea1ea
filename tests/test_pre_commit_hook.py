"""The hook in .pre-commit-hooks.yaml, run by the real pre-commit on a repository made here.

pre-commit installs argmap from this checkout into an environment of its own, which
needs the package index: the tests are skipped, saying so, when it cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, ROOT

FILLER = """argmap: 1
id: {id}
title: A filler map
source: {{author: A. Writer, kind: article}}
thesis:
  id: T
  claim: Filler thesis {id}.
  source: {{para: 1}}
  same_as: [qiu:T]
  premises:
    - id: P1
      claim: A premise that leans on another filler map.
      source: {{para: 2}}
      supports: [{other}:T]
"""


def _index_reachable() -> bool:
    url = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/").rstrip("/") + "/pip/"
    try:
        with urllib.request.urlopen(url, timeout=15):
            return True
    except (OSError, ValueError):
        return False


pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout"),
]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    if not _index_reachable():
        pytest.skip("the package index cannot be reached: pre-commit cannot install argmap")
    home = tmp_path_factory.mktemp("pre-commit-home")
    yield {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "NO_COLOR": "1"}


def _git(repo: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _repo(tmp_path: Path, env: dict[str, str], fillers: list[str]) -> Path:
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    for path in BUNDLED.glob("*.yaml"):
        shutil.copy(path, repo / "maps" / path.name)
    for i, relative in enumerate(fillers):
        other = Path(fillers[(i + 1) % len(fillers)]).stem
        target = repo / "maps" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(FILLER.format(id=Path(relative).stem, other=other))
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", ".", env=env)
    _git(repo, "commit", "-qm", "maps", env=env)
    return repo


def _hook(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                           "argmap-lint", "--verbose", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


def _clean(output: str, files: int) -> bool:
    """No errors among `files` files (the bundled maps may carry warnings)."""
    return f"{files} files checked: " in output and " error " not in output and (
        f"{files} files checked: no problems." in output or "; passed." in output)


def test_passes_on_clean_maps_and_a_commit_touching_two_of_them(
        tmp_path: Path, env: dict[str, str]) -> None:
    repo = _repo(tmp_path, env, [f"f{i}.yaml" for i in range(6)])
    every = _hook(repo, env, "--all-files")
    assert every.returncode == 0, every.stdout + every.stderr
    assert _clean(every.stdout, 9)
    for name in ("qiu.yaml", "f3.yaml"):
        with (repo / "maps" / name).open("a") as file:
            file.write("# touched\n")
    _git(repo, "commit", "-qam", "touch two maps", env=env)
    two = _hook(repo, env, "--from-ref", "HEAD~1", "--to-ref", "HEAD")
    assert two.returncode == 0, two.stdout + two.stderr
    assert _clean(two.stdout, 2)


def test_passes_when_pre_commit_splits_the_files_into_batches(
        tmp_path: Path, env: dict[str, str]) -> None:
    # pre-commit splits a command line longer than 128 KiB; these paths force three runs,
    # and every filler refers to one linted in another run.
    deep = "/".join(["d" * 200] * 16)
    repo = _repo(tmp_path, env, [f"{deep}/f{i:02}.yaml" for i in range(100)])
    result = _hook(repo, env, "--all-files")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    runs = [line for line in result.stdout.splitlines() if "files checked" in line]
    assert len(runs) >= 2, runs
    assert sum(int(line.split()[0]) for line in runs) == 103
    assert all(_clean(line, int(line.split()[0])) for line in runs), runs


def test_fails_on_a_broken_map_with_its_positions(tmp_path: Path, env: dict[str, str]) -> None:
    repo = _repo(tmp_path, env, ["f0.yaml", "f1.yaml"])
    text = (repo / "maps" / "qiu.yaml").read_text(encoding="utf-8")
    (repo / "maps" / "qiu.yaml").write_text(
        text.replace("      attacks: [O1, O2]\n", "      attacks: [O1, O2, NOPE]\n", 1),
        encoding="utf-8")
    (repo / "maps" / "f1.yaml").write_text(FILLER.format(id="f1", other="f9"))
    result = _hook(repo, env, "--all-files")
    assert result.returncode == 1
    lines = (repo / "maps" / "qiu.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines) if "NOPE" in text)
    column = lines[line].index("NOPE") + 1
    assert f"maps/qiu.yaml:{line + 1}:{column}: error AM102 unknown-reference" in result.stdout
    assert "maps/f1.yaml:14:18: error AM110 unknown-map: `f9:T`: no map `f9` found" \
        in result.stdout
