from tests.conftest import HEADER, findings


def test_node_without_locator_is_a_warning():
    assert findings(HEADER + "thesis:\n  id: T\n  claim: x\n") == [("AM301", 5, 7)]


def test_node_with_locator_passes():
    assert findings(HEADER + "thesis:\n  id: T\n  claim: x\n  source: {page: 3}\n") == []
