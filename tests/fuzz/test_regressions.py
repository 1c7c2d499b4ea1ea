"""The smallest examples of bugs the property tests found, kept as regression tests."""

from __future__ import annotations

import pytest

from argmap.loader import load_text
from tests.fuzz import invariants


@pytest.mark.parametrize("where", ["title: {}\nthesis: {{id: T, claim: x}}",
                                   "title: x\nthesis: {{id: T, claim: {}}}",
                                   "title: x\nsource: {{author: {}}}\nthesis: {{id: T, claim: x}}"])
@pytest.mark.parametrize("text", ["']'", "']]'", "' ] '"])
def test_dot_parses_when_a_text_is_a_lone_bracket(where: str, text: str) -> None:
    amap = load_text("argmap: 1\nid: m\n" + where.format(text) + "\n", "m.yaml").map
    assert amap is not None
    invariants.assert_dot_parses("\n".join(invariants.dot_sources(amap)))
