"""JSON export: the documented shape, validated against its published JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from argmap.exporters import exporter
from argmap.loader import load
from tests.conftest import BUNDLED, FIXTURES, ROOT

SCHEMA = json.loads((ROOT / "schema" / "argmap-export-1.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
EVERY_KIND = FIXTURES / "valid" / "every_kind.yaml"
MAPS = [*sorted((FIXTURES / "valid").glob("*.yaml")), *sorted(BUNDLED.glob("*.yaml"))]


def export(path):
    return json.loads(exporter("json")(load(path)).text)


def test_schema_is_a_valid_draft7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_export_matches_the_schema(path):
    assert list(VALIDATOR.iter_errors(export(path))) == []


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_node_and_edge_is_there(path):
    document = export(path)
    amap = load(path)
    assert [n["id"] for n in document["nodes"]] == [n.id for n in amap.walk()]
    assert len(document["edges"]) == len(list(amap.edges()))


def test_every_kind_in_detail():
    document = export(EVERY_KIND)
    assert document["format"] == "argmap-export" and document["version"] == 1
    assert document["thesis"] == "T"
    assert document["map"]["source"]["author"] == ["Ada Example", "李 明"]
    nodes = {n["id"]: n for n in document["nodes"]}
    assert nodes["P3"]["claim"] == "Line one of a claim\nline two of the same claim."
    assert nodes["P3"]["group"] == 1 and nodes["P3"]["parent"] == "T"
    assert nodes["P3"]["source"] == {"section": None, "para": None, "page": "12",
                                     "footnote": None}
    assert nodes["O1"]["held_by"] == "Kai-Fu Lee" and nodes["O1"]["expect"] == "out"
    assert nodes["P1"]["tags"] == ["labour", "数据"]
    assert {"source": "P4", "target": "other:T", "relation": "supports", "declared": True,
            "group": None} in document["edges"]
    assert {"source": "P3", "target": "T", "relation": "supports", "declared": False,
            "group": 1} in document["edges"]


def test_output_is_stable():
    assert exporter("json")(load(EVERY_KIND)).text == exporter("json")(load(EVERY_KIND)).text


def test_schema_rejects_a_wrong_kind():
    document = export(EVERY_KIND)
    document["nodes"][0]["kind"] = "claim"
    assert list(VALIDATOR.iter_errors(document))


def test_undercuts_and_concessions_are_carried():
    document = json.loads(exporter("json")(load(FIXTURES / "valid" / "undercuts.yaml")).text)
    assert VALIDATOR.is_valid(document)
    nodes = {node["id"]: node for node in document["nodes"]}
    assert (nodes["P4.C1"]["granted"], nodes["P4.C1.R1"]["undercuts"]) == (True, ["P4.C1"])
    assert document["undercuts"][0] == {
        "source": "P4.C1.R1", "link": "P4.C1",
        "of": {"source": "P4.C1", "target": "P4", "relation": "attacks"}}
    assert document["undercuts"][3]["of"] == {
        "source": "O1.R1.R1", "target": "O1.R1", "relation": "undercuts"}
    assert document["undercuts"][4]["of"] == {
        "source": "X1", "target": "other:T", "relation": "attacks"}
    # The nested undercutter attacks only the link, so no edge reaches P4.C1 from it.
    assert not [e for e in document["edges"] if e["source"] == "P4.C1.R1"]
