"""The loader: positions kept, unsafe or broken input refused with a clear message."""

from __future__ import annotations

import textwrap

import pytest

from argmap.loader import _MAX_YAML_DEPTH, MAX_BYTES, MAX_DEPTH, load_bytes, load_text
from argmap.model import Kind, Label, Span
from tests.conftest import FIXTURES, HEADER


def only_problem(text: str | bytes) -> tuple[str, int, int, str]:
    result = load_bytes(text if isinstance(text, bytes) else text.encode(), "m.yaml")
    assert result.map is None
    assert len(result.problems) == 1, result.problems
    p = result.problems[0]
    return p.code, p.span.line, p.span.column, p.message


def test_every_node_keeps_its_line_and_column(every_kind):
    amap = load_text(every_kind.read_text(encoding="utf-8"), "e.yaml").map
    assert amap is not None
    nodes = amap.index()
    assert nodes["T"].span == Span("e.yaml", 12, 3)
    assert nodes["P1"].span == Span("e.yaml", 17, 7)
    assert nodes["P1"].at("claim") == Span("e.yaml", 18, 14)
    assert nodes["O1"].at("expect") == Span("e.yaml", 52, 13)


def test_model_has_kinds_groups_and_references(every_kind):
    amap = load_text(every_kind.read_text(encoding="utf-8"), "e.yaml").map
    assert amap is not None
    nodes = amap.index()
    assert nodes["P2"].group == nodes["P3"].group == 1
    assert nodes["P1"].group is None
    assert nodes["O1"].held_by == "Kai-Fu Lee"
    assert nodes["O1"].expect is Label.OUT
    assert [str(r) for r in nodes["P4"].supports] == ["other:T"]
    assert nodes["R1"].kind is Kind.REBUTTAL and nodes["R1"].parent is None
    assert nodes["P3"].claim == "Line one of a claim\nline two of the same claim."
    assert amap.source.author == ("Ada Example", "李 明")
    assert nodes["P1"].source is not None and nodes["P1"].source.para == 2


def test_duplicate_key_is_refused_with_both_lines():
    code, line, column, message = only_problem(
        HEADER + "thesis:\n  id: T\n  claim: first\n  claim: second\n")
    assert (code, line, column) == ("AM003", 7, 3)
    assert "duplicate key `claim`" in message and "line 6" in message


@pytest.mark.parametrize("text, line, column", [
    ("thesis: !!python/object:os.system\n  id: T\n", 4, 9),
    ("thesis:\n  id: T\n  claim: !!str yes\n", 6, 10),
    ("thesis:\n  id: T\n  claim: !custom x\n", 6, 10),
])
def test_explicit_tags_are_refused(text, line, column):
    code, got_line, got_column, message = only_problem(HEADER + text)
    assert (code, got_line, got_column) == ("AM004", line, column)
    assert "tags" in message


def test_anchors_are_refused_where_they_are_written():
    code, line, column, message = only_problem(HEADER + "thesis: &t\n  id: T\n  claim: x\n")
    assert (code, line, column) == ("AM004", 4, 9)
    assert "anchors" in message


def test_alias_bomb_is_refused_before_it_expands():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
        for i in range(8))
    code, line, _, _ = only_problem(bomb)
    assert (code, line) == ("AM004", 1)


def test_recursive_anchor_is_refused():
    code, _, _, _message = only_problem("a: &a [*a]\n")
    assert code == "AM004"


def test_nesting_deeper_than_any_map_is_refused():
    text = HEADER + "thesis:\n  id: T\n  claim: x\n  premises:\n"
    indent = "    "
    for level in range(MAX_DEPTH + 2):
        text += f"{indent}- id: P{level}\n{indent}  claim: x\n{indent}  premises:\n"
        indent += "    "
    text += f"{indent}- {{id: Q, claim: x}}\n"
    result = load_text(text, "m.yaml")
    assert result.map is None
    assert [p.code for p in result.problems] == ["AM005"]
    assert f"deeper than {MAX_DEPTH}" in result.problems[0].message


@pytest.mark.parametrize("text", [
    "[" * 2_000_000 + "]" * 2_000_000,
    "- " * 200_000 + "x\n",
    "a:\n" + "".join(" " * i + "- x:\n" for i in range(1, 3000)),
])
def test_pathological_nesting_is_refused_without_parsing(text):
    # Composing these would overflow libyaml's recursive composer and crash Python.
    code, _line, _, message = only_problem(text)
    assert code == "AM005"
    assert "levels of YAML" in message


def test_file_too_large_is_refused_without_parsing():
    code, line, column, message = only_problem(b"# " + b"x" * MAX_BYTES)
    assert (code, line, column) == ("AM005", 1, 1)
    assert "larger than 64 MB" in message


def test_text_that_is_not_utf8_is_refused_at_its_position():
    code, line, column, message = only_problem(HEADER.encode() + b"title2: caf\xe9\n")
    assert (code, line, column) == ("AM006", 4, 12)
    assert "not UTF-8" in message


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85"])
def test_control_characters_are_refused_at_their_position(char):
    code, line, column, message = only_problem(HEADER + f"thesis:\n  id: T\n  claim: a{char}b\n")
    assert (code, line, column) == ("AM006", 6, 11)
    assert f"U+{ord(char):04X}" in message


@pytest.mark.parametrize(("escape", "char"), [
    ("\\0", "\x00"), ("\\e", "\x1b"), ("\\r", "\r"), ("\\x07", "\x07"),
    ("\\u0085", "\x85"), ("\\N", "\x85"), ("\\U0000001b", "\x1b")])
