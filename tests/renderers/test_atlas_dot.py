"""The atlas drawing: a box per map, the links between maps in their own styles.

Three small maps written for these tests link to each other in every way (support,
attack, `same_as` in a group of three and a pair, references to a missing node and to
a map not read); the DOT is parsed back and compared with the atlas.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from argmap import atlas
from argmap.loader import load, load_text
from argmap.model import ArgMap, Label
from argmap.renderers.atlas_dot import atlas_dot, linked_nodes, placed
from argmap.renderers.dot_style import THEMES, DotOptions
from argmap.semantics import evaluate
from tests.conftest import BUNDLED
from tests.renderers.test_dot import SVG, label_rows, statements

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
THEME = THEMES["light"]

A = """\
argmap: 1
id: a
title: "Map <A> & a \\\\N"
source: {author: [Ann Author, Bo Writer], year: 2020}
thesis:
  id: T
  claim: A's thesis.
  source: {para: 1}
  premises:
    - id: P1
      claim: A reason whose own reason is made in b too, in other words, at some length.
      source: {para: 2}
      premises:
        - {id: P1.1, claim: A deeper reason., source: {para: 3}, same_as: [b:P2]}
    - {id: P2, claim: A reason with no link., source: {para: 4}}
objections:
  - id: O1
    claim: The shared opponent.
    held_by: Someone
    source: {para: 5}
    same_as: [b:O1, c:O1]
    counterexamples:
      - {id: O1.C1, claim: A's answer., source: {para: 6}, supports: [b:T]}
  - {id: O2, claim: An objection only b answers., source: {para: 7}}
"""
B = """\
argmap: 1
id: b
title: Map B
source: {author: Bea}
thesis:
  id: T
  claim: B's thesis.
  source: {para: 1}
  attacks: [a:O2, a:O9, z:T]
  premises:
    - {id: P1, claim: A reason of b's., source: {para: 2}}
    - {id: P2, claim: B's version of the deeper reason., source: {para: 3}}
objections:
  - id: O1
    claim: The shared opponent in b's words.
    source: {para: 4}
    same_as: [a:O1]
    counterexamples: [{id: O1.C1, claim: B answers it., source: {para: 5}}]
"""
C = """\
argmap: 1
id: c
title: Map C
thesis: {id: T, claim: C's thesis., source: {para: 1}}
objections:
  - id: O1
    claim: C's version of the opponent.
    source: {para: 2}
    counterexamples: [{id: O1.C1, claim: C answers it., source: {para: 3}}]
"""


def maps() -> list[ArgMap]:
    loaded = [load_text(text, f"{name}.yaml") for name, text in (("a", A), ("b", B), ("c", C))]
    assert all(result.map is not None for result in loaded), [r.problems for r in loaded]
    return [result.map for result in loaded if result.map is not None]


def boxes(dot: str) -> dict[str, str]:
    """The text of each map's box, by map id."""
    found = {}
    for chunk in dot.split('\n  subgraph "cluster ~map ')[1:]:
        map_id, _, rest = chunk.partition('"')
        found[map_id] = rest[:rest.index("\n  }")]
    return found


def box_nodes(dot: str) -> dict[str, set[str]]:
    """The map nodes in each box, by map id (no junctions or references)."""
    return {map_id: {name for name in statements(text)[0] if not name.startswith("~")}
            for map_id, text in boxes(dot).items()}


def arrows(dot: str) -> dict[tuple[str, str], dict[str, str]]:
    """Edges by (from, to) as a reader sees them: an edge drawn `dir=back` points upwards."""
    found = {}
    for upper, lower, attrs in statements(dot)[1]:
        key = (lower, upper) if attrs.get("dir") == "back" else (upper, lower)
        found[key] = attrs
    return found


def between_maps(dot: str) -> dict[tuple[str, str], dict[str, str]]:
    return {(tail, head): attrs for (tail, head), attrs in arrows(dot).items()
            if tail.split(":")[0] != head.split(":")[0] and "~" not in tail + head}


def test_one_box_per_map_titled_with_its_title_and_authors():
    dot = atlas_dot(atlas.build(maps()))
    found = boxes(dot)
    assert sorted(found) == ["a", "b", "c"]
    titles = {}
    for map_id, text in found.items():
        label = text.split("graph [label=", 1)[1].split(", labelloc=")[0]
        titles[map_id] = label_rows(label)
    assert titles == {"a": ["Map <A> & a \\N", "Ann Author and Bo Writer (2020)"],
                      "b": ["Map B", "Bea"], "c": ["Map C"]}
    nodes = box_nodes(dot)
    for amap in maps():
        assert nodes[amap.id] == {f"{amap.id}:{node.id}" for node in amap.walk()}


def test_supports_and_attacks_between_maps_keep_their_own_look():
    crossing = between_maps(atlas_dot(atlas.build(maps())))
    support = crossing[("a:O1.C1", "b:T")]
    attack = crossing[("b:T", "a:O2")]
    assert (support["style"], support["color"], support["xlabel"]) == (
        "solid", THEME.support, "supports")
    assert (attack["style"], attack["color"], attack["xlabel"]) == (
        "dashed", THEME.attack, "attacks")
    assert {support.get("arrowhead") or support["arrowtail"],
            attack.get("arrowhead") or attack["arrowtail"]} == {"normal", "tee"}
    # Heavier than a map's own arrows, and free to route without moving either map.
    for attrs in (support, attack):
        assert float(attrs["penwidth"]) > 2 and attrs["weight"] == "0" and attrs["minlen"] == "0"


def test_versions_of_one_claim_are_joined_by_double_lines_marked_same_as():
    result = atlas.build(maps())
    crossing = between_maps(atlas_dot(result))
    same = {pair for pair, attrs in crossing.items() if attrs.get("xlabel") == "same as"}
    for pair in same:
        attrs = crossing[pair]
        assert attrs["dir"] == "none" and attrs["color"].count(":") == 2
    # Chained, one line fewer than the versions: the groups are exactly the atlas's.
    groups = {frozenset(group) for group in result.shared}
    assert groups == {frozenset({"a:O1", "b:O1", "c:O1"}), frozenset({"a:P1.1", "b:P2"})}
    assert len(same) == sum(len(group) - 1 for group in groups)
    assert {frozenset(component) for component in _components(same)} == groups
    assert set(crossing) - same == {("a:O1.C1", "b:T"), ("b:T", "a:O2")}


def _components(pairs: set[tuple[str, str]]) -> list[set[str]]:
    components: list[set[str]] = []
    for left, right in pairs:
        touching = [c for c in components if left in c or right in c]
        merged = {left, right}.union(*touching)
        components = [c for c in components if c not in touching] + [merged]
    return components


def test_a_link_to_a_node_that_is_not_there_ends_in_a_dashed_box():
    dot = atlas_dot(atlas.build(maps()))
    nodes, _ = statements(dot)
    for name, words in (("~ref a:O9", "a:O9 (no such node)"), ("~ref z:T", "z:T")):
        assert "dashed" in nodes[name]["style"]
        assert "".join(ET.fromstring(nodes[name]["label"][1:-1]).itertext()) == words
    assert ("b:T", "~ref a:O9") in arrows(dot) and ("b:T", "~ref z:T") in arrows(dot)
    # Inside a box, a reference into another map read is drawn only once, across.
    for text in boxes(dot).values():
        assert "~ref" not in text


def test_collapse_keeps_the_linked_nodes_the_way_to_them_and_the_theses():
    result = atlas.build(maps())
    dot = atlas_dot(result, collapsed=True)
    assert box_nodes(dot) == {
        "a": {"a:T", "a:P1", "a:P1.1", "a:O1", "a:O1.C1", "a:O2"},
        "b": {"b:T", "b:P2", "b:O1"},
        "c": {"c:T", "c:O1"},
    }
    assert linked_nodes(result)["a"] == {"P1.1", "O1", "O1.C1", "O2"}
    nodes, _ = statements(dot)
    # P1 only leads to a linked node: drawn compact, without its locator.
    rows = label_rows(nodes["a:P1"]["label"])
    assert rows[-1] == "P1" and rows[0].endswith("…") and len(rows[0].split("\n")) == 2
    assert label_rows(nodes["a:P1.1"]["label"])[-1] == "P1.1 · ¶3"
    assert between_maps(dot) == between_maps(atlas_dot(result))


def test_collapsed_bundled_atlas_holds_exactly_the_linked_nodes_and_their_paths():
    bundled = [load(BUNDLED / f"{name}.yaml") for name in ("arsene", "he_shen", "qiu")]
    result = atlas.build(bundled)
    shown = box_nodes(atlas_dot(result, collapsed=True))
    linked = linked_nodes(result)
    for amap in bundled:
        index = amap.index()
        expected = {amap.thesis.id}
        for node_id in linked[amap.id]:
            while node_id is not None:
                expected.add(node_id)
                node = index[node_id]
                node_id = node.parent or (amap.thesis.id if node.parent is None
                                          and node_id != amap.thesis.id else None)
        assert shown[amap.id] == {f"{amap.id}:{node_id}" for node_id in expected}
        assert len(shown[amap.id]) < 12  # a slide, not a poster


def test_maps_linked_most_stand_next_to_each_other():
    result = atlas.build(maps())
    # a is linked to both b and c; b and c only to a.
    assert placed(result) == ("b", "a", "c")
    dot = atlas_dot(result)
    assert list(boxes(dot)) == ["b", "a", "c"]
    order = [lower for upper, lower, _ in statements(dot)[1] if upper == "~atlas top"]
    assert order == ["b:T", "a:T", "c:T"]


def test_labels_colour_every_map_and_add_the_key():
    group = maps()
    evaluation = evaluate(group)
    labels = {amap.id: {node.id: evaluation.labels[f"{amap.id}:{node.id}"]
                        for node in amap.walk()} for amap in group}
    dot = atlas_dot(atlas.build(group), labels=labels)
    nodes, _ = statements(dot)
    assert nodes["b:T"]["fillcolor"] == THEME.status[Label.IN]
    assert nodes["a:O2"]["fillcolor"] == THEME.status[Label.OUT]  # attacked from b
    assert nodes["a:T"]["fillcolor"] == THEME.status[Label.IN]
    assert {"~legend stands", "~legend defeated", "~legend same as"} <= set(nodes)


def test_the_same_maps_give_the_same_dot():
    first = atlas_dot(atlas.build(maps()), collapsed=True)
    assert atlas_dot(atlas.build(maps()), collapsed=True) == first
    assert "Map &lt;A&gt; &amp; a \\\\N" in first


@needs_dot
@pytest.mark.graphviz
def test_the_collapsed_bundled_atlas_svg_shows_every_title_and_linked_claim():
    from argmap.renderers.graphviz_run import run_dot

    bundled = [load(BUNDLED / f"{name}.yaml") for name in ("arsene", "he_shen", "qiu")]
    result = atlas.build(bundled)
    drawing = run_dot(atlas_dot(result, DotOptions(legend=True), collapsed=True), "svg")
    assert drawing.warnings == ()
    root = ET.fromstring(drawing.data)
    texts: dict[str, str] = {}
    for group in root.iter(f"{SVG}g"):
        title = group.findtext(f"{SVG}title") or ""
        texts[title] = " ".join(" ".join(t.itertext()) for t in group.iter(f"{SVG}text"))
    for amap in bundled:
        heading = " ".join(texts[f"cluster ~map {amap.id}"].split())
        assert " ".join(amap.title.split()[:4]) in heading
        assert amap.source.author[0] in heading
        for node_id in linked_nodes(result)[amap.id]:
            claim = amap.index()[node_id].claim
            drawn = " ".join(texts[f"{amap.id}:{node_id}"].replace("\xa0", " ").split())
            assert " ".join(claim.split()) in drawn
    same = [group for group in root.iter(f"{SVG}g") if group.get("class") == "edge"
            and [t.text for t in group.iter(f"{SVG}text")] == ["same as"]]
    assert len(same) == sum(len(group) - 1 for group in result.shared)


def test_a_map_with_a_duplicated_parent_id_takes_its_place_in_the_atlas():
    from tests.renderers.test_dot import DUPLICATE_PARENT

    amap = load_text(DUPLICATE_PARENT, "dup.yaml").map
    assert amap is not None
    dot = atlas_dot(atlas.build([amap, *maps()]))
    assert box_nodes(dot)["dup"] == {"dup:T", "dup:P1", "dup:A", "dup:B"}
    assert ("dup:P1", "~linked dup:P1 1") in arrows(dot) or (
        "~linked dup:P1 1", "dup:P1") in arrows(dot)
