"""The published JSON Schema and the loader agree on what a map is."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from argmap.loader import load_bytes
from argmap.resources import schema_path
from tests.conftest import BUNDLED, FIXTURES

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
VALID = sorted((FIXTURES / "valid").glob("*.yaml")) + sorted(BUNDLED.glob("*.yaml"))
# Invalid fixtures the schema can see: the YAML parses and the data is not a map.
SCHEMA_INVALID = [p for p in sorted((FIXTURES / "invalid").glob("*.yaml"))
                  if "AM002" in p.read_bytes().decode("utf-8", "replace").splitlines()[0]]


def test_schema_is_a_valid_draft7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_maps_pass_both(path):
    assert load_bytes(path.read_bytes(), str(path)).problems == ()
    errors = list(VALIDATOR.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert errors == []


@pytest.mark.parametrize("path", SCHEMA_INVALID, ids=lambda p: p.name)
def test_invalid_maps_fail_both(path):
    assert load_bytes(path.read_bytes(), str(path)).map is None
    assert list(VALIDATOR.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_schema_command_prints_the_schema():
    from typer.testing import CliRunner

    from argmap.cli import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == SCHEMA


PAGE_MAP = "argmap: 1\nid: p\ntitle: t\nthesis:\n  id: T\n  claim: x\n  source: {{page: {}}}\n"


@pytest.mark.parametrize(("page", "valid"), [
    ("12", True), ('"12"', True), ('"12-13"', True), ('"12-12"', True), ('"1"', True),
    ("iv", True), ('"xii-xiv"', True), ('"IX-XI"', True),
    ('"abc"', False), ('""', False), ('"0"', False), ('"13-12"', False), ('"12-"', False),
    ('"012"', False), ('"12–13"', False), ('"12-13-14"', False), ("0", False),
    ('"xiv-xii"', False), ('"iiii"', False), ('"iV"', False), ('"xii-14"', False),
])
def test_page_means_the_same_to_the_loader_and_the_schema(page, valid):
    text = PAGE_MAP.format(page)
    loaded = load_bytes(text.encode(), "p.yaml")
    assert (loaded.map is not None) == valid, loaded.problems
    schema_ok = not list(VALIDATOR.iter_errors(yaml.safe_load(text)))
    # The schema cannot compare the two ends of a range; the loader does.
    assert schema_ok == (valid or page in ('"13-12"', '"xiv-xii"'))
    if not valid and page.startswith('"'):
        [problem] = loaded.problems
        assert (problem.code, problem.span.line) == ("AM002", 7)
        assert "not a page number or a range of pages" in problem.message


def test_the_schema_states_the_loaders_page_pattern():
    from argmap.loader import PAGE_PATTERN

    page = SCHEMA["definitions"]["locator"]["properties"]["page"]["anyOf"][1]
    assert page == {"type": "string", "pattern": PAGE_PATTERN}
