"""The loader reads `granted:` and `undercuts:`, and the model applies nesting to them."""

from __future__ import annotations

from argmap.loader import load, load_text
from argmap.model import LinkRef, Ref, Relation
from tests.conftest import FIXTURES, HEADER

UNDERCUTS = FIXTURES / "valid" / "undercuts.yaml"


def problems(text: str) -> list[tuple[str, int, int, str]]:
    result = load_text(HEADER + text, "m.yaml")
    return [(p.code, p.span.line, p.span.column, p.message) for p in result.problems]


def test_granted_and_undercuts_are_read():
    amap = load(UNDERCUTS)
    nodes = amap.index()
    assert nodes["P4.C1"].granted and not nodes["P4"].granted
    [link] = nodes["O1.R1.R1.R1"].undercuts
    assert (str(link), link.source.id, link.target and link.target.id) == (
        "O1.R1.R1 -> O1.R1", "O1.R1.R1", "O1.R1")
    [cross] = nodes["X2"].undercuts
    assert (cross.target.map, cross.target.id) == ("other", "T")  # type: ignore[union-attr]


def test_a_nested_undercutter_attacks_only_the_inference():
    amap = load(UNDERCUTS)
    attacks = {(e.source, e.target.id) for e in amap.edges() if e.relation is Relation.ATTACK}
    assert ("P4.C1", "P4") in attacks
    assert ("P4.C1.R1", "P4.C1") not in attacks
    assert ("O1.P5.R1", "O1.P5") not in attacks
    assert [(u.source, str(u.link)) for u in amap.undercuts()][:2] == [
        ("P4.C1.R1", "P4.C1"), ("O1.P5.R1", "O1.P5")]


def test_link_text_parses_with_or_without_spaces():
    span = load(UNDERCUTS).span
    assert LinkRef.parse("a:X->b:Y", span) == LinkRef(Ref("X", "a", span), Ref("Y", "b", span),
                                                      span)
    assert str(LinkRef.parse("X  ->  Y", span)) == "X -> Y"


def test_granted_on_the_thesis_is_refused():
    assert problems("thesis: {id: T, claim: x, granted: true}\n") == [
        ("AM002", 4, 27, "unknown key `granted` in a thesis; the thesis is the author's own "
                         "claim, not a concession")]


def test_granted_must_be_true_or_false():
    text = "thesis: {id: T, claim: x}\nobjections: [{id: O1, claim: y, granted: yes please}]\n"
    assert problems(text) == [
        ("AM002", 5, 42, "the `granted` of O1 must be true or false, not text")]


def test_a_link_that_is_not_one_is_refused():
    text = "thesis: {id: T, claim: x}\nobjections: [{id: O1, claim: y, undercuts: ['T => P1']}]\n"
    assert problems(text) == [
        ("AM002", 5, 45, "`T => P1` in the `undercuts` of O1 is not a link")]
