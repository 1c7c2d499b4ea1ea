import pytest

from argmap.config import Settings
from tests.conftest import HEADER, findings

MAP = HEADER + "thesis:\n  id: T\n  claim: x\n"


def test_comment_on_the_line_silences_that_rule_there():
    assert findings(MAP.replace("id: T", "id: T  # argmap: disable=AM301")) == []


def test_comment_for_another_rule_does_not_silence():
    assert findings(MAP.replace("id: T", "id: T  # argmap: disable=AM302")) == [("AM301", 5, 7)]


def test_file_wide_comment_by_rule_name():
    assert findings("# argmap: disable-file=missing-locator\n" + MAP) == []


def test_settings_disable_rules():
    assert findings(MAP, settings=Settings(disable=frozenset({"AM301"}))) == []


@pytest.mark.parametrize("code", ["AM001", "AM002", "AM003", "AM004", "AM005", "AM006"])
def test_nothing_hides_a_map_that_does_not_load(code):
    broken = f"# argmap: disable-file={code}\n" + MAP.replace("claim: x", "claimz: x")
    assert [found for found, *_ in findings(broken)] == ["AM002"]
    off = Settings(disable=frozenset({code}))
    assert [found for found, *_ in findings(broken, settings=off)] == ["AM002"]
