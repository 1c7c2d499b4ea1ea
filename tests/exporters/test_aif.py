"""AIF export: valid AIFdb structure, read back the same by arguebuf."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from argmap.exporters import exporter
from argmap.loader import load
from tests.conftest import BUNDLED, FIXTURES

EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"
MAPS = [EVERY_KIND, *sorted(BUNDLED.glob("*.yaml"))]


def aif(path):
    result = exporter("aif")(load(path))
    return json.loads(result.text), result.notes


def claims_and_relations(document):
    """(claims by id, supports as (premises, conclusion), attacks as (attacker, target))."""
    types = {node["nodeID"]: node["type"] for node in document["nodes"]}
    into: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for edge in document["edges"]:
        out.setdefault(edge["fromID"], []).append(edge["toID"])
        into.setdefault(edge["toID"], []).append(edge["fromID"])
    claims = {n["nodeID"]: n["text"] for n in document["nodes"] if n["type"] == "I"}

    def atoms(keys):  # the claims among a scheme's sources (not the undercuts aimed at it)
        return [key for key in keys if types[key] == "I"]

    supports = Counter((frozenset(atoms(into[s])), out[s][0]) for s, t in types.items()
                       if t == "RA")
    attacks = Counter((atoms(into[s])[0], out[s][0]) for s, t in types.items()
                      if t == "CA" and types[out[s][0]] == "I")  # undercuts: their own test
    return claims, supports, attacks


def expected(path):
    amap = load(path)
    claims = {node.id: node.claim for node in amap.walk()}
    groups: dict[tuple[str, int], set[str]] = {}
    supports: Counter[tuple[frozenset[str], str]] = Counter()
    attacks: Counter[tuple[str, str]] = Counter()
    nodes = amap.index()
    for edge in amap.edges():
        if edge.target.map not in (None, amap.id):
            continue
        undercut = {link.source.id for link in nodes[edge.source].undercuts}
        if not edge.declared and edge.target.id in undercut:
            continue  # nested under the node whose link it undercuts: no attack on the node
        if edge.relation.value == "attacks":
            attacks[(edge.source, edge.target.id)] += 1
        elif edge.group is None:
            supports[(frozenset([edge.source]), edge.target.id)] += 1
        else:
            groups.setdefault((edge.target.id, edge.group), set()).add(edge.source)
    for (target, _), members in groups.items():
        supports[(frozenset(members), target)] += 1
    return claims, supports, attacks


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_structure_is_valid_aif(path):
    document, _ = aif(path)
    types = {node["nodeID"]: node["type"] for node in document["nodes"]}
    assert len(types) == len(document["nodes"]), "node ids are unique"
    assert all(isinstance(key, str) for key in types)
    assert document["locutions"] == []
    out = Counter(edge["fromID"] for edge in document["edges"])
    into = Counter(edge["toID"] for edge in document["edges"])
    for edge in document["edges"]:
        assert isinstance(edge["edgeID"], str)
        assert {types[edge["fromID"]], types[edge["toID"]]} != {"I"}, "no I-to-I edge"
        if "I" not in {types[edge["fromID"]], types[edge["toID"]]}:
            # The one scheme-to-scheme edge: an undercut, a conflict on an inference.
            assert (types[edge["fromID"]], types[edge["toID"]]) in (("CA", "RA"), ("CA", "CA"))
    for key, kind in types.items():
        if kind == "RA":
            assert out[key] == 1 and into[key] >= 1, f"{key}: one conclusion, premises"
        if kind == "CA":
            assert out[key] == 1 and into[key] >= 1, f"{key}: an attacker, one target"


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_claim_and_relation_is_exported(path):
    document, _ = aif(path)
    assert claims_and_relations(document) == expected(path)


def test_linked_premises_share_one_inference():
    document, _ = aif(EVERY_KIND)
    _, supports, _ = claims_and_relations(document)
    assert supports[(frozenset({"P2", "P3"}), "T")] == 1
    assert supports[(frozenset({"P2"}), "T")] == 0


def test_no_attack_targets_an_inference():
    document, _ = aif(EVERY_KIND)
    types = {node["nodeID"]: node["type"] for node in document["nodes"]}
    ca_targets = {types[e["toID"]] for e in document["edges"] if types[e["fromID"]] == "CA"}
    assert ca_targets == {"I"}


def test_text_is_kept_exactly_and_the_thesis_named():
    document, _ = aif(EVERY_KIND)
    claims = {n["nodeID"]: n["text"] for n in document["nodes"] if n["type"] == "I"}
    assert claims["P3"] == "Line one of a claim\nline two of the same claim."
    assert claims["T"].endswith("[bold] <b>not markup</b>.")
    assert document["argmap"] == {"version": 1, "id": "every_kind",
                                  "title": load(EVERY_KIND).title, "thesis": "T"}


def test_what_aif_cannot_carry_is_noted():
    _, notes = aif(EVERY_KIND)
    assert any("`P4` supports `other:T` in another map" in note for note in notes)
    assert any("locators" in note and "`held_by`" in note for note in notes)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_arguebuf_reads_the_same_claims_and_relations(path, tmp_path):
    arguebuf = pytest.importorskip("arguebuf")
    from arguebuf.model.scheme import Attack, Support

    target = tmp_path / f"{path.stem}.json"
    target.write_text(exporter("aif")(load(path)).text, encoding="utf-8")
    graph = arguebuf.load.file(target)
    claims = {key: node.plain_text for key, node in graph.atom_nodes.items()}
    supports: Counter[tuple[frozenset[str], str]] = Counter()
    attacks: Counter[tuple[str, str]] = Counter()
    for scheme in graph.scheme_nodes.values():
        sources = frozenset(n.id for n in graph.incoming_nodes(scheme) if n.id in claims)
        (conclusion,) = (n.id for n in graph.outgoing_nodes(scheme))
        if conclusion not in claims:
            continue  # an undercut, aimed at a scheme node: tested below
        if isinstance(scheme.scheme, Support):
            supports[(sources, conclusion)] += 1
        else:
            assert isinstance(scheme.scheme, Attack)
            (attacker,) = sources
            attacks[(attacker, conclusion)] += 1
    assert (claims, supports, attacks) == expected(path)


UNDERCUTS = FIXTURES / "valid" / "undercuts.yaml"


def scheme_links(document):
    """Each scheme node: (its type, what comes into it, what it goes to)."""
    types = {node["nodeID"]: node["type"] for node in document["nodes"]}
    return {key: (kind, sorted(e["fromID"] for e in document["edges"] if e["toID"] == key),
                  [e["toID"] for e in document["edges"] if e["fromID"] == key])
            for key, kind in types.items() if kind != "I"}


def test_an_undercut_is_a_conflict_on_the_inference_it_attacks():
    document, notes = aif(UNDERCUTS)
    assert scheme_links(document) == {
        "ra:1": ("RA", ["P1"], ["T"]),
        "ra:2": ("RA", ["P4"], ["T"]),
        "ra:3": ("RA", ["O1.P5", "ca:5"], ["O1"]),
        "ca:1": ("CA", ["P4.C1", "ca:4"], ["P4"]),
        "ca:2": ("CA", ["O1"], ["T"]),
        "ca:3": ("CA", ["O1.R1", "ca:6"], ["O1"]),
        "ca:4": ("CA", ["P4.C1.R1"], ["ca:1"]),   # undercuts P4.C1's attack on P4
        "ca:5": ("CA", ["O1.P5.R1"], ["ra:3"]),   # undercuts O1.P5's support for O1
        "ca:6": ("CA", ["O1.R1.R1", "ca:7"], ["ca:3"]),
        "ca:7": ("CA", ["O1.R1.R1.R1"], ["ca:6"]),  # undercuts the undercut
    }
    assert "`X2` undercuts `X1 -> other:T`, a link not in this AIF document (see above): " \
        "left out" in notes


def test_arguebuf_reads_undercuts_as_attacks_on_scheme_nodes(tmp_path):
    arguebuf = pytest.importorskip("arguebuf")
    from arguebuf.model.scheme import Attack

    target = tmp_path / "undercuts.json"
    target.write_text(exporter("aif")(load(UNDERCUTS)).text, encoding="utf-8")
    graph = arguebuf.load.file(target)
    undercuts = {(tuple(n.id for n in graph.incoming_nodes(s) if n.id in graph.atom_nodes),
                  next(iter(graph.outgoing_nodes(s))).id)
                 for s in graph.scheme_nodes.values() if isinstance(s.scheme, Attack)
                 and next(iter(graph.outgoing_nodes(s))).id in graph.scheme_nodes}
    assert undercuts == {(("P4.C1.R1",), "ca:1"), (("O1.P5.R1",), "ra:3"),
                         (("O1.R1.R1",), "ca:3"), (("O1.R1.R1.R1",), "ca:6")}
