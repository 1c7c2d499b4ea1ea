"""`argmap fmt`'s layout: same model, same findings, every comment kept, idempotent."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from argmap.config import Settings
from argmap.fmt import NODE_ORDER, format_text, meaning
from argmap.lint import lint_loaded
from argmap.loader import NODE_KEYS, OBJECTION_KEYS, load_bytes, load_text
from argmap.problem import MapInvalid
from tests.conftest import BUNDLED, FIXTURES

_LOADABLE = [path for path in sorted(FIXTURES.rglob("*.yaml")) + sorted(BUNDLED.glob("*.yaml"))
             if load_bytes(path.read_bytes(), str(path)).map is not None]


def test_every_loadable_fixture_and_bundled_map_is_covered() -> None:
    names = {path.name for path in _LOADABLE}
    assert {"qiu.yaml", "arsene.yaml", "he_shen.yaml", "every_kind.yaml"} <= names
    assert len(_LOADABLE) >= 10


@pytest.mark.parametrize("path", _LOADABLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_formatting_keeps_the_model_and_is_idempotent(path: Path) -> None:
    loaded = load_bytes(path.read_bytes(), str(path))
    assert loaded.map is not None
    once = format_text(loaded.text, str(path))
    twice = format_text(once, str(path))
    assert once.encode() == twice.encode()
    again = load_text(once, str(path))
    assert again.map is not None
    assert meaning(again.map) == meaning(loaded.map)


def fmt(text: str) -> str:
    return format_text(textwrap.dedent(text).lstrip("\n"))


def test_keys_go_in_the_documented_order_with_a_blank_line_before_sections() -> None:
    out = fmt("""
        thesis:
          premises:
            - source: {para: 2, section: Intro}
              claim: "A reason."
              id: P1
          claim: 'The claim.'
          id: T
        title: "A map"
        id: m
        argmap: 1
        objections:
          - held_by: Someone
            claim: An objection.
            id: O1
        """)
    assert out == textwrap.dedent("""\
        argmap: 1
        id: m
        title: A map

        thesis:
          id: T
          claim: The claim.
          premises:
            - id: P1
              claim: A reason.
              source: {section: Intro, para: 2}

        objections:
          - id: O1
            claim: An objection.
            held_by: Someone
        """)


def test_quotes_stay_only_where_yaml_needs_them() -> None:
    out = fmt("""
        argmap: 1
        id: m
        title: "Big data: a moment"
        thesis:
          id: T
          claim: "yes"
          note: "plain text"
          tags: ["a", "b: c"]
          attacks: ["qiu:O1", "P2"]
        """)
    assert "title: 'Big data: a moment'" in out
    assert "claim: 'yes'" in out  # unquoted, YAML would read `yes` as true
    assert "note: plain text" in out
    assert "attacks: [qiu:O1, P2]" in out


def test_long_claims_are_folded_and_read_back_the_same() -> None:
    claim = " ".join(["word"] * 60)
    out = fmt(f"""
        argmap: 1
        id: m
        title: A map
        thesis:
          id: T
          claim: {claim}
        """)
    lines = out.splitlines()
    assert len(lines) > 6 and max(map(len, lines)) < 100
    loaded = load_text(out)
    assert loaded.map is not None and loaded.map.thesis.claim == claim


def test_comments_stay_with_their_node_when_keys_move() -> None:
    out = fmt("""
        # yaml-language-server: $schema=../schema/argmap-1.schema.json
        id: m
        argmap: 1
        title: A map
        thesis:
          claim: The claim.
          id: T
          premises:
            # the first reason
            - claim: A reason.
              id: P1
            - claim: Another.  # said twice
              id: P2
        """)
    lines = out.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/argmap-1.schema.json"
    assert lines[1] == "argmap: 1"
    first = lines.index("    # the first reason")
    assert lines[first + 1] == "    - id: P1"
    assert "      claim: Another.  # said twice" in lines


def test_a_suppression_comment_still_hides_its_finding() -> None:
    text = textwrap.dedent("""\
        argmap: 1
        id: m
        title: A map
        thesis:
          id: T
          claim: The claim.
          source: {section: Intro}
          premises:
            - claim: A reason without a locator.
              id: P1  # argmap: disable=AM301
            - id: P2  # argmap: disable=AM301
              claim: Also without one.
        """)

    def found(source: str) -> list[str]:
        result = lint_loaded([load_text(source, "m.yaml")], Settings())
        return [problem.code for problem in result.problems]

    out = format_text(text, "m.yaml")
    assert "    - id: P2  # argmap: disable=AM301" in out.splitlines()
    assert found(out) == found(text)


def test_a_multi_line_value_with_a_comment_stays_on_one_line() -> None:
    out = fmt("""
        argmap: 1
        id: m
        title: A map
        thesis:
          id: T
          claim: "Line one\\n  line two  "  # two lines
        """)
    assert 'claim: "Line one\\n  line two  "  # two lines' in out


def test_a_file_that_does_not_load_is_refused_with_its_findings() -> None:
    with pytest.raises(MapInvalid) as caught:
        format_text("argmap: 1\nid: m\ntitle: A map\nthesis:\n  id: T\n  claim: x\n  clam: y\n")
    assert caught.value.problems[0].code == "AM002"


def test_the_order_knows_every_node_key_and_the_concession_keys() -> None:
    assert set(OBJECTION_KEYS) <= set(NODE_ORDER)
    assert {"granted", "undercuts"} <= set(NODE_ORDER)
    documented = [key for key in NODE_ORDER if key in NODE_KEYS]
    assert documented == list(NODE_KEYS)


def test_a_summary_of_line_breaks_before_a_section_keeps_its_value() -> None:
    text = "argmap: 1\nid: a\ntitle: ''\nsummary: '\n\n  '\nthesis:\n  id: A\n  claim: ''\n"
    out = format_text(text)
    loaded = load_text(out)
    assert loaded.map is not None and loaded.map.summary == "\n"
    assert format_text(out) == out


@pytest.mark.parametrize("note", ["'\n\n    '", "|+\n    kept\n\n", '"  indented\\n\\n"',
                                  "'trailing spaces  '", ">-\n    folded\n    text"])
def test_texts_with_odd_line_breaks_keep_their_value(note: str) -> None:
    text = f"argmap: 1\nid: a\ntitle: ''\nthesis:\n  id: A\n  claim: x\n  note: {note}\n" \
           "  tags: []\n"
    before = load_text(text)
    out = format_text(text)
    after = load_text(out)
    assert before.map is not None and after.map is not None
    assert after.map.thesis.note == before.map.thesis.note
    assert "..." not in out and format_text(out) == out


def test_a_comment_stays_with_its_key_where_findings_point() -> None:
    """A comment follows its key, so it still covers the lines of the node it sits among."""
    text = textwrap.dedent("""\
        argmap: 1
        id: m
        title: A map
        thesis:
          id: T
          claim: The claim.
          source: {section: Intro}
          premises:
            - claim: A reason without a locator.  # argmap: disable=AM301
              id: P1
            - claim: Another reason without one.
              id: P2  # argmap: disable=AM301
        """)

    def found(source: str) -> list[str]:
        return [f"{p.code} {p.message}" for p in
                lint_loaded([load_text(source, "m.yaml")], Settings()).problems]

    out = format_text(text, "m.yaml")
    lines = out.splitlines()
    assert "      claim: A reason without a locator.  # argmap: disable=AM301" in lines
    assert "    - id: P2  # argmap: disable=AM301" in lines
    assert found(out) == found(text) == []
