from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from argmap.problem import Severity
from tests.conftest import HEADER

MAP = HEADER + "thesis:\n  id: T\n  claim: x\n  source: {para: 1}\n  supports: [arsene:O1]\n"


def test_reference_into_a_map_not_linted_is_information_only():
    result = lint_loaded([load_text(MAP, "m.yaml")], Settings())
    [problem] = result.problems
    assert (problem.code, problem.severity, problem.span.line) == ("AM106", Severity.INFO, 8)
    assert result.exit_code(strict=True) == 0


def test_reference_to_a_map_missing_from_a_set_is_an_error_with_suggestion():
    other = load_text(MAP.replace("id: m", "id: arsen").replace("arsene:O1", "m:T"), "a.yaml")
    result = lint_loaded([load_text(MAP, "m.yaml"), other], Settings())
    [problem] = result.problems
    assert (problem.code, problem.severity) == ("AM106", Severity.ERROR)
    assert problem.hint == "Did you mean `arsen`?"


def test_a_map_that_failed_to_load_does_not_make_references_to_it_errors():
    other = load_text(MAP.replace("id: m", "id: arsen"), "a.yaml")
    broken = load_text("argmap: 1\nid: arsene\ntitle: t\nthesis: {id: T, cliam: x}\n", "b.yaml")
    result = lint_loaded([load_text(MAP, "m.yaml"), other, broken], Settings())
    unchecked = [p for p in result.problems if p.code == "AM106"]
    assert [(p.span.path, p.severity) for p in unchecked] == [
        ("m.yaml", Severity.INFO), ("a.yaml", Severity.INFO)]
