import pytest

from tests.conftest import HEADER, findings

BASE = HEADER + "thesis:\n  id: T\n  source: {para: 1}\n  claim: "


@pytest.mark.parametrize("claim", ['""', '"   "', '" padded"', '"padded "', "|\n    two lines\n"])
def test_empty_or_padded_claim_is_an_error(claim):
    assert [code for code, *_ in findings(BASE + claim + "\n")] == ["AM303"]


def test_clean_claim_passes():
    assert findings(BASE + "Data power is contested.\n") == []
