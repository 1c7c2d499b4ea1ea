from tests.conftest import HEADER, findings


def test_second_use_of_an_id_is_reported_at_its_id():
    text = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
  premises:
    - {id: P1, claim: a, source: {para: 1}}
    - {id: P1, claim: b, source: {para: 2}}
"""
    assert findings(text) == [("AM101", 10, 12)]


def test_distinct_ids_pass():
    text = HEADER + "thesis:\n  id: T\n  claim: x\n  source: {para: 1}\n"
    assert findings(text) == []
