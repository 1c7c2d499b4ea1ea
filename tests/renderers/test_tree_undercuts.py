"""The tree view marks concessions and undercuts in words and glyphs."""

from __future__ import annotations

import io

from rich.console import Console

from argmap.loader import load
from argmap.renderers.tree import ViewOptions, build_view
from argmap.semantics import evaluate
from tests.conftest import FIXTURES

UNDERCUTS = load(FIXTURES / "valid" / "undercuts.yaml")
OTHER = load(FIXTURES / "valid" / "other.yaml")


def render(width: int, **options: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None)
    console.print(build_view(UNDERCUTS, ViewOptions(**options),
                             labels=evaluate(UNDERCUTS).labels, others={"other": OTHER}))
    return out.getvalue()


ASCII_80 = r"""
Granted facts, denied inferences

# T thesis [v] stands  China's data power is contested, not monolithic.
                       § Introduction, ¶1
+-- + P1 supports [v] stands  Tech workers organised the 996.ICU campaign.
|                             § Counter-power, ¶2
+-- + P4 supports [v] stands  Counter-power persists in Hong Kong.
|                             § Counter-power, ¶4
|   `-- ! P4.C1 counterexample <> granted [v] stands  The Hong Kong activists
|                                                     generally failed to stop
|                                                     the surveillance.
|                                                     § Counter-power, ¶5
|       `-- ~> P4.C1.R1 undercuts [v] stands  Their failure does not show that
|                                             data power has prevailed.
|                                             § Counter-power, ¶6
|                                             ~> undercuts P4.C1 -> P4 "The Hong
|                                             Kong..."
`-- X O1 objects [x] defeated  China will win the AI race against the US.
                               held by Kai-Fu Lee
                               § Introduction, ¶3
    +-- + O1.P5 supports <> granted [v] stands  China has more data than the US.
    |                                           § Introduction, ¶4
    |   `-- ~> O1.P5.R1 undercuts [v] stands  More data does not make a winner
    |                                         of an AI race.
    |                                         § Introduction, ¶5
    |                                         ~> undercuts O1.P5 -> O1 "China
    |                                         has more..."
    `-- < O1.R1 rebuts [v] stands  The race framing ignores labour.
                                   § Labour, ¶1
        `-- ~> O1.R1.R1 undercuts [v] stands  Ignoring labour is no flaw in a
                                              forecast of capabilities.
                                              § Labour, ¶2
                                              ~> undercuts O1.R1 -> O1 "The race
                                              framing..."
            `-- ~> O1.R1.R1.R1 undercuts [v] stands  Capabilities rest on
                                                     labour, so a forecast that
                                                     ignores it errs.
                                                     § Labour, ¶3
                                                     ~> undercuts O1.R1.R1 ->
                                                     O1.R1 "Ignoring labour..."

Counterexamples and rebuttals that attack by reference:
< X1 rebuts <> granted [v] stands  The other map's thesis overstates its case.
                                   § Conclusion, ¶1
                                   -> attacks other:T "A thesis in another map."
< X2 rebuts [v] stands  Overstatement does not make the other thesis false.
                        § Conclusion, ¶2
                        ~> undercuts X1 -> other:T "The other map's thesis..."

1 thesis, 3 premises, 1 objection, 1 counterexample, 7 rebuttals
"""


def test_undercuts_and_concessions_at_80_columns_in_ascii():
    assert render(80, ascii=True) == ASCII_80.lstrip("\n")


def test_unicode_glyphs_for_undercuts_and_concessions():
    text = render(80)
    assert "│       └── ⤳ P4.C1.R1 undercuts ✔ stands  Their failure" in text
    assert "↯ P4.C1 counterexample ◇ granted ✔ stands" in text
    assert "⤳ undercuts X1 → other:T “The other map's thesis…”" in text
