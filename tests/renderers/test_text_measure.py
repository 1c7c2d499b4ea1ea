"""Text measuring and wrapping: columns counted as drawn, every word kept, CJK broken well."""

from __future__ import annotations

from argmap.renderers.text_measure import columns, wrap


def test_wrap_keeps_every_word_within_the_width():
    text = "China's data power is neither a surveillance dystopia nor a neoliberal AI utopia"
    lines = wrap(text, 20)
    assert " ".join(lines).split() == text.split()
    assert all(columns(line) <= 20 for line in lines)


def test_wrap_counts_chinese_characters_as_two_columns():
    assert columns("数据ab") == 6
    assert wrap("数据劳动数据劳动", 8) == ["数据劳动", "数据劳动"]
    assert wrap("数据劳动，廉价", 8) == ["数据劳", "动，廉价"]  # no line starts with ，


def test_wrap_keeps_line_breaks_and_cuts_only_overlong_words():
    assert wrap("one\ntwo", 20) == ["one", "two"]
    assert wrap("https://example.org/a/very/long/path", 10) == [
        "https://ex", "ample.org/", "a/very/lon", "g/path"]


def test_latin_punctuation_is_measured_narrow_as_the_latin_font_draws_it():
    text = "It’s “homework” — not play…"
    assert columns(text) == len(text)
    assert columns("数据劳动") == 8
