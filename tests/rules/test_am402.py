from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from argmap.problem import Severity
from tests.conftest import HEADER, findings

QUIET = Settings(disable=frozenset({"AM403"}))

MAP = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
  premises:
    - id: P1
      claim: p
      source: {para: 2}
      rebuttals:
        - {id: P1.R1, claim: r, source: {para: 3}}
"""
SECOND = "    - {id: P2, claim: q, source: {para: 4}}\n"
LINKED = """\
    - linked:
        - {id: P2, claim: q, source: {para: 4}}
        - id: P3
          claim: s
          source: {para: 5}
          rebuttals: [{id: P3.R1, claim: u, source: {para: 6}}]
"""


def test_claim_whose_only_premise_is_out_is_a_warning_at_its_premises():
    [problem] = lint_loaded([load_text(MAP, "m.yaml")], QUIET).problems
    assert (problem.code, problem.severity, problem.span.line) == ("AM402", Severity.WARNING, 9)
    assert problem.message == "`T` is in, but none of its reasons stands: `P1` is out"


def test_one_standing_convergent_premise_is_enough():
    assert findings(MAP + SECOND) == []


def test_a_linked_group_fails_when_one_member_is_out():
    [problem] = lint_loaded([load_text(MAP + LINKED, "m.yaml")], QUIET).problems
    assert problem.code == "AM402"
    assert problem.message.endswith("`P1` is out; `P2` + `P3` (linked) fail as `P3` is out")


def test_a_standing_linked_group_is_enough():
    assert findings(MAP + LINKED.replace(
        "          rebuttals: [{id: P3.R1, claim: u, source: {para: 6}}]\n", "")) == []


def test_a_claim_that_is_out_anyway_is_not_reported():
    attacked = MAP + "objections:\n  - {id: O1, claim: o, source: {para: 7}}\n"
    assert [c for c, _, _ in findings(attacked)] == ["AM201"]


def test_support_declared_from_elsewhere_counts_as_a_reason():
    helper = "rebuttals:\n  - {id: X, claim: h, source: {para: 8}, supports: [T]}\n"
    assert "AM402" not in [c for c, _, _ in findings(MAP + helper)]
