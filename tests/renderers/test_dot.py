"""The DOT renderer: every kind drawn apart, user text kept as text, the same bytes each time.

The DOT is parsed back (node statements, their HTML labels as XML) and compared with
the map. Where Graphviz is installed, the SVG it draws is parsed too and every claim's
text is looked for in its node, exactly as written.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.loader import load, load_text
from argmap.model import ArgMap, Kind, Label
from argmap.problem import ArgmapError
from argmap.renderers.dot import to_dot
from argmap.renderers.dot_style import FONT, THEMES, DotOptions
from argmap.renderers.text_measure import columns
from tests.conftest import BUNDLED, FIXTURES

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
SVG = "{http://www.w3.org/2000/svg}"
EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"

_STATEMENT = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"(?: -> "((?:[^"\\]|\\.)*)")? \[(.*)\]$')
_ATTR = re.compile(r'(\w+)=(<.*?>(?=, \w+=|$)|"(?:[^"\\]|\\.)*")')

HOSTILE = [
    'Quotes " and \' and a backslash \\ at the end \\',
    'Closes the label: "]; evil [label="x"]; } digraph g {',
    "Markup <b>bold</b> <TABLE> <BR/> &amp; &lt; & <!-- comment --> ]]>",
    "Graphviz escapes \\N \\G \\E \\T \\H \\L \\n \\l \\r and \\\\N",
    "Braces {x} pipes | and brackets [y] stay put.",
    "中文论点：数据劳动既廉价又缺乏保护，而且「反抗」一直存在。",
]


def hostile_map() -> ArgMap:
    premises = "".join(
        f"    - id: P{i}\n      claim: {_yaml_string(claim)}\n      source: {{page: {i}}}\n"
        for i, claim in enumerate(HOSTILE, 1))
    text = textwrap.dedent("""\
        argmap: 1
        id: hostile
        title: "A <title> & a \\\\N"
        thesis:
          id: T
          claim: "Line one\\nline two"
          source: {page: 1}
          premises:
        """) + premises
    result = load_text(text, "hostile.yaml")
    assert result.map is not None, result.problems
    return result.map


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def statements(dot: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, dict[str, str]]]]:
    """Node and edge statements of DOT written by `to_dot`, with their attributes."""
    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    for line in dot.splitlines():
        match = _STATEMENT.match(line)
        if not match:
            continue
        attrs = {key: value for key, value in _ATTR.findall(match.group(3))}
        attrs = {key: value[1:-1] if value.startswith('"') else value
                 for key, value in attrs.items()}
        if match.group(2) is None:
            nodes[match.group(1)] = attrs
        else:
            edges.append((match.group(1), match.group(2), attrs))
    return nodes, edges


def label_rows(label: str) -> list[str]:
    """The text rows of an HTML-like label, with line breaks as newlines."""
    assert label.startswith("<") and label.endswith(">")
    body = label[1:-1].replace('<BR ALIGN="LEFT"/>', "\n")
    table = ET.fromstring(body)
    rows = ["".join(cell.itertext()) for cell in table.iter("TD")]
    # Graphviz reads `\\` as one backslash, even in HTML labels.
    return [row.replace("\\\\", "\\") for row in rows]


def claim_row(node: dict[str, str], claim: str) -> str:
    rows = label_rows(node["label"])
    wanted = _squeeze(claim)
    found = [row for row in rows if _squeeze(row) == wanted]
    assert found, f"{claim!r} not among {rows!r}"
    return found[0]


def _squeeze(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------- the DOT


def test_every_node_is_drawn_with_its_claim_exactly():
    amap = load(EVERY_KIND)
    nodes, _ = statements(to_dot(amap))
    for node in amap.walk():
        row = claim_row(nodes[node.id], node.claim)
        assert row.split() == node.claim.split()


def test_kinds_are_drawn_apart_and_the_thesis_stands_out():
    amap = load(EVERY_KIND)
    nodes, _ = statements(to_dot(amap))
    looks = {}
    for node in amap.walk():
        attrs = nodes[node.id]
        looks.setdefault(node.kind, set()).add(
            (attrs["shape"], attrs["style"], attrs.get("peripheries", "1"), attrs["fillcolor"]))
    assert all(len(found) == 1 for found in looks.values()), looks
    assert len({next(iter(found)) for found in looks.values()}) == len(Kind)
    assert float(nodes["T"]["penwidth"]) > max(
        float(nodes[n.id]["penwidth"]) for n in amap.walk() if n.kind is not Kind.THESIS)
    assert "<B>" in nodes["T"]["label"]


def test_ids_locators_and_held_by_are_shown_small():
    nodes, _ = statements(to_dot(load(EVERY_KIND)))
    rows = label_rows(nodes["O1"]["label"])
    assert rows[0] == "held by Kai-Fu Lee"
    assert rows[-1] == "O1 · § AI Superpower?, ¶1"
    assert 'POINT-SIZE="10.08"' in nodes["O1"]["label"]
    assert label_rows(nodes["P3"]["label"])[-1] == "P3 · p. 12"


def test_supports_and_attacks_differ_in_line_and_arrowhead():
    _, edges = statements(to_dot(load(EVERY_KIND)))
    by_pair = {(upper, lower): attrs for upper, lower, attrs in edges}
    support, attack = by_pair[("T", "P1")], by_pair[("T", "O1")]
    assert (support["style"], support["arrowtail"], support["dir"]) == ("solid", "normal", "back")
    assert (attack["style"], attack["arrowtail"], attack["dir"]) == ("dashed", "tee", "back")
    assert support["color"] != attack["color"]
    # O1.R1 attacks O2, drawn far from it: the arrow ends in a stub beside O1.R1.
    declared = by_pair[("O1.R1", "~ref O2")]
    assert (declared["style"], declared["arrowhead"]) == ("dashed", "tee")


def test_linked_premises_meet_at_one_junction():
    nodes, edges = statements(to_dot(load(EVERY_KIND)))
    junction = "~linked T 1"
    assert nodes[junction]["shape"] == "point"
    into = sorted(lower for upper, lower, attrs in edges
                  if upper == junction and attrs.get("dir") == "none")
    assert into == ["P2", "P3"]
    arrows = [attrs for upper, lower, attrs in edges if (upper, lower) == ("T", junction)]
    assert len(arrows) == 1 and arrows[0]["arrowtail"] == "normal"
    assert not any(lower in ("P2", "P3") and upper == "T" for upper, lower, _ in edges)


def test_objections_are_boxed_with_their_answers():
    dot = to_dot(load(EVERY_KIND))
    cluster = dot[dot.index('subgraph "cluster O1"'):]
    cluster = cluster[:cluster.index("\n  }")]
    for node_id in ("O1", "O1.P1", "O1.C1", "O1.R1"):
        assert f'\n    "{node_id}" [' in cluster
    assert '"O2"' not in cluster


def test_another_maps_node_is_a_small_dashed_reference():
    nodes, edges = statements(to_dot(load(EVERY_KIND)))
    external = nodes["~ref other:T"]
    assert "dashed" in external["style"]
    # The id, then the map it is in, smaller: no claim, which is not loaded.
    assert label_rows(external["label"]) == ["T in other"]
    assert ("P4", "~ref other:T") in {(upper, lower) for upper, lower, _ in edges}


def test_a_missing_local_reference_is_drawn_as_missing():
    text = ("argmap: 1\nid: m\ntitle: t\nthesis:\n  id: T\n  claim: c\n"
            "  premises:\n    - {id: P1, claim: p, attacks: [P9]}\n")
    result = load_text(text, "m.yaml")
    assert result.map is not None
    nodes, _ = statements(to_dot(result.map))
    assert "P9 (not in this map)" in nodes["~ref P9"]["label"]


def test_hostile_text_cannot_escape_its_label():
    amap = hostile_map()
    dot = to_dot(amap)
    nodes, edges = statements(dot)
    assert set(nodes) >= {"T", *(f"P{i}" for i in range(1, len(HOSTILE) + 1))}
    assert {lower for _, lower, _ in edges} == set(nodes) - {"T"}
    for node in amap.walk():
        assert _squeeze(claim_row(nodes[node.id], node.claim)) == _squeeze(node.claim)
    assert "evil" not in "".join(nodes) and "<b>" not in dot and "<!--" not in dot
    assert label_rows(nodes["T"]["label"])[0] == "Line one\nline two"


def test_same_map_same_dot():
    amap = load(BUNDLED / "qiu.yaml")
    assert to_dot(amap) == to_dot(load(BUNDLED / "qiu.yaml"))


def test_labels_colour_the_nodes_and_join_the_legend():
    amap = load(EVERY_KIND)
    theme = THEMES["light"]
    labels = {"T": Label.IN, "O1": Label.OUT, "O2": Label.UNDECIDED}
    nodes, _ = statements(to_dot(amap, DotOptions(), labels))
    assert nodes["T"]["fillcolor"] == theme.status[Label.IN]
    assert nodes["O1"]["fillcolor"] == theme.status[Label.OUT]
    assert nodes["O2"]["fillcolor"] == theme.status[Label.UNDECIDED]
    assert label_rows(nodes["O1"]["label"])[-1].endswith("DEFEATED")
    assert nodes["P1"]["fillcolor"] == theme.fills[Kind.PREMISE]
    for word, label in (("stands", Label.IN), ("defeated", Label.OUT),
                        ("undecided", Label.UNDECIDED)):
        assert nodes[f"~legend {word}"]["fillcolor"] == theme.status[label]


def test_legend_only_when_asked():
    amap = load(EVERY_KIND)
    assert "~legend" not in to_dot(amap)
    nodes, _ = statements(to_dot(amap, DotOptions(legend=True)))
    assert {f"~legend {kind.value}" for kind in Kind} <= set(nodes)
    assert "~legend stands" not in nodes


def test_the_legend_lists_only_what_is_drawn():
    amap = load(BUNDLED / "qiu.yaml")
    nodes, _ = statements(to_dot(amap, DotOptions(legend=True, focus="O2")))
    keys = {name.removeprefix("~legend ") for name in nodes if name.startswith("~legend ")
            and not name.endswith((" 1", " 2"))}
    # O2's answers support and attack nodes folded away: stubs, so the key shows one.
    assert keys == {"thesis", "premise", "objection", "counterexample", "supports", "attacks",
                    "external"}


def test_with_status_the_legend_shows_status_colours_not_kind_colours():
    from argmap.semantics import labels_for

    amap = load(EVERY_KIND)
    labels = labels_for(amap)
    theme = THEMES["light"]
    nodes, _ = statements(to_dot(amap, DotOptions(legend=True), labels))
    keys = {name: attrs for name, attrs in nodes.items() if name.startswith("~legend ")}
    fills = {attrs.get("fillcolor") for attrs in keys.values()} - {None}
    assert fills == {theme.background} | {theme.status[label] for label in labels.values()}
    assert ("~legend undecided" in keys) == (Label.UNDECIDED in labels.values())


def test_print_theme_is_greyscale():
    dot = to_dot(load(EVERY_KIND), DotOptions(theme="print", legend=True))
    colours = set(re.findall(r"#([0-9a-f]{6})", dot))
    assert colours
    assert all(c[0:2] == c[2:4] == c[4:6] for c in colours), colours


def test_dark_theme_paints_the_background():
    dot = to_dot(load(EVERY_KIND), DotOptions(theme="dark"))
    assert f'bgcolor="{THEMES["dark"].background}"' in dot


def test_direction_ratio_and_font_size_reach_graphviz():
    dot = to_dot(load(EVERY_KIND), DotOptions(direction="LR", ratio=16 / 9, font_size=20))
    assert 'rankdir="LR"' in dot
    # The shape is made by padding, not by stretching the layout (which pulls the
    # legend's rows and the objection boxes apart).
    assert 'size="40,22.5"' in dot and "ratio=" not in dot
    assert 'fontsize="20"' in dot


# ---------------------------------------------------------------- Graphviz


def svg_texts(svg: bytes) -> dict[str, str]:
    """Every node's drawn text, by node name, lines joined with spaces."""
    root = ET.fromstring(svg)
    texts = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        title = group.findtext(f"{SVG}title") or ""
        texts[title] = " ".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))
    return texts


