from tests.conftest import HEADER
from tests.conftest import findings as all_findings

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
          undercuts: [P4.C1]
"""


def findings(text: str) -> list[tuple[str, int, int]]:
    """Findings of the link rules (a map cut this small is unsupported elsewhere)."""
    return [f for f in all_findings(text) if f[0] in ("AM102", "AM106", "AM108", "AM109")]


def test_a_node_undercutting_its_own_link_is_reported():
    assert findings(MAP) == [("AM109", 16, 23)]


def test_undercutting_another_link_passes():
    assert findings(MAP.replace("[P4.C1]", "[P4]")) == []
