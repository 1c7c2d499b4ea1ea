from tests.conftest import HEADER, findings

BASE = HEADER + "thesis:\n  id: T\n  claim: x\n  source: {para: 1}\n  quote: "


def test_quote_of_26_words_is_an_error_at_the_quote():
    assert findings(BASE + " ".join(["word"] * 26) + "\n") == [("AM302", 8, 10)]


def test_quote_of_25_words_passes():
    assert findings(BASE + " ".join(["word"] * 25) + "\n") == []
