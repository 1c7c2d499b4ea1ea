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
    - id: P4
      claim: y
      source: {para: 2}
      counterexamples:
        - id: P4.C1
          claim: z
          source: {para: 3}
          granted: true
          rebuttals:
            - id: P4.C1.R1
              claim: w
              source: {para: 4}
"""


def test_a_granted_node_attacked_directly_is_reported_at_granted():
    assert [f for f in findings(MAP) if f[0] == "AM202"] == [("AM202", 16, 20)]
    [problem] = [p for p in lint_loaded([load_text(MAP, "m.yaml")], Settings()).problems
                 if p.code == "AM202"]
    assert problem.message == "`P4.C1` is granted, but `P4.C1.R1` attacks it directly"
    assert problem.hint == "Undercut its inference instead: `undercuts: [P4.C1]` on `P4.C1.R1`."


def test_undercutting_its_inference_passes():
    assert findings(MAP.replace("claim: w", "claim: w\n              undercuts: [P4.C1]")) == []


def test_a_declared_attack_is_reported_where_it_is_written():
    text = MAP.replace("claim: w", "claim: w\n              undercuts: [P4.C1]") + (
        "rebuttals:\n  - {id: R9, claim: u, source: {para: 5}, attacks: [P4.C1]}\n")
    assert [f for f in findings(text) if f[0] == "AM202"] == [("AM202", 23, 53)]
