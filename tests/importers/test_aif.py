"""AIF import: what real AIFdb files hold is read or reported, never a crash."""

from __future__ import annotations

import json

import pytest

from argmap.importers import import_text
from argmap.problem import ArgmapError
from tests.conftest import FIXTURES
from tests.importers.common import claims, imported, relations

NODESET = (FIXTURES / "interop" / "nodeset.json").read_text(encoding="utf-8")


def rel(sources, target, relation="supports"):
    return (frozenset([sources] if isinstance(sources, str) else sources), target, relation)


def by_text(amap):
    return {text: node_id for node_id, text in claims(amap).items()}


def test_claims_are_the_i_nodes():
    amap, _, _ = imported(NODESET, "aif", "nodeset")
    assert sorted(claims(amap).values()) == sorted([
        "Cities should build trams.", "Trams are quick.", "Trams are clean.",
        "Clean transport is a public good.", "Trams are expensive.",
        "That cost objection ignores running costs.", "Speed does not matter to voters.",
        "Trams are fast.", "An aside nobody answers.", "(no text)",
        "A second node with the id 2.", "A node without an id",
    ][:11])
    assert amap.thesis.claim == "Cities should build trams."


def test_inferences_conflicts_and_undercuts():
    amap, _, _ = imported(NODESET, "aif", "nodeset")
    ids = by_text(amap)
    found = relations(amap)
    assert rel(ids["Trams are quick."], "T") in found
    assert rel({ids["Trams are clean."], ids["Clean transport is a public good."]}, "T") in found
    assert rel(ids["Trams are expensive."], "T", "attacks") in found
    assert rel(ids["(no text)"], ids["Trams are clean."]) in found
    # The undercut of the inference quick → build attacks that inference, not the thesis.
    speed = amap.index()[ids["Speed does not matter to voters."]]
    assert [str(link) for link in speed.undercuts] == [f"{ids['Trams are quick.']} -> T"]
    assert rel(ids["Speed does not matter to voters."], "T", "attacks") not in found
    # A conflict aimed at a conflict undercuts that attack.
    answer = amap.index()[ids["That cost objection ignores running costs."]]
    assert [str(link) for link in answer.undercuts] == [f"{ids['Trams are expensive.']} -> T"]
    assert answer.parent == ids["Trams are expensive."] and answer.nested_undercut


def test_what_cannot_be_carried_is_reported():
    _, text, messages = imported(NODESET, "aif", "nodeset")
    for expected in ("1 rephrase node (MA)", "1 preference node (PA)",
                     "4 dialogue nodes (L, YA, TA)", "2 locutions",
                     "1 edge from a node to itself", "1 node of unknown type `XX`",
                     "1 edge to or from a node that is not in the file",
                     "RA node `33` has no conclusion"):
        assert any(expected in message for message in messages), expected
        assert expected in " ".join(text.replace("#", " ").split())


def test_nodes_with_no_relation_are_kept_with_a_comment():
    amap, text, _ = imported(NODESET, "aif", "nodeset")
    ids = by_text(amap)
    aside = amap.index()[ids["An aside nobody answers."]]
    assert aside.parent == "T" and aside.kind.value == "premise"
    assert "# This I-node repeats the nodeID `2` of an earlier node" in text
    assert "A second node with the id 2." in claims(amap).values()


