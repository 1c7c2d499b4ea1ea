"""Export and import: every format keeps every claim, and any input imports or is refused.

`argmap export` must carry each claim as its format reads it back (JSON and AIF exactly;
Argdown, Markdown and Mermaid with their own escapes undone and, for Argdown, lines
joined). `argmap import` must turn any Argdown or AIF text into a map that loads, or
refuse it with `ArgmapError`; and an exported map must import back with its claims.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.loader import load_text
from argmap.problem import ArgmapError
from tests.fuzz import invariants, strategies
from tests.fuzz.profile import examples
from tests.fuzz.strategies import Drawn

exporters = pytest.importorskip("argmap.exporters")
importers = pytest.importorskip("argmap.importers")

_IMPORTER_BUG = "the imported map does not load"


@examples
@given(strategies.valid_maps())
def test_every_export_holds_every_claim(drawn: Drawn) -> None:
    amap = load_text(drawn.text, "fuzz.yaml").map
    assert amap is not None
    invariants.check_exports(amap)


def _import(text: str, fmt: str) -> str | None:
    """The imported map's YAML, None if refused; an importer that writes a bad map fails."""
    try:
        imported = importers.import_text(text, f"fuzz.{'json' if fmt == 'aif' else fmt}", fmt)
    except ArgmapError as exc:
        assert _IMPORTER_BUG not in exc.message, f"{exc.message}\n--- input ---\n{text}"
        return None
    loaded = load_text(imported.yaml, "imported.yaml")
    assert loaded.map is not None, f"{loaded.problems}\n--- input ---\n{text}"
    yaml_text: str = imported.yaml
    return yaml_text


# A blank claim is a lint error (AM303); an importer may fill it in from the id.
@examples
@given(strategies.valid_maps(max_nodes=12, blank_claims=False), st.sampled_from(["argdown", "aif"]))
def test_an_exported_map_imports_back_with_every_claim(drawn: Drawn, fmt: str) -> None:
    amap = load_text(drawn.text, "fuzz.yaml").map
    assert amap is not None
    exported = exporters.exporter(fmt)(amap).text
    yaml_text = _import(exported, fmt)
    assert yaml_text is not None, f"argmap could not import its own {fmt} export"
    back = load_text(yaml_text, "back.yaml").map
    assert back is not None

    def flat(claims: Any) -> list[str]:
        return sorted(" ".join(claim.split()) for claim in claims)

    assert flat(n.claim for n in back.walk()) == flat(drawn.claims.values())


_ARGDOWN_PIECES = (
    "[A]: ", "[B]: ", "<C>: ", "<C>", "[A]", "\n", "\n  ", "\n    ", "+ ", "- ", "+> ", "-> ",
    "<+ ", "<- ", "_> ", "(1) ", "(2) ", "\n----\n", "\n--\nInference rule\n--\n", "# ",
    "## ", "#tag ", "#(a tag) ", "// note\n", "/* c */", "{key: value}", "===\ntitle: T\n===\n",
    "===\nargmap:\n  id: x\n  thesis: A\n===\n", "*", "_", "**", "\\", ".shortcode.", ":smile:",
    "[", "]", "<", ">", "@", "@[A]", "@<C>",
)

argdown_texts = st.lists(
    st.one_of(st.sampled_from(_ARGDOWN_PIECES), strategies.prose(strategies.any_characters, 2)),
    max_size=30,
).map("".join)


def _aif_nodes() -> st.SearchStrategy[list[dict[str, Any]]]:
    ids = st.one_of(st.integers(0, 6), st.sampled_from(["1", "2", "x", ""]), st.none())
    node = st.fixed_dictionaries(
        {"nodeID": ids, "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "", 3])},
        optional={"text": st.one_of(strategies.prose(strategies.any_characters, 3),
                                    st.integers(), st.none())},
    )
    return st.lists(node, max_size=8)


aif_texts = st.one_of(
    st.builds(lambda nodes, edges: json.dumps({"nodes": nodes, "edges": edges}),
              _aif_nodes(),
              st.lists(st.fixed_dictionaries({
                  "fromID": st.one_of(st.integers(0, 6), st.sampled_from(["1", "x"])),
                  "toID": st.one_of(st.integers(0, 6), st.sampled_from(["2", "x"])),
              }), max_size=10)),
    strategies.yaml_values(10).map(lambda value: json.dumps(value, default=str)),
    st.text(max_size=50),
)


@examples
@given(argdown_texts)
def test_any_argdown_imports_to_a_map_that_loads_or_is_refused(text: str) -> None:
    _import(text, "argdown")


@examples
@given(aif_texts)
def test_any_aif_imports_to_a_map_that_loads_or_is_refused(text: str) -> None:
    _import(text, "aif")