def draw(dot: str, fmt: str) -> bytes:
    from argmap.renderers.graphviz_run import run_dot

    return run_dot(dot, fmt).data


@needs_dot
@pytest.mark.graphviz
@pytest.mark.parametrize("amap", [load(EVERY_KIND), hostile_map()], ids=["every_kind", "hostile"])
def test_svg_shows_every_claim_as_written(amap):
    texts = svg_texts(draw(to_dot(amap, DotOptions(legend=True)), "svg"))
    for node in amap.walk():
        drawn = texts[node.id].replace("\xa0", " ")
        assert _squeeze(node.claim) in _squeeze(drawn)
        if all(columns(word) <= 32 for word in node.claim.split()):
            assert " ".join(node.claim.split()) in " ".join(drawn.split())
    if amap.id == "every_kind":
        assert "held by Kai-Fu Lee" in texts["O1"]


@needs_dot
@pytest.mark.graphviz
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_graphviz_output_is_the_same_every_time(fmt):
    dot = to_dot(load(EVERY_KIND))
    first = draw(dot, fmt)
    if fmt == "pdf":
        time.sleep(1.1)  # past the second a PDF would otherwise record
    assert draw(dot, fmt) == first
    if fmt == "svg":
        assert b"<!-- Generated by graphviz" in first
        assert not re.search(rb"\d{4}-\d\d-\d\d|\d\d:\d\d:\d\d", first)


