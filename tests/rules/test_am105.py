from tests.conftest import HEADER, findings

MAP = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
rebuttals:
  - id: R1
    claim: y
    source: {para: 2}
"""


def test_free_standing_rebuttal_without_target_is_reported():
    assert findings(MAP) == [("AM105", 9, 9)]


def test_free_standing_rebuttal_with_target_passes():
    assert findings(MAP + "    attacks: [T]\n") == []
