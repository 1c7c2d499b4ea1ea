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
    attacks: [O1]
    counterexamples:
      - {id: O1.C1, claim: z, source: {para: 3}}
"""


def test_node_attacking_itself_is_reported():
    assert findings(MAP) == [("AM104", 12, 15)]


def test_attacking_another_node_passes():
    assert findings(MAP.replace("attacks: [O1]", "attacks: [T]")) == []
