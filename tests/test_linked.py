"""A file's findings do not depend on which other files are linted with it."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from argmap.config import Settings
from argmap.lint import lint_paths
from argmap.problem import Severity
from tests.conftest import BUNDLED

XREF = """argmap: 1
id: xref
title: A map that leans on a bundled one
thesis:
  id: T
  claim: Data power in China is contested.
  source: {para: 1}
  same_as: [qiu:T]
  premises:
    - id: P1
      claim: Workers organised online.
      source: {para: 2}
      supports: [qiu:T]
"""


def _findings(paths: list[str]) -> dict[str, list[tuple[str, int, int, str]]]:
    result = lint_paths(paths, Settings())
    return {file.path: [(p.code, p.span.line, p.span.column, p.message)
                        for p in file.problems] for file in result.files}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    maps = tmp_path / "maps"
    maps.mkdir()
    for path in BUNDLED.glob("*.yaml"):
        shutil.copy(path, maps / path.name)
    (maps / "sub").mkdir()
    (maps / "sub" / "xref.yaml").write_text(XREF)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_grouping_of_the_files_gives_each_file_the_same_findings(project: Path) -> None:
    files = sorted(str(p.relative_to(project)) for p in (project / "maps").rglob("*.yaml"))
    assert len(files) == 4
    whole = _findings(["maps"])
    assert set(whole) == set(files)
    for size in (1, 2, 3):
        for group in itertools.combinations(files, size):
            part = _findings(list(group))
            assert part == {path: whole[path] for path in group}, group


def test_a_map_that_refers_to_a_bundled_map_lints_clean_outside_the_checkout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "xref.yaml").write_text(XREF)
    monkeypatch.chdir(tmp_path)
    assert _findings(["maps/xref.yaml"]) == {"maps/xref.yaml": []}
    broken = XREF.replace("qiu:T]\n  premises", "qiu:NOPE]\n  premises")
    (tmp_path / "maps" / "xref.yaml").write_text(broken)
    [(code, line, _column, message)] = _findings(["maps"])["maps/xref.yaml"]
    assert (code, line, message) == ("AM102", 8, "`qiu:NOPE`: map `qiu` has no node `NOPE`")


def test_the_example_of_the_rules_reference_passes() -> None:
    # docs/rules.md once gave this as passing while it failed with 6 errors.
    root = BUNDLED.parent
    result = lint_paths([root / "maps" / "qiu.yaml", root / "maps" / "arsene.yaml"], Settings())
    assert [p for p in result.problems if p.severity is Severity.ERROR] == []
    assert not [p for p in result.problems if p.code in ("AM106", "AM110")]
