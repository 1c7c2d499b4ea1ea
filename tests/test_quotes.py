"""Looking quotes up in a source text: each normalisation, typos, the nearest passage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.loader import load
from argmap.problem import ArgmapError
from argmap.quotes import SourceText, check_quotes, decode
from tests.conftest import FIXTURES

QUOTES = FIXTURES / "quotes"
RIVER = SourceText((QUOTES / "river.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("treated as a ser-\nvant rather", "as a servant rather", id="hyphen-joined"),
    pytest.param("their counter-\npower lay", "their counter-power lay", id="hyphen-kept"),
    pytest.param("their counter-\npower lay", "their counterpower lay", id="hyphen-dropped"),
    pytest.param("both old-fashioned  and \n  costly", "both old-fashioned and costly",
                 id="spacing"),
    pytest.param("speak of “flood control” as if", 'speak of "flood control" as if',
                 id="curly-quotes"),
    pytest.param("The office’s motto", "The office's motto", id="apostrophe"),
    pytest.param("The ﬁrst keepers were ﬁshermen; it ﬂoods", "The first keepers were "
                 "fishermen; it floods", id="ligatures"),
    pytest.param("ordered about—much like", "ordered about - much like", id="em-dash"),
    pytest.param("from 1990–1995 only", "from 1990-1995 only", id="en-dash"),
    pytest.param("a loss of −3 points", "a loss of -3 points", id="minus-sign"),
    pytest.param("In this essay | argue", "In this essay I argue", id="pipe-for-I"),
    pytest.param("the RIVER-1CU plan", "the RIVER.ICU plan", id="1CU-for-ICU"),
    pytest.param("runs an Al model", "runs an AI model", id="Al-for-AI"),
    pytest.param("IntroductIon", "Introduction", id="case"),
    pytest.param("agree that *most* trees are __best__ pruned", "agree that most trees are "
                 "best pruned", id="emphasis"),
    pytest.param("### **Pruning in Winter**\n\nMembers agree", "Pruning in Winter Members agree",
                 id="heading"),
    pytest.param("heals by May,<sup>2</sup> and that", "heals by May, and that",
                 id="sup-footnote"),
    pytest.param("heals by May,² and that", "heals by May, and that", id="superscript-digit"),
    pytest.param("that <b>no</b> cut", "that no cut", id="html-tag"),
    pytest.param("the [society's handbook](https://example.org/h) explains",
                 "the society's handbook explains", id="markdown-link"),
    pytest.param("R&amp;D investors", "R&D investors", id="entity"),
    pytest.param("one two three four five", "one two ... five", id="ellipsis"),
    pytest.param("one two three four five", "one […] four five", id="bracketed-ellipsis"),
])
def test_quote_is_found_despite_extraction_faults(text: str, quote: str) -> None:
    assert SourceText(text).contains(quote)


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("employs 1.4 thousand people", "employs 14 thousand people", id="decimal"),
    pytest.param("the power is theirs", "ower is theirs", id="mid-word-start"),
    pytest.param("the power is theirs", "the power is the", id="mid-word-end"),
    pytest.param("one two three four five", "four ... two", id="ellipsis-order"),
    pytest.param("the first keepers", "the fist keepers", id="typo"),
    pytest.param("anything at all", "—", id="no-words"),
])
def test_quote_is_not_found(text: str, quote: str) -> None:
    assert not SourceText(text).contains(quote)


@pytest.mark.parametrize("name", ["river", "bulletin"])
def test_every_fixture_quote_is_found_in_its_text(name: str) -> None:
    amap = load(QUOTES / f"{name}.yaml")
    text = SourceText((QUOTES / f"{name}.txt").read_text(encoding="utf-8"))
    report = check_quotes(amap, text, f"{name}.txt")
    assert report.problems == ()
    assert report.found == report.checked == sum(1 for n in amap.walk() if n.quote)


def test_typo_is_reported_at_the_quote_line_with_the_nearest_passage() -> None:
    report = check_quotes(load(QUOTES / "river_typos.yaml"), RIVER, "river.txt")
    assert report.checked == 4
    typo, absent, decimal = report.problems
    assert (typo.code, typo.span.line, typo.span.column) == ("AM501", 13, 14)
    assert typo.message == (
        "quote of `P1` is not in river.txt; nearest passage (line 12, 98% alike): "
        "“The first keepers of the river were fishermen, not engineers”")
    assert (absent.span.line, decimal.span.line) == (17, 21)
    assert "nor anything like it" in absent.message
    assert "“employs 1.4 thousand people”" in decimal.message


def test_nearest_passage_joins_line_break_hyphens_and_drops_markup() -> None:
    passage = RIVER.nearest("treated the river as a sevrant rather than a neighbor")
    assert passage is not None
    assert passage.text == "treated the river as a servant rather than a neighbour"
    assert passage.line == 6
    assert 0.9 < passage.similarity < 1
    bulletin = SourceText((QUOTES / "bulletin.txt").read_text(encoding="utf-8"))
    passage = bulletin.nearest("a cut made in Janury heals by May and that no cut")
    assert passage is not None
    assert passage.text == "a cut made in January heals by May, and that no cut"


def test_nearest_passage_of_a_single_misspelt_word() -> None:
    passage = RIVER.nearest("engneers")
    assert passage is not None
    assert passage.text == "engineers"


def test_nearest_passage_needs_words() -> None:
    assert RIVER.nearest("…") is None
    assert SourceText("").nearest("a quote") is None


_RIVER_WORDS = RIVER.words


@given(st.integers(0, len(_RIVER_WORDS) - 1), st.integers(1, 25),
       st.sampled_from([" ", "\n", "  ", " - "]))
def test_any_run_of_words_of_the_text_is_found(start: int, length: int, gap: str) -> None:
    run = _RIVER_WORDS[start:start + length]
    quote = gap.join(RIVER.text[word.start:word.end] for word in run)
    assert RIVER.contains(quote)


def test_decode_accepts_utf8_with_a_byte_order_mark() -> None:
    assert decode("\ufeffCafé".encode(), "t.txt") == "Café"


@pytest.mark.parametrize(("data", "message"), [
    (b"caf\xe9\n", "t.txt: is not UTF-8 text (byte 0xe9 on line 1)"),
    (b"%PDF-1.7\n...", "t.txt: is a PDF, not plain text"),
    (b"ab\x00cd", "t.txt: is a binary file, not plain text"),
])
def test_decode_refuses_what_is_not_plain_text(data: bytes, message: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        decode(data, "t.txt")
    assert caught.value.message == message
    assert caught.value.exit_code == 2


def test_a_long_quote_that_is_not_found_still_gets_its_nearest_passage() -> None:
    # Quotes past a few dozen words are matched word by word, which keeps a page-long
    # quote as quick to place as a line-long one.
    lines = [" ".join(f"w{line}x{n}" for n in range(12)) for line in range(400)]
    source = SourceText("\n".join(lines))
    quote = " ".join(lines[200:240]).replace("w220x5", "w220y5")
    passage = source.nearest(quote)
    assert passage is not None
    assert passage.line == 201
    assert 0.99 < passage.similarity < 1
    assert passage.text.startswith("w200x0 ") and passage.text.endswith(" w239x11")
