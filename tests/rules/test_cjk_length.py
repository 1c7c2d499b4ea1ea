"""AM304 and AM302 measure Chinese and Japanese text by reading time, not one word a
character: 1.12 characters read like an English word."""

from __future__ import annotations

from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from argmap.text import length


def messages(claim: str, quote: str | None = None) -> list[tuple[str, str]]:
    quote_line = f"\n  quote: {quote}" if quote else ""
    text = (f"argmap: 1\nid: m\ntitle: t\nthesis:\n  id: T\n  claim: {claim}\n"
            f"  source: {{section: A, para: 1}}{quote_line}\n")
    result = lint_loaded([load_text(text, "m.yaml")], Settings())
    return [(p.code, p.message) for p in result.problems if p.code in ("AM302", "AM304")]


def test_a_41_character_chinese_claim_is_not_too_long():
    assert messages("数" * 41) == []


def test_a_long_chinese_claim_says_characters_and_reading_time():
    assert messages("数" * 142) == [
        ("AM304", "claim of `T` takes as long to read as 127 words (142 Chinese or Japanese "
                  "characters), more than 40")]


def test_mixed_text_counts_both():
    size = length("ICU 数据劳动 data labour")
    assert (size.words, size.cjk, size.reading_words) == (3, 4, 7)


def test_english_messages_are_unchanged():
    assert messages(" ".join(["word"] * 41)) == [
        ("AM304", "claim of `T` has 41 words, more than 40")]


def test_korean_is_counted_by_words():
    assert length("데이터 노동은 싸다").words == 3


def test_chinese_quotes_get_the_same_measure():
    assert messages("A claim.", "数" * 28) == []
    assert messages("A claim.", "数" * 40)[0][0] == "AM302"