def test_argmap_ids_and_thesis_come_back():
    document = {"nodes": [{"nodeID": "A.1", "text": "a", "type": "I"},
                          {"nodeID": "B", "text": "b", "type": "I"},
                          {"nodeID": "C", "text": "c", "type": "I"},
                          {"nodeID": "ra:1", "text": "Default Inference", "type": "RA"},
                          {"nodeID": "ca:1", "text": "Default Conflict", "type": "CA"}],
                "edges": [{"edgeID": "e:1", "fromID": "A.1", "toID": "ra:1"},
                          {"edgeID": "e:2", "fromID": "ra:1", "toID": "B"},
                          {"edgeID": "e:3", "fromID": "B", "toID": "ca:1"},
                          {"edgeID": "e:4", "fromID": "ca:1", "toID": "C"}],
                "locutions": [], "argmap": {"id": "m", "title": "M", "thesis": "B"}}
    amap, _, _ = imported(json.dumps(document), "aif")
    assert (amap.id, amap.title, amap.thesis.id) == ("m", "M", "B")
    assert relations(amap) >= {rel("A.1", "B"), rel("B", "C", "attacks")}


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "no `nodes` list"),
    ('{"nodes": "x"}', "no `nodes` list"),
    ('{"nodes": [{"nodeID": 1, "type": "RA", "text": ""}], "edges": []}', "no claims found"),
])
def test_bad_input_is_a_clear_error_with_exit_1(text, message):
    with pytest.raises(ArgmapError) as caught:
        import_text(text, "bad.json", "aif")
    assert message in caught.value.message
    assert caught.value.exit_code == 1


def test_garbage_inside_lists_is_skipped():
    document = {"nodes": [None, 3, "x", {"nodeID": True, "type": "I"},
                          {"nodeID": 1, "type": "I", "text": ["not", "text"]},
                          {"nodeID": 2, "type": "I", "text": "Claim two."}],
                "edges": [None, {"fromID": [1], "toID": 2}], "locutions": "none"}
    amap, _, messages = imported(json.dumps(document), "aif")
    assert sorted(claims(amap).values()) == ["(no text)", "Claim two."]
    assert any("4 nodes without a nodeID and a type" in m for m in messages)


def chain(length: int, scheme: str = "RA") -> str:
    nodes = [{"nodeID": str(i), "text": f"Claim {i}.", "type": "I"} for i in range(length)]
    edges = []
    for i in range(1, length):
        nodes.append({"nodeID": f"s{i}", "text": "", "type": scheme})
        edges += [{"edgeID": f"a{i}", "fromID": str(i), "toID": f"s{i}"},
                  {"edgeID": f"b{i}", "fromID": f"s{i}", "toID": str(i - 1)}]
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


@pytest.mark.parametrize("scheme", ["RA", "CA"])
def test_a_chain_deeper_than_a_map_may_nest_starts_again_at_the_top(scheme):
    amap, text, _ = imported(chain(150, scheme), "aif")
    ids = by_text(amap)
    relation = "supports" if scheme == "RA" else "attacks"
    expected = {rel(ids[f"Claim {i}."], ids[f"Claim {i - 1}."], relation) for i in range(1, 150)}
    assert expected <= relations(amap)
    assert max(_depth(node, amap) for node in amap.walk()) <= 60
    assert "sits 60 levels deep: it starts again at the top of the map" in " ".join(
        line.strip("# ") for line in text.splitlines())


def _depth(node, amap):
    index, depth = amap.index(), 1
    while node.parent is not None:
        node, depth = index[node.parent], depth + 1
    return depth


def test_json_nested_beyond_reason_is_refused():
    with pytest.raises(ArgmapError) as caught:
        import_text("[" * 100_000 + "]" * 100_000, "deep.json", "aif")
    assert caught.value.exit_code == 1 and "nested too deeply" in caught.value.message


def test_undercuts_come_back_from_argmaps_own_aif():
    from argmap.exporters import exporter
    from argmap.loader import load

    original = load(FIXTURES / "valid" / "undercuts.yaml")
    amap, _, _ = imported(exporter("aif")(original).text, "aif", "undercuts")
    undercuts = {node.id: [str(link) for link in node.undercuts]
                 for node in amap.walk() if node.undercuts}
    assert undercuts == {"P4.C1.R1": ["P4.C1 -> P4"], "O1.P5.R1": ["O1.P5 -> O1"],
                         "O1.R1.R1": ["O1.R1 -> O1"], "O1.R1.R1.R1": ["O1.R1.R1 -> O1.R1"]}
    assert all(amap.index()[key].nested_undercut for key in undercuts)