@needs_dot
@pytest.mark.graphviz
def test_latin_text_is_drawn_in_a_latin_font_with_the_cjk_font_after_it():
    """A CJK font first draws ’ “ ” — a full em wide; a Latin font first draws them narrow."""
    fonts = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    if "Noto Sans CJK SC" not in fonts or "Noto Sans\n" not in fonts + "\n":
        pytest.skip("Noto Sans and Noto Sans CJK are not both installed")
    families = FONT.split(",")
    assert families.index("Noto Sans") < families.index("Noto Sans CJK SC")
    run = subprocess.run(["dot", "-v", "-Tpng", "-o", "/dev/null"], capture_output=True,
                         text=True, input=to_dot(load(EVERY_KIND)))
    resolved = [line for line in run.stderr.splitlines() if "resolved to" in line]
    assert resolved and all('"Noto Sans, ' in line for line in resolved), resolved


@needs_dot
@pytest.mark.graphviz
@pytest.mark.parametrize("name", ["qiu", "arsene", "he_shen"])
def test_bundled_maps_are_folded_towards_a_slide(name: str, tmp_path: Path):
    plain = subprocess.run(["dot", "-Tplain"], input=to_dot(load(BUNDLED / f"{name}.yaml")),
                           capture_output=True, text=True, check=True).stdout
    _, _, width, height = plain.splitlines()[0].split()
    # Unfolded, these maps come out more than four times as wide as they are tall.
    assert 1.2 < float(width) / float(height) < 2.6


