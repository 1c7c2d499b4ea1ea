"""Argdown export: the tree, linked groups as reconstructions, text escaped."""

from __future__ import annotations

import pytest

from argmap.exporters import exporter
from argmap.exporters.argdown import escape
from argmap.loader import load, load_text
from tests.conftest import FIXTURES

EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"


def argdown(path=EVERY_KIND):
    return exporter("argdown")(load(path))


@pytest.mark.parametrize(("text", "escaped"), [
    ("plain words, (and) commas; fine!", "plain words, (and) commas; fine!"),
    ("[bold] <b>x</b>", r"\[bold\] \<b\>x\</b\>"),
    ("#tag and #(two words)", r"\#tag and \#(two words)"),
    ("*em* _em_ **strong** __strong__", r"\*em\* \_em\_ \*\*strong\*\* \_\_strong\_\_"),
    ("{data: 1}", r"\{data: 1\}"),
    ("a \\ backslash", "a \\\\ backslash"),
    ("see http://x.org // not a comment /* nor this",
     r"see http:\//x.org \// not a comment \/\* nor this"),
    ("<!-- no comment -->", r"\<!-- no comment --\>"),
    ("e.g. :heart: .->.", r"e\.g. \:heart: \.-\>."),
    ("996.ICU: the 9am–9pm rule", "996.ICU: the 9am–9pm rule"),
    ("=== no front matter ===", r"\=== no front matter \==="),
    ("@[T] and @<A>", r"@\[T\] and @\<A\>"),
    ("line one\nline two", "line one line two"),
])
def test_escape(text, escaped):
    assert escape(text) == escaped


def test_the_thesis_tree_nests_premises_and_attacks():
    text = argdown().text
    assert (
        "[T]: Data power in China is contested, not monolithic \\[bold\\] \\<b\\>not "
        "markup\\</b\\>.\n"
        "  + [P1]: Workers organised the 996.ICU campaign (\"996\" = 9am–9pm, 6 days) on "
        "GitHub. #(labour) #(数据)\n"
        "    + [P1.1]: 数据劳动 (data labour) is cheap & unprotected | a pipe, a \"quote\" and a "
        "\\\\ backslash.\n"
        "  + <P2 + P3 → T>\n"
        "  + [P4]: A premise that also supports another map's thesis.\n"
        "    - [P4.C1]: A counterexample to P4.\n"
        "      - [P4.C1.R1]: The author's answer to the counterexample.\n"
        "  - [O1]: China is an AI superpower that will overtake the US.\n"
    ) in text


def test_declared_edges_are_outgoing_relations():
    text = argdown().text
    assert "    - [O1.R1]: A rebuttal that also attacks O2, which attacks it back (a cycle).\n" \
           "      -> [O2]\n" in text
    assert "  - [O2]: The protests changed nothing.\n    - [O2.C1]: An answer to O2.\n" \
           "    -> [O1.R1]\n" in text
    assert "[R1]: A free-standing rebuttal aimed at a premise by reference.\n" \
           "  - [R1.R1]: The rebuttal of the free-standing rebuttal.\n  -> [P1.1]\n" in text


def test_linked_premises_become_a_premise_conclusion_structure():
    text = argdown().text
    assert ("[P2]: Every data regime rests on labour.\n\n"
            "[P3]: Line one of a claim line two of the same claim.\n\n"
            "<P2 + P3 → T>\n\n"
            "(1) [P2]\n(2) [P3]\n----\n(3) [T]\n") in text


def test_front_matter_names_the_map_and_thesis():
    text = argdown().text
    assert text.startswith('===\n"title": "Every kind of node, and text that must survive '
                           'every output"\n"author": "Ada Example, 李 明"\n"argmap":\n'
                           '  "id": "every_kind"\n  "thesis": "T"\n===\n')


def test_front_matter_cannot_be_closed_by_a_title():
    amap = load_text('argmap: 1\nid: m\ntitle: "a === b"\nthesis: {id: T, claim: x}\n').map
    assert amap is not None
    head = exporter("argdown")(amap).text.split("\n===\n")[0]
    assert "===" not in head.removeprefix("===")


def test_what_argdown_cannot_carry_is_noted():
    notes = argdown().notes
    assert any("`P4` supports `other:T` in another map" in note for note in notes)
    assert any("line breaks in `P3` become spaces" in note for note in notes)
    assert not any("tags" in note for note in notes)
