"""Valid maps of every shape: they load exactly as written, and every command copes.

Maps are drawn with every kind of node, linked premises, nesting several levels deep,
references within the map and into other maps (cycles included), and claims mixing
CJK, right-to-left text, emoji, markup of every output format, YAML indicators, tabs
and line breaks. One drawn map goes through every command, because drawing it costs
more than any single check.
"""

from __future__ import annotations

from hypothesis import given, settings

from argmap.loader import MAX_DEPTH, load_file, load_text
from argmap.model import ArgMap
from argmap.problem import ArgmapError
from tests.conftest import FIXTURES
from tests.fuzz import invariants, strategies
from tests.fuzz.profile import examples
from tests.fuzz.strategies import Drawn

_NEIGHBOURS = [load_file(FIXTURES / "valid" / name) for name in ("every_kind.yaml",
                                                                 "other.yaml")]


@examples
@given(strategies.valid_maps())
def test_a_valid_map_loads_exactly_and_every_command_copes(drawn: Drawn) -> None:
    loaded = load_text(drawn.text, "fuzz.yaml")
    assert loaded.problems == (), drawn.text
    assert loaded.map is not None
    amap = loaded.map
    assert {node.id: node.claim for node in amap.walk()} == drawn.claims
    assert amap.title == drawn.data["title"]

    _lint_together(loaded, drawn.text)
    _show(amap, drawn)
    sources = invariants.dot_sources(amap)
    assert sources == invariants.dot_sources(amap), "the same map must give the same DOT"
    invariants.assert_dot_parses("\n".join(sources))
    invariants.check_eval(amap)
    _eval_together(amap)
    invariants.check_exports(amap)
    invariants.check_fmt(drawn.text, amap)


def _lint_together(loaded: object, text: str) -> None:
    result = invariants.lint([loaded, *_NEIGHBOURS])  # type: ignore[list-item]
    fuzzed = [file for file in result.files if file.path == "fuzz.yaml"]
    assert len(fuzzed) == 1 and fuzzed[0].error is None
    invariants.check_problems(fuzzed[0].problems, text, "fuzz.yaml")


def _show(amap: ArgMap, drawn: Drawn) -> None:
    invariants.assert_claims_shown(invariants.show_text(amap), drawn.claims, "show", terminal=True)
    for width in (1, 12, 40):
        invariants.show_text(amap, width=width, ascii=width == 12, quotes=True, notes=True)
    focus = sorted(drawn.claims)[-1]
    focused = invariants.show_text(amap, focus=focus, depth=1)
    invariants.assert_claims_shown(focused, {focus: drawn.claims[focus]}, "show --focus",
                                   terminal=True)


def _eval_together(amap: ArgMap) -> None:
    from argmap.semantics import evaluate

    others = [loaded.map for loaded in _NEIGHBOURS if loaded.map is not None]
    try:
        evaluation = evaluate([amap, *others])
    except ArgmapError:
        assert amap.id in {other.id for other in others}
        return
    assert len(evaluation.labels) == sum(len(m.index()) for m in (amap, *others))


# A deep map is slow to draw and to show; a few chains per run cover every depth over time.
@settings(examples, max_examples=max(5, examples.max_examples // 4))
@given(strategies.deep_chains())
def test_nesting_up_to_the_limit_loads_and_deeper_is_refused(chain: tuple[int, str]) -> None:
    depth, text = chain
    loaded = load_text(text, "deep.yaml")
    if depth <= MAX_DEPTH:
        assert loaded.problems == () and loaded.map is not None
        invariants.exercise(loaded.map)
    else:
        assert [p.code for p in loaded.problems] == ["AM005"]
        invariants.check_problems(loaded.problems, text, "deep.yaml")
