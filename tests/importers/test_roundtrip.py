"""Export, then import: the same claims and relations come back (AIF and Argdown)."""

from __future__ import annotations

import itertools

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.exporters import exporter
from argmap.loader import load, load_text
from argmap.model import ArgMap
from tests.conftest import BUNDLED, FIXTURES
from tests.importers.common import claims, imported, relations

FORMATS = ("aif", "argdown")
SPECIAL = [*"\t\n[]<>{}()#*_\\/.:;,=-+@\"'&|`~!?%$^", "e.g.", ":heart:", "//", "/*", "<!--",
           "===", "http://x.org", "#(t)", "[a](b)", "(1)", "--"]
WORDS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                max_size=6)
CLAIMS = st.lists(WORDS | st.sampled_from(SPECIAL), min_size=1, max_size=5) \
    .map(lambda parts: "".join(parts).strip()).filter(bool)


def same_text(fmt: str, text: str) -> str:
    """Argdown joins a statement's lines and whitespace; AIF keeps text exactly."""
    return " ".join(text.split()) if fmt == "argdown" else text


def round_trip(amap: ArgMap, fmt: str) -> ArgMap:
    back, _, _ = imported(exporter(fmt)(amap).text, fmt, amap.id)
    return back


def assert_same(amap: ArgMap, back: ArgMap, fmt: str) -> None:
    assert back.thesis.id == amap.thesis.id
    assert (back.id, back.title) == (amap.id, " ".join(amap.title.split()))
    assert claims(back) == {key: same_text(fmt, text) for key, text in claims(amap).items()}
    assert relations(back) == relations(amap)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", [FIXTURES / "valid" / "every_kind.yaml",
                                  *sorted(BUNDLED.glob("*.yaml"))], ids=lambda p: p.name)
def test_fixture_round_trip(path, fmt):
    amap = load(path)
    assert_same(amap, round_trip(amap, fmt), fmt)


@st.composite
def maps(draw: st.DrawFn) -> ArgMap:
    """A valid map: a thesis tree, objections, a free-standing rebuttal, and declared
    supports (always toward earlier nodes, so never a cycle) and attacks."""
    numbers = itertools.count(1)
    made: list[dict[str, object]] = []

    def node(depth: int, thesis: bool = False) -> dict[str, object]:
        prefix = draw(st.sampled_from(["N", "x.", "Ab_c-"]))
        made.append(item := {"id": f"{prefix}{next(numbers)}", "claim": draw(CLAIMS)})
        if depth < 3:
            premises: list[object] = []
            for _ in range(draw(st.integers(0, 2))):
                if draw(st.booleans()):
                    premises.append(node(depth + 1))
                else:
                    premises.append({"linked": [node(depth + 1) for _ in range(draw(
                        st.integers(2, 3)))]})
            if premises:
                item["premises"] = premises
            for key in ("counterexamples", "rebuttals")[: 1 if thesis else 2]:
                answers = [node(depth + 1) for _ in range(draw(st.integers(0, 1)))]
                if answers:
                    item[key] = answers
        return item

    document: dict[str, object] = {"argmap": 1, "id": "gen", "title": draw(CLAIMS),
                                   "thesis": node(0, thesis=True)}
    objections = [node(1) for _ in range(draw(st.integers(0, 2)))]
    if objections:
        document["objections"] = objections
    if draw(st.booleans()):
        target = draw(st.sampled_from(made))["id"]
        document["rebuttals"] = [node(2)]
        document["rebuttals"][0]["attacks"] = [target]  # type: ignore[index]
    for _ in range(draw(st.integers(0, 4))):
        i, j = draw(st.integers(0, len(made) - 1)), draw(st.integers(0, len(made) - 1))
        if i == j:
            continue
        if draw(st.booleans()):
            made[i].setdefault("attacks", []).append(made[j]["id"])  # type: ignore[union-attr]
        else:
            later, earlier = max(i, j), min(i, j)
            made[later].setdefault("supports", []).append(made[earlier]["id"])  # type: ignore[union-attr]
    loaded = load_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "gen.yaml")
    assert loaded.map is not None, loaded.problems
    return loaded.map


@pytest.mark.parametrize("fmt", FORMATS)
@given(amap=maps())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_maps_round_trip(fmt, amap):
    assert_same(amap, round_trip(amap, fmt), fmt)
