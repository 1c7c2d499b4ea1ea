"""Which nodes go on which slide, with a rule for what fits instead of Graphviz."""

from __future__ import annotations

from argmap.loader import load
from argmap.names import resolve
from argmap.slides.plan import DeckPlan, Slide


def plan(name: str, most: int) -> tuple[list[Slide], dict[str, object]]:
    amap = load(resolve(name))
    return DeckPlan(amap, lambda slide: len(slide.kept) <= most).slides(), amap.index()


def test_the_overview_comes_first_with_the_thesis_and_what_hangs_under_it():
    slides, _ = plan("qiu", 100)
    assert slides[0].overview
    assert slides[0].kept == {"T", "P1", "P2", "P3", "P4", "P5", "P6", "P7",
                              "O1", "O2", "O3", "O4", "O5"}


def test_each_branch_with_something_under_it_gets_slides_in_document_order():
    slides, _ = plan("qiu", 100)
    branches = [slide.branch for slide in slides[1:]]
    assert branches == ["P1", "P2", "P6", "P3", "P4", "P5", "O1", "O2", "O3", "O4", "O5"]
    assert all("T" in slide.context for slide in slides[1:])  # drawn compact, for context


def test_a_branch_that_does_not_fit_goes_on_over_slides_that_each_fit():
    slides, index = plan("qiu", 6)
    assert all(len(slide.kept) <= 6 for slide in slides)
    full = set().union(*(slide.kept for slide in slides))
    assert full == set(index)
    o1 = [slide for slide in slides if slide.branch == "O1"]
    assert len(o1) > 1 and [s.part for s in o1] == list(range(1, len(o1) + 1))
    assert {s.parts for s in o1} == {len(o1)}


def test_a_continued_mark_points_at_the_slide_that_goes_on():
    slides, _ = plan("qiu", 6)
    for i, slide in enumerate(slides):
        for node_id, (count, later) in slide.continued.items():
            assert later > i and count > 0
            assert node_id in slides[later].kept | slides[later].context


def test_a_linked_group_is_never_split_across_slides():
    slides, index = plan("arsene", 3)
    groups: dict[tuple[str, int], set[str]] = {}
    for node in index.values():
        if node.group is not None and node.parent is not None:
            groups.setdefault((node.parent, node.group), set()).add(node.id)
    for members in groups.values():
        assert any(members <= slide.kept for slide in slides)
