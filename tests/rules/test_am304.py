from argmap.config import Settings
from tests.conftest import HEADER, findings

BASE = HEADER + "thesis:\n  id: T\n  source: {para: 1}\n  claim: "


def test_claim_over_40_words_is_a_warning():
    assert findings(BASE + " ".join(["word"] * 41) + "\n") == [("AM304", 7, 10)]


def test_cjk_characters_count_by_reading_time():
    # 40 words read in the time of 45 Chinese characters (1.12 characters a word).
    assert findings(BASE + "数" * 46 + "\n") == [("AM304", 7, 10)]
    assert findings(BASE + "数" * 45 + "\n") == []


def test_limit_comes_from_settings():
    text = BASE + " ".join(["word"] * 12) + "\n"
    assert findings(text, settings=Settings(claim_max_words=10)) == [("AM304", 7, 10)]
