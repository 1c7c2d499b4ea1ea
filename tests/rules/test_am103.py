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
      supports: [P1.1]
      premises:
        - {id: P1.1, claim: b, source: {para: 2}}
"""


def test_support_cycle_is_reported_with_its_path():
    assert findings(MAP) == [("AM103", 12, 18)]


def test_cycle_message_names_the_nodes():
    from argmap.config import Settings
    from argmap.lint import lint_loaded
    from argmap.loader import load_text

    [p] = lint_loaded([load_text(MAP, "m.yaml")], Settings()).problems
    assert p.message == "support cycle: P1 → P1.1 → P1"


def test_support_without_cycle_passes():
    assert findings(MAP.replace("supports: [P1.1]", "supports: [T]")) == []


def test_a_premise_with_the_thesis_id_is_a_duplicate_id_not_a_support_cycle():
    # Nesting alone closes this "cycle": AM101 reports it, and lint must not crash.
    text = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
  premises:
    - {id: T, claim: a, source: {para: 1}}
    - linked:
        - {id: T, claim: b, source: {para: 1}}
        - {id: P2, claim: c, source: {para: 1}}
"""
    assert [code for code, *_ in findings(text)] == ["AM101", "AM101"]
