"""Arbitrary input: any bytes, any text, any YAML, maps with parts broken or mistyped.

Whatever comes in, loading and linting end in findings or in `ArgmapError`, never in
another exception, and every finding points inside the file. Whatever loads is shown,
drawn and evaluated like any map.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.loader import load_bytes, load_text
from tests.fuzz import invariants, strategies
from tests.fuzz.profile import examples


def _check(text: str, loaded_path: str = "fuzz.yaml") -> None:
    loaded = load_text(text, loaded_path)
    assert loaded.map is not None or loaded.problems, "a map that fails to load must say why"
    invariants.check_problems(loaded.problems, text, loaded_path)
    result = invariants.lint([loaded])
    for file in result.files:
        invariants.check_problems(file.problems, text, loaded_path)
    if loaded.map is not None:
        invariants.exercise(loaded.map)


@examples
@given(strategies.yaml_documents)
def test_any_document_loads_or_says_where_it_is_wrong(text: str) -> None:
    _check(text)


@examples
@given(strategies.broken_map_documents())
def test_a_map_with_parts_of_the_wrong_shape_is_reported_not_crashed_on(text: str) -> None:
    _check(text)


@examples
@given(strategies.edited_texts())
def test_a_hastily_edited_map_is_reported_not_crashed_on(text: str) -> None:
    _check(text)


@examples
@given(st.binary(max_size=300) | strategies.edited_texts().map(lambda t: t.encode("utf-8")))
def test_any_bytes_load_or_say_where_they_are_wrong(data: bytes) -> None:
    loaded = load_bytes(data, "fuzz.yaml")
    assert loaded.map is not None or loaded.problems
    text = data.decode("utf-8", "replace")
    invariants.check_problems(loaded.problems, text, "fuzz.yaml")
    invariants.lint([loaded])


@examples
@given(st.sampled_from(["\ufeff", ""]), strategies.valid_maps(max_nodes=6))
def test_a_byte_order_mark_changes_nothing(bom: str, drawn: strategies.Drawn) -> None:
    loaded = load_bytes((bom + drawn.text).encode("utf-8"), "bom.yaml")
    assert loaded.problems == () and loaded.map is not None
    assert {node.id: node.claim for node in loaded.map.walk()} == drawn.claims


@examples
@given(strategies.valid_maps(max_nodes=6), st.data())
def test_a_control_character_anywhere_is_refused_where_it_stands(
        drawn: strategies.Drawn, data: st.DataObject) -> None:
    bad = data.draw(st.characters(categories=["Cc"], exclude_characters="\t\n\r"))
    at = data.draw(st.integers(0, len(drawn.text)))
    text = drawn.text[:at] + bad + drawn.text[at:]
    loaded = load_text(text, "ctl.yaml")
    assert [p.code for p in loaded.problems] == ["AM006"]
    span = loaded.problems[0].span
    line_start = text.rfind("\n", 0, at) + 1
    assert (span.line, span.column) == (text.count("\n", 0, at) + 1, at - line_start + 1)
