from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from tests.conftest import HEADER, findings

MAP = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
objections:
  - id: O1
    claim: y
    source: {para: 2}
"""


def test_unanswered_objection_is_a_warning_at_its_id():
    assert findings(MAP) == [("AM201", 9, 9)]


def test_objection_answered_by_nested_counterexample_passes():
    answer = "    counterexamples:\n      - {id: C, claim: z, source: {para: 3}}\n"
    assert findings(MAP + answer) == []


def test_objection_answered_from_another_map_passes():
    other = load_text("argmap: 1\nid: o\ntitle: t\nthesis: {id: T, claim: x, source: {para: 1},"
                      " attacks: ['m:O1']}\n", "o.yaml")
    result = lint_loaded([load_text(MAP, "m.yaml"), other], Settings(disable=frozenset({"AM403"})))
    assert list(result.problems) == []
