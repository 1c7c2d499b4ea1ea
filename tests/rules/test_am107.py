from pathlib import Path

import pytest

from argmap.config import Settings
from argmap.lint import lint_loaded, lint_paths
from argmap.loader import load_text

MAP = "argmap: 1\nid: same\ntitle: t\nthesis: {id: T, claim: x, source: {para: 1}}\n"


def test_every_file_with_a_shared_map_id_is_reported() -> None:
    result = lint_loaded([load_text(MAP, "a.yaml"), load_text(MAP, "b.yaml")], Settings())
    assert [(p.code, p.span.path, p.span.line, p.message) for p in result.problems] == [
        ("AM107", "a.yaml", 2, "map id `same` is also used by b.yaml"),
        ("AM107", "b.yaml", 2, "map id `same` is also used by a.yaml")]


def test_a_file_linted_alone_is_compared_with_the_maps_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.yaml").write_text(MAP)
    (tmp_path / "maps" / "b.yaml").write_text(MAP)
    monkeypatch.chdir(tmp_path)
    result = lint_paths(["maps/b.yaml"], Settings())
    assert [(p.code, p.span.path) for p in result.problems] == [("AM107", "maps/b.yaml")]