# ---------------------------------------------------------------- --depth and --focus


def drawn_ids(dot: str) -> set[str]:
    """The map's nodes in DOT from `to_dot`: no junctions, references or legend keys."""
    nodes, _ = statements(dot)
    return {name for name in nodes if not name.startswith("~")}


def more_row(node: dict[str, str]) -> str | None:
    rows = [row for row in label_rows(node["label"]) if row.endswith(" more")]
    return rows[0] if rows else None


def test_depth_folds_what_lies_deeper_and_says_how_much():
    nodes, edges = statements(to_dot(load(EVERY_KIND), DotOptions(depth=1)))
    shown = {name for name in nodes if not name.startswith("~")}
    assert shown == {"T", "P1", "P2", "P3", "P4", "O1", "O2"}
    # R1 attacks P1.1 from the top level, so it is folded away with P1.1.
    assert {name: more_row(nodes[name]) for name in sorted(shown)} == {
        "O1": "+3 more", "O2": "+1 more", "P1": "+3 more", "P2": None, "P3": None,
        "P4": "+2 more", "T": None}
    assert '<FONT POINT-SIZE="10.08" COLOR="#5f6368"><I>+3 more</I></FONT>' in nodes["P1"]["label"]
    ends = {name for upper, lower, _ in edges for name in (upper, lower)}
    assert ends <= set(nodes)
    assert "~ref P1.1" not in nodes and "~ref O2" not in nodes


def test_depth_zero_is_the_thesis_alone():
    nodes, edges = statements(to_dot(load(EVERY_KIND), DotOptions(depth=0)))
    assert {name for name in nodes if not name.startswith("~")} == {"T"}
    assert more_row(nodes["T"]) == "+15 more"
    assert edges == [] and "~ref other:T" not in nodes


def test_focus_draws_one_subtree_and_the_way_to_it():
    amap = load(EVERY_KIND)
    nodes, edges = statements(to_dot(amap, DotOptions(focus="O1")))
    assert drawn_ids(to_dot(amap, DotOptions(focus="O1"))) == {
        "T", "O1", "O1.P1", "O1.C1", "O1.R1"}
    pairs = {(upper, lower) for upper, lower, _ in edges}
    assert ("T", "O1") in pairs
    # O1.R1 attacks O2, which is folded away: a short arrow to a stub that says so.
    assert [name for name in nodes if "O2" in name] == ["~ref O2"]
    assert label_rows(nodes["~ref O2"]["label"]) == ["O2 folded away"]
    assert ("O1.R1", "~ref O2") in pairs
    assert all(more_row(node) is None for name, node in nodes.items() if name[0] != "~")


def test_focus_follows_a_free_standing_rebuttal_to_what_it_attacks():
    dot = to_dot(load(EVERY_KIND), DotOptions(focus="R1"))
    assert drawn_ids(dot) == {"T", "P1", "P1.1", "R1", "R1.R1"}