def test_control_characters_written_as_escapes_are_refused(escape, char):
    code, line, column, message = only_problem(
        HEADER + f'thesis:\n  id: T\n  claim: "a\\\\b {escape}"\n')
    assert (code, line, column) == ("AM006", 6, 10)
    assert f"U+{ord(char):04X}" in message and "escape" in message


@pytest.mark.parametrize("claim", ['"a\\\\eb, C:\\\\x1b"', "'a\\eb'", "a\\x07b",
                                   '"tab\\there\\nand \\\\s"'])
def test_backslashes_that_write_no_control_character_are_kept(claim):
    result = load_text(HEADER + f"thesis:\n  id: T\n  claim: {claim}\n", "m.yaml")
    assert result.map is not None and result.problems == ()


@pytest.mark.parametrize(("claim", "anchor"), [
    ("R&D & more, 5 * 3 = 15!", False), ('"quoted &c. and *stars*"', False),
    ("x [&a y]", False), ("[&a y]", True), ("&a y", True), ("x\n  quote: &a y", True),
    ("{k: *b}", True), ("!!str y", True)])
def test_anchors_are_found_after_a_token_start_only(claim, anchor):
    text = HEADER + f"thesis:\n  id: T\n  claim: {claim}\n"
    result = load_text(text, "m.yaml")
    assert any(p.code == "AM004" for p in result.problems) is anchor


def test_byte_order_mark_is_accepted():
    text = (FIXTURES / "valid" / "other.yaml").read_bytes()
    result = load_bytes(b"\xef\xbb\xbf" + text, "bom.yaml")
    assert result.map is not None and result.problems == ()


def test_unknown_key_suggests_the_known_one():
    result = load_text(HEADER + "thesis:\n  id: T\n  cliam: x\n", "m.yaml")
    messages = [p.message for p in result.problems]
    assert "unknown key `cliam` in a thesis; did you mean `claim`?" in messages


def test_wrong_type_says_what_was_expected():
    result = load_text(HEADER + "thesis:\n  id: T\n  claim: [a, b]\n", "m.yaml")
    assert [(p.code, p.span.line, p.span.column) for p in result.problems] == [("AM002", 6, 10)]
    assert result.problems[0].message == "the `claim` of T must be text, not a list"


def test_a_bare_number_as_claim_asks_for_quotes():
    result = load_text(HEADER + "thesis:\n  id: T\n  claim: 1984\n", "m.yaml")
    assert result.problems[0].hint == "Put the value in quotes."


def test_misplaced_keys_explain_where_they_belong():
    result = load_text(HEADER + "thesis:\n  id: T\n  claim: x\n  rebuttals: []\n", "m.yaml")
    assert "attacked by top-level `objections`" in result.problems[0].message


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"),
    ("- a\n- b\n", "the map must be a mapping (key: value lines), not a list"),
    ("argmap: 2\nid: m\ntitle: t\nthesis: {id: T, claim: x}\n", "`argmap: 2` is not a format"),
    ("argmap: 1\nid: Bad Id\ntitle: t\nthesis: {id: T, claim: x}\n", "map id `Bad Id`"),
    ("argmap: 1\nid: m\ntitle: t\n", "the map has no `thesis`"),
    ("a: 1\n---\nb: 2\n", "expected a single document"),
    ("thesis:\n  id: T\n claim: x\n", "line 3 is indented 1 space, but the keys before it 2"),
])
def test_broken_maps_say_what_is_wrong(text, message):
    result = load_text(text, "m.yaml")
    assert result.map is None
    assert any(message in p.message for p in result.problems), result.problems


def test_every_problem_is_reported_at_once():
    text = HEADER + textwrap.dedent("""\
        thesis:
          id: T
          claim: x
          premises:
            - {id: P1, claim: x, colour: red}
            - {id: 9, claim: x}
            - linked: [{id: P3, claim: x}]
        """)
    result = load_text(text, "m.yaml")
    assert [(p.code, p.span.line) for p in result.problems] == [
        ("AM002", 8), ("AM002", 9), ("AM002", 10)]


@pytest.mark.parametrize("depth", [_MAX_YAML_DEPTH + 1, 1_001, 5_000])
def test_flow_nesting_is_refused_at_argmaps_own_limit(depth):
    # The position is that of the first bracket past argmap's limit, however deep the
    # brackets go and whatever depth the installed YAML library would stop at itself.
    text = HEADER + "summary: " + "[" * depth + "]" * depth + "\n"
    code, line, column, message = only_problem(text)
    assert (code, line) == ("AM005", HEADER.count("\n") + 1)
    assert column == len("summary: ") + _MAX_YAML_DEPTH
    assert "levels of YAML" in message


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_bad_character_is_placed_on_its_line_whatever_the_line_endings(newline):
    text = (HEADER + "thesis:\n  id: T\n  claim: x\x07y\n").replace("\n", newline)
    code, line, column, _ = only_problem(text)
    assert (code, line, column) == ("AM006", HEADER.count("\n") + 3, 11)


def test_bytes_that_are_not_utf8_are_placed_on_their_line_with_cr_line_endings():
    data = (HEADER + "summary: caf\xe9\n").replace("\n", "\r").encode("latin-1")
    code, line, column, _ = only_problem(data)
    assert (code, line, column) == ("AM006", HEADER.count("\n") + 1, 13)


@pytest.mark.parametrize("number", ["0x" + "f" * 5000, "0b" + "1" * 5000, "9" * 5000,
                                    "1_000_000_000", "0"])
def test_a_number_too_long_or_too_large_is_refused_where_it_is_written(number):
    code, line, column, message = only_problem(
        HEADER + f"thesis:\n  id: T\n  claim: x\n  source: {{para: {number}}}\n")
    assert (code, line, column) == ("AM002", HEADER.count("\n") + 4, 18)
    assert "at most 999,999,999" in message
