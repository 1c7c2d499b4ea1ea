from pathlib import Path

import pytest

from argmap.config import Settings
from argmap.lint import lint_loaded, lint_paths
from argmap.loader import load_text
from argmap.problem import Severity
from tests.conftest import HEADER

MAP = HEADER + "thesis:\n  id: T\n  claim: x\n  source: {para: 1}\n  supports: [arsen:O1]\n"


def test_a_map_found_nowhere_is_an_error_with_a_suggestion() -> None:
    other = load_text(MAP.replace("id: m", "id: arsene").replace("arsen:O1", "m:T"), "a.yaml")
    result = lint_loaded([load_text(MAP, "m.yaml"), other], Settings())
    [problem] = result.problems
    assert (problem.code, problem.severity, problem.span.line) == ("AM110", Severity.ERROR, 8)
    assert problem.hint == "Did you mean `arsene`?"


def test_the_same_error_whether_the_file_is_linted_alone_or_with_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.yaml").write_text(MAP)
    (tmp_path / "maps" / "n.yaml").write_text(MAP.replace("id: m", "id: n"))
    monkeypatch.chdir(tmp_path)
    alone = lint_paths(["maps/m.yaml"], Settings())
    together = lint_paths(["maps"], Settings())
    assert [(p.code, p.span.path) for p in alone.problems] == [("AM110", "maps/m.yaml")]
    assert [(p.code, p.span.path) for p in together.problems] == [
        ("AM110", "maps/m.yaml"), ("AM110", "maps/n.yaml")]