def test_focus_and_depth_together_count_from_the_focus():
    nodes, _ = statements(to_dot(load(EVERY_KIND), DotOptions(focus="P4", depth=1)))
    assert {name for name in nodes if name[0] != "~"} == {"T", "P4", "P4.C1"}
    assert more_row(nodes["P4.C1"]) == "+1 more"


def test_an_unknown_focus_suggests_the_id_meant():
    with pytest.raises(ArgmapError) as caught:
        to_dot(load(EVERY_KIND), DotOptions(focus="o1"))
    assert caught.value.message == "no node `o1` in map `every_kind`"
    assert caught.value.hint is not None and "Did you mean O1?" in caught.value.hint


def test_rebuttals_that_attack_each_other_are_both_drawn():
    text = ("argmap: 1\nid: m\ntitle: t\nthesis: {id: T, claim: c}\n"
            "rebuttals:\n  - {id: R1, claim: one, attacks: [R2]}\n"
            "  - {id: R2, claim: two, attacks: [R1]}\n")
    result = load_text(text, "m.yaml")
    assert result.map is not None
    nodes, edges = statements(to_dot(result.map))
    assert {"T", "R1", "R2"} <= set(nodes)
    # An arrow drawn upwards (dir=back) attacks its upper end.
    attacks = {(lower, upper) if attrs.get("dir") == "back" else (upper, lower)
               for upper, lower, attrs in edges if attrs.get("style") == "dashed"}
    assert attacks == {("R1", "R2"), ("R2", "R1")}


@needs_dot
@pytest.mark.graphviz
def test_one_level_of_a_bundled_map_is_readable_on_a_1920_pixel_slide():
    def claim_pixels(options: DotOptions) -> float:
        plain = subprocess.run(["dot", "-Tplain"], input=to_dot(load(BUNDLED / "qiu.yaml"),
                                                                 options),
                               capture_output=True, text=True, check=True).stdout
        scale, width = (float(v) for v in plain.splitlines()[0].split()[1:3])
        return options.font_size / 72 * scale * 1920 / width

    assert claim_pixels(DotOptions(ratio=16 / 9, depth=1)) >= 12
    assert claim_pixels(DotOptions(ratio=16 / 9, focus="O2")) >= 12
    assert claim_pixels(DotOptions(ratio=16 / 9)) < 6  # why --depth and --focus exist


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")
def test_empty_title_and_claims_still_draw():
    # An empty claim is a lint error (AM303), but drawing it must not make Graphviz fail.
    text = 'argmap: 1\nid: e\ntitle: " "\nthesis:\n  id: T\n  claim: ""\n  premises:\n' \
           '    - {id: P1, claim: "   "}\n'
    amap = load_text(text, "e.yaml").map
    assert amap is not None
    source = to_dot(amap, DotOptions())
    assert "<B></B>" not in source
    done = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------- maps lint rejects


DUPLICATE_PARENT = """\
argmap: 1
id: dup
title: t
thesis:
  id: T
  claim: c
  premises:
    - {id: P1, claim: first}
    - id: P1
      claim: second
      premises:
        - linked:
            - {id: A, claim: a}
            - {id: B, claim: b}
"""


def test_a_linked_group_under_a_duplicated_id_still_meets_at_one_junction():
    amap = load_text(DUPLICATE_PARENT, "dup.yaml").map
    assert amap is not None
    nodes, edges = statements(to_dot(amap))
    junctions = [name for name in nodes if name.startswith("~linked")]
    assert junctions == ["~linked P1 1"]
    pairs = {(upper, lower) for upper, lower, _ in edges}
    assert {("P1", "~linked P1 1"), ("~linked P1 1", "A"), ("~linked P1 1", "B")} <= pairs


@needs_dot
@pytest.mark.graphviz
def test_ids_and_references_longer_than_graphviz_takes_still_draw():
    from argmap.renderers.graphviz_run import run_dot

    long_id, dangling = "P" + "x" * 17_000, "Q" + "q" * 17_000
    text = (f"argmap: 1\nid: m{'a' * 17_000}\ntitle: t\nthesis:\n  id: T\n  claim: c\n"
            f"  premises:\n    - id: {long_id}\n      claim: the long one\n"
            f"      supports: [{dangling}]\n      attacks: [other:{dangling}]\n")
    amap = load_text(text, "m.yaml").map
    assert amap is not None
    svg = run_dot(to_dot(amap, DotOptions(legend=True)), "svg").data
    drawn = "".join(svg_texts(svg).values()).replace(" ", "")
    assert "the long one" in "".join(svg_texts(svg).values())
    assert long_id in drawn and f"{dangling}(notinthismap)" in drawn
