"""Mermaid export: every claim a quoted, escaped label; supports and attacks as arrows."""

from __future__ import annotations

import json
import re

import pytest

from argmap.exporters import exporter
from argmap.exporters.mermaid import label
from argmap.loader import load
from tests.conftest import BUNDLED, FIXTURES

EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"
NODE = re.compile(r'  (n\d+)\["(.*)"\]:::(\w+);$')


def mermaid(path=EVERY_KIND):
    return exporter("mermaid")(load(path)).text


@pytest.mark.parametrize(("text", "shown"), [
    ('a "quote"', "a #quot;quote#quot;"),
    ("<b>not markup</b>", "#lt;b#gt;not markup#lt;/b#gt;"),
    ("cheap & unprotected", "cheap #amp; unprotected"),
    ("#quot; typed by hand", "#35;quot; typed by hand"),
    ("`code`", "#96;code#96;"),
    ("[bold] | pipe {braces} \\", "[bold] | pipe {braces} \\"),
    ("line one\nline two", "line one<br/>line two"),
])
def test_label_escapes_markup(text, shown):
    assert label(text) == shown


def test_header_and_direction():
    assert mermaid().startswith('---\ntitle: "Every kind of node, and text that must survive '
                                'every output"\n---\nflowchart BT\n')


def test_every_node_is_declared_once_with_its_kind():
    nodes = [NODE.match(line) for line in mermaid().splitlines()]
    found = {m.group(2).split(": ", 1)[0]: m.group(3) for m in nodes if m}
    amap = load(EVERY_KIND)
    assert found == {node.id: node.kind.value for node in amap.walk()}


def test_supports_attacks_and_linked_groups():
    lines = mermaid().splitlines()
    assert "  n2 --> n1;" in lines         # P1 supports T
    assert "  n9 --x n1;" in lines         # O1 attacks T
    assert '  j1(("and")):::junction;' in lines
    assert {"  n4 --- j1;", "  n5 --- j1;", "  j1 --> n1;"} <= set(lines)   # P2 + P3 → T
    assert '  x17["other:T"]:::external;' in lines and "  n6 --> x17;" in lines


def test_attack_arrows_are_styled_red():
    lines = mermaid().splitlines()
    arrows = [line for line in lines if re.match(r"  \w+ (-->|--x|---) \w+;$", line)]
    attacks = [str(i) for i, line in enumerate(arrows) if "--x" in line]
    assert f"  linkStyle {','.join(attacks)} stroke:#c5221f,color:#c5221f" in lines


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.yaml")), ids=lambda p: p.name)
def test_no_label_breaks_out_of_its_quotes(path):
    for line in mermaid(path).splitlines():
        match = NODE.match(line)
        if match:
            assert '"' not in match.group(2)


# What Mermaid does to its source before parsing (mermaid's diagram preprocessing): the
# last `;` of a line that looks like a style or classDef statement is dropped.
_STYLE_LINE = (re.compile(r"style.*:\S*#.*;"), re.compile(r"classDef.*:\S*#.*;"))
_DECODE = {"#35;": "#", "#quot;": '"', "#amp;": "&", "#lt;": "<", "#gt;": ">", "#96;": "`"}


def _as_mermaid_reads_it(line: str) -> str:
    for pattern in _STYLE_LINE:
        line = pattern.sub(lambda m: m.group()[:-1], line)
    return line


@pytest.mark.parametrize("claim", [
    'Prose style:"plain" beats "ornate".',
    "classDef-like text:#1 wins; really",
    "style: a#b; c#d; e;",
])
def test_a_claim_that_looks_like_a_style_line_keeps_every_character(tmp_path, claim):
    path = tmp_path / "style.yaml"
    path.write_text("argmap: 1\nid: s\ntitle: t\nthesis:\n  id: T\n  claim: " +
                    json.dumps(claim) + "\n")
    [line] = [line for line in mermaid(path).splitlines() if line.startswith("  n1[")]
    read = _as_mermaid_reads_it(line)
    match = re.fullmatch(r'  n1\["(.*)"\]:::thesis;?', read)
    assert match is not None, read
    text = re.sub("|".join(map(re.escape, _DECODE)), lambda m: _DECODE[m.group()],
                  match.group(1))
    assert text == "T: " + claim


def test_an_undercut_is_a_dotted_arrow_labelled_with_its_link():
    lines = mermaid(EVERY_KIND.parent / "undercuts.yaml").splitlines()
    assert '  n5 -. "undercuts P4.C1" .-x n4;' in lines
    assert '  n11 -. "undercuts O1.R1.R1 -#gt; O1.R1" .-x n10;' in lines
    # The nested undercutter does not also attack the node it sits under.
    assert "  n5 --x n4;" not in lines
