"""DOT syntax: names Graphviz accepts whatever the ids, and labels that stay text."""

from __future__ import annotations

from argmap.renderers.dot_syntax import MAX_QUOTED, quote


def test_a_name_too_long_for_graphviz_is_shortened_and_stays_distinct():
    long_a, long_b = "P" + "x" * 20_000 + "a", "P" + "x" * 20_000 + "b"
    assert len(quote(long_a)) <= MAX_QUOTED + 2
    assert quote(long_a) != quote(long_b)
    assert quote(long_a) == quote(long_a)
    assert quote(long_a).startswith('"Pxxx')


def test_short_names_are_quoted_as_written():
    assert quote('say "hi" \\ now') == '"say \\"hi\\" \\\\ now"'
    assert quote("x" * MAX_QUOTED) == '"' + "x" * MAX_QUOTED + '"'
