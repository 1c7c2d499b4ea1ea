from pathlib import Path

import pytest

from argmap.config import Settings
from argmap.lint import lint_paths
from argmap.problem import Severity
from tests.conftest import HEADER

MAP = HEADER + "thesis:\n  id: T\n  claim: x\n  source: {para: 1}\n  supports: [other:O1]\n"


def test_a_reference_into_a_map_whose_file_does_not_load_is_information(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.yaml").write_text(MAP)
    (tmp_path / "maps" / "other.yaml").write_text("argmap: 1\nid: other\nthesis: [\n")
    monkeypatch.chdir(tmp_path)
    result = lint_paths(["maps/m.yaml"], Settings())
    [problem] = result.problems
    assert (problem.code, problem.severity, problem.span.line) == ("AM106", Severity.INFO, 8)
    assert "maps/other.yaml does not load" in problem.message
    assert result.exit_code(strict=True) == 0
