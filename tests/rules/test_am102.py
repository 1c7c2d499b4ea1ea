
from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from tests.conftest import HEADER, findings

MAP = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
  premises:
    - id: P1
      claim: a
      source: {para: 1}
      attacks: [P9]
"""


def test_unknown_local_reference_is_reported_where_written_with_a_suggestion():
    loaded = load_text(MAP, "m.yaml")
    [problem] = [p for p in lint_loaded([loaded], Settings()).problems if p.code == "AM102"]
    assert (problem.span.line, problem.span.column) == (12, 17)
    assert problem.hint == "Did you mean `P1`?"


def test_cross_map_reference_is_checked_against_maps_linted_together():
    other = load_text("argmap: 1\nid: other\ntitle: o\n"
                      "thesis: {id: T, claim: x, source: {para: 1}}\n", "other.yaml")
    text = MAP.replace("[P9]", "[other:T, other:T2]")
    result = lint_loaded([load_text(text, "m.yaml"), other], Settings(disable=frozenset({"AM403"})))
    assert [(p.code, p.message) for p in result.problems] == [
        ("AM102", "`other:T2`: map `other` has no node `T2`")]


def test_known_reference_passes():
    assert findings(MAP.replace("[P9]", "[T]")) == []


def test_the_suggestion_prefers_an_id_of_the_same_kind():
    from argmap.suggest import closest_id

    assert closest_id("O2", ["T", "P1", "P2", "O1", "O1.C1"]) == "O1"
    assert closest_id("O1.C3", ["O1.C1", "O1.P1", "P1.C3"]) == "O1.C1"
