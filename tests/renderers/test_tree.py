"""The tree renderer: exact text at fixed widths, and what each option changes.

Trees are printed to `Console(color_system=None, width=...)` and compared as text, the
way rich tests its own Tree.
"""

from __future__ import annotations

import io
import textwrap
import unicodedata

import pytest
from rich.cells import cell_len
from rich.console import Console

from argmap.loader import load, load_text
from argmap.model import ArgMap, Kind, Label
from argmap.problem import ArgmapError
from argmap.renderers.tree import ViewOptions, build_view
from tests.conftest import FIXTURES

EVERY_KIND = load(FIXTURES / "valid" / "every_kind.yaml")
OTHER = load(FIXTURES / "valid" / "other.yaml")
#: The glyphs and guide lines the Unicode view draws; none may appear with `ascii`.
UNICODE_ONLY = set("◆−↯↶→…“”✔✘")


def render(amap: ArgMap = EVERY_KIND, width: int = 60, *,
           labels: dict[str, Label] | None = None, others: dict[str, ArgMap] | None = None,
           **options: object) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None)
    console.print(build_view(amap, ViewOptions(**options),  # type: ignore[arg-type]
                             labels=labels, others=others))
    return out.getvalue()


def inline(text: str) -> ArgMap:
    result = load_text(textwrap.dedent(text), "inline.yaml")
    assert result.map is not None, result.problems
    return result.map


EVERY_KIND_60 = r"""
Every kind of node, and text that must survive every output
Ada Example and 李 明 (2024). A Paper Written for the Tests.

◆ T thesis  Data power in China is contested, not monolithic
            [bold] <b>not markup</b>.
            § Introduction, ¶1
├── + P1 supports  Workers organised the 996.ICU campaign
│                  ("996" = 9am–9pm, 6 days) on GitHub.
│                  § Counter-power, ¶2
│   └── + P1.1 supports  数据劳动 (data labour) is cheap &
│                        unprotected | a pipe, a "quote" and
│                        a \ backslash.
│                        § Labour, ¶3
├── & linked: P2 + P3 jointly support T
│   ├── + P2  Every data regime rests on labour.
│   │         § Labour, ¶1
│   └── + P3  Line one of a claim
│             line two of the same claim.
│             p. 12
├── + P4 supports  A premise that also supports another
│                  map's thesis.
│                  § Conclusion, ¶1
│                  → supports other:T “A thesis in another…”
│   └── ↯ P4.C1 counterexample  A counterexample to P4.
│                               n. 7
│       └── ↶ P4.C1.R1 rebuts  The author's answer to the
│                              counterexample.
│                              § Conclusion, ¶2
├── − O1 objects  China is an AI superpower that will
│                 overtake the US.
│                 held by Kai-Fu Lee
│                 § AI Superpower?, ¶1
│   ├── + O1.P1 supports  China has more data than anyone.
│   │                     § AI Superpower?, ¶2
│   ├── ↯ O1.C1 counterexample  The 2019 Hong Kong protests
│   │                           defied the surveillance the
│   │                           view relies on.
│   │                           § Counter-power, ¶5
│   └── ↶ O1.R1 rebuts  A rebuttal that also attacks O2,
│                       which attacks it back (a cycle).
│                       § Counter-power, ¶6
│                       → attacks O2 “The protests changed…”
└── − O2 objects  The protests changed nothing.
                  held by Some commentators
                  § Counter-power, ¶7
                  → attacks O1.R1 “A rebuttal that also…”
    └── ↯ O2.C1 counterexample  An answer to O2.
                                § Counter-power, ¶8

Counterexamples and rebuttals that attack by reference:
↶ R1 rebuts  A free-standing rebuttal aimed at a premise by
             reference.
             § Conclusion, ¶3
             → attacks P1.1 “数据劳动 (data labour) is…”
└── ↶ R1.R1 rebuts  The rebuttal of the free-standing
                    rebuttal.
                    § Conclusion, ¶4

1 thesis, 6 premises, 2 objections, 3 counterexamples,
4 rebuttals
"""[1:]

EVERY_KIND_80 = r"""
Every kind of node, and text that must survive every output
Ada Example and 李 明 (2024). A Paper Written for the Tests.

◆ T thesis  Data power in China is contested, not monolithic [bold] <b>not
            markup</b>.
            § Introduction, ¶1
├── + P1 supports  Workers organised the 996.ICU campaign ("996" = 9am–9pm, 6
│                  days) on GitHub.
│                  § Counter-power, ¶2
│   └── + P1.1 supports  数据劳动 (data labour) is cheap & unprotected | a pipe,
│                        a "quote" and a \ backslash.
│                        § Labour, ¶3
├── & linked: P2 + P3 jointly support T
│   ├── + P2  Every data regime rests on labour.
│   │         § Labour, ¶1
│   └── + P3  Line one of a claim
│             line two of the same claim.
│             p. 12
├── + P4 supports  A premise that also supports another map's thesis.
│                  § Conclusion, ¶1
│                  → supports other:T “A thesis in another map.”
│   └── ↯ P4.C1 counterexample  A counterexample to P4.
│                               n. 7
│       └── ↶ P4.C1.R1 rebuts  The author's answer to the counterexample.
│                              § Conclusion, ¶2
├── − O1 objects  China is an AI superpower that will overtake the US.
│                 held by Kai-Fu Lee
│                 § AI Superpower?, ¶1
│   ├── + O1.P1 supports  China has more data than anyone.
│   │                     § AI Superpower?, ¶2
│   ├── ↯ O1.C1 counterexample  The 2019 Hong Kong protests defied the
│   │                           surveillance the view relies on.
│   │                           § Counter-power, ¶5
│   └── ↶ O1.R1 rebuts  A rebuttal that also attacks O2, which attacks it back
│                       (a cycle).
│                       § Counter-power, ¶6
│                       → attacks O2 “The protests changed nothing.”
└── − O2 objects  The protests changed nothing.
                  held by Some commentators
                  § Counter-power, ¶7
                  → attacks O1.R1 “A rebuttal that also attacks O2, which…”
    └── ↯ O2.C1 counterexample  An answer to O2.
                                § Counter-power, ¶8

Counterexamples and rebuttals that attack by reference:
↶ R1 rebuts  A free-standing rebuttal aimed at a premise by reference.
             § Conclusion, ¶3
             → attacks P1.1 “数据劳动 (data labour) is cheap & unprotected |…”
└── ↶ R1.R1 rebuts  The rebuttal of the free-standing rebuttal.
                    § Conclusion, ¶4

1 thesis, 6 premises, 2 objections, 3 counterexamples, 4 rebuttals
"""[1:]

DEPTH_1 = r"""
Every kind of node, and text that must survive every output
Ada Example and 李 明 (2024). A Paper Written for the Tests.

◆ T thesis  Data power in China is contested, not monolithic
            [bold] <b>not markup</b>.
            § Introduction, ¶1
├── + P1 supports  Workers organised the 996.ICU campaign
│                  ("996" = 9am–9pm, 6 days) on GitHub.
│                  § Counter-power, ¶2
│   └── … 1 more node below
├── & linked: P2 + P3 jointly support T
│   ├── + P2  Every data regime rests on labour.
│   │         § Labour, ¶1
│   └── + P3  Line one of a claim
│             line two of the same claim.
│             p. 12
├── + P4 supports  A premise that also supports another
│                  map's thesis.
│                  § Conclusion, ¶1
│                  → supports other:T
│   └── … 2 more nodes below
├── − O1 objects  China is an AI superpower that will
│                 overtake the US.
│                 held by Kai-Fu Lee
│                 § AI Superpower?, ¶1
│   └── … 3 more nodes below
└── − O2 objects  The protests changed nothing.
                  held by Some commentators
                  § Counter-power, ¶7
                  → attacks O1.R1 “A rebuttal that also…”
    └── … 1 more node below

Counterexamples and rebuttals that attack by reference:
↶ R1 rebuts  A free-standing rebuttal aimed at a premise by
             reference.
             § Conclusion, ¶3
             → attacks P1.1 “数据劳动 (data labour) is…”
└── ↶ R1.R1 rebuts  The rebuttal of the free-standing
                    rebuttal.
                    § Conclusion, ¶4

1 thesis, 6 premises, 2 objections, 3 counterexamples,
4 rebuttals
9 of 16 nodes shown (--depth 1).
"""[1:]

FOCUS_O1_C1 = r"""
Every kind of node, and text that must survive every output
Ada Example and 李 明 (2024). A Paper Written for the Tests.

◆ T thesis  Data power in China is contested, not monolithic
            [bold] <b>not markup</b>.
            § Introduction, ¶1
└── − O1 objects  China is an AI superpower that will
                  overtake the US.
                  held by Kai-Fu Lee
                  § AI Superpower?, ¶1
    └── ↯ O1.C1 counterexample  The 2019 Hong Kong protests
                                defied the surveillance the
                                view relies on.
                                § Counter-power, ¶5

1 thesis, 6 premises, 2 objections, 3 counterexamples,
4 rebuttals
3 of 16 nodes shown (--focus O1.C1).
"""[1:]

KIND_OBJECTION = r"""
Every kind of node, and text that must survive every output
Ada Example and 李 明 (2024). A Paper Written for the Tests.

◆ T thesis  Data power in China is contested, not monolithic
            [bold] <b>not markup</b>.
            § Introduction, ¶1
├── − O1 objects  China is an AI superpower that will
│                 overtake the US.
│                 held by Kai-Fu Lee
│                 § AI Superpower?, ¶1
│   ├── ↯ O1.C1 counterexample  The 2019 Hong Kong protests
│   │                           defied the surveillance the
│   │                           view relies on.
│   │                           § Counter-power, ¶5
│   └── ↶ O1.R1 rebuts  A rebuttal that also attacks O2,
│                       which attacks it back (a cycle).
│                       § Counter-power, ¶6
│                       → attacks O2 “The protests changed…”
└── − O2 objects  The protests changed nothing.
                  held by Some commentators
                  § Counter-power, ¶7
                  → attacks O1.R1 “A rebuttal that also…”
    └── ↯ O2.C1 counterexample  An answer to O2.
                                § Counter-power, ¶8

1 thesis, 6 premises, 2 objections, 3 counterexamples,
4 rebuttals
6 of 16 nodes shown (--kind objection).
"""[1:]

def test_every_kind_at_60_columns():
    assert render(others={"other": OTHER}) == EVERY_KIND_60


def test_every_kind_at_80_columns():
    assert render(width=80, others={"other": OTHER}) == EVERY_KIND_80


def test_user_text_is_printed_as_written_not_as_markup():
    text = render(width=200)
    assert "monolithic [bold] <b>not markup</b>." in text
    assert 'is cheap & unprotected | a pipe, a "quote" and a \\ backslash.' in text
    with_notes = render(width=200, notes=True)
    assert "Note: A note with a backslash \\ and braces {like this}." in with_notes


@pytest.mark.parametrize("width", [30, 60, 80])
def test_no_line_is_wider_than_the_console(width):
    """CJK characters count two cells; rich must wrap them, not spill over."""
    for line in render(width=width, quotes=True, notes=True).splitlines():
        assert cell_len(line) <= width, line


def test_cjk_text_lines_up_with_the_text_beside_it():
    lines = render(width=60).splitlines()
    first = next(i for i, line in enumerate(lines) if "P1.1 supports  数据" in line)
    indent = cell_len(lines[first].split("数据")[0])
    follow = lines[first + 1]
    assert cell_len(follow) - cell_len(follow.lstrip("│ ")) == indent


def test_a_very_long_word_wraps_inside_the_tree():
    word = "x" * 150
    amap = inline(f"""
        argmap: 1
        id: m
        title: t
        thesis:
          id: T
          claim: short
          premises:
            - id: P1
              claim: {word}
        """)
    lines = render(amap, width=60).splitlines()
    assert all(cell_len(line) <= 60 for line in lines)
    assert "".join(line.rsplit(" ", 1)[-1] for line in lines if "x" * 10 in line) == word


def test_a_reference_cycle_prints_each_edge_once():
    text = render(width=80)
    assert text.count("→ attacks O2 “The protests changed nothing.”") == 1
    assert text.count("→ attacks O1.R1") == 1
    assert text.count("The protests changed nothing.") == 2  # O2 itself, and the reference


def test_a_reference_into_a_map_not_loaded_shows_only_the_reference():
    lines = render(width=80).splitlines()
    assert "│                  → supports other:T" in lines


def test_a_reference_to_a_missing_node_says_so():
    amap = inline("""
        argmap: 1
        id: m
        title: t
        thesis: {id: T, claim: c, attacks: [P9]}
        """)
    assert "→ attacks P9 (no such node)" in render(amap)


def test_free_standing_rebuttals_follow_the_thesis_tree():
    text = render(width=80)
    section = text.split("Counterexamples and rebuttals that attack by reference:\n")[1]
    assert section.startswith("↶ R1 rebuts  A free-standing rebuttal")
    assert "→ attacks P1.1 “数据劳动" in section
    assert "└── ↶ R1.R1 rebuts" in section


def test_depth_cuts_the_tree_and_counts_what_it_hides():
    assert render(depth=1) == DEPTH_1


def test_depth_zero_shows_the_roots_only():
    text = render(depth=0)
    assert "└── … 13 more nodes below" in text
    assert "P1 supports" not in text
    assert "2 of 16 nodes shown (--depth 0)." in text


def test_focus_shows_the_path_and_the_subtree():
    assert render(focus="O1.C1") == FOCUS_O1_C1


def test_focus_keeps_a_linked_premise_in_its_group():
    text = render(focus="P3")
    assert "└── & linked: P2 + P3 jointly support T\n    └── + P3  Line one" in text
    assert "P2  Every" not in text


def test_focus_on_a_free_standing_node_shows_only_its_section():
    text = render(focus="R1.R1")
    assert "◆ T" not in text
    assert "↶ R1 rebuts" in text and "└── ↶ R1.R1 rebuts" in text


def test_depth_counts_from_the_focused_node():
    text = render(focus="P4", depth=0)
    assert "P4 supports" in text and "… 2 more nodes below" in text
    assert "P4.C1 " not in text


@pytest.mark.parametrize(("wanted", "suggested"), [("o1.c1", "O1.C1"), ("P4.C2", "P4.C1")])
def test_an_unknown_focus_suggests_the_nearest_ids(wanted, suggested):
    with pytest.raises(ArgmapError) as caught:
        render(focus=wanted)
    assert caught.value.message == f"no node `{wanted}` in map `every_kind`"
    assert caught.value.hint is not None and suggested in caught.value.hint
    assert caught.value.exit_code == 2


def test_kind_objection_shows_objections_and_their_answers():
    assert render(kinds=frozenset({Kind.OBJECTION})) == KIND_OBJECTION


def test_kinds_combine():
    text = render(kinds=frozenset({Kind.COUNTEREXAMPLE, Kind.REBUTTAL}), width=80)
    for shown in ("P4.C1 counterexample", "P4.C1.R1 rebuts", "O1.C1 counterexample",
                  "O1.R1 rebuts", "O2.C1 counterexample", "R1 rebuts", "R1.R1 rebuts"):
        assert shown in text
    assert "O1.P1" not in text and "P1 supports" not in text
    assert "P4 supports" in text  # the path to P4.C1


def test_ascii_draws_no_box_drawing_or_unicode_glyphs():
    text = render(width=80, ascii=True, others={"other": OTHER}, labels={"T": Label.IN})
    drawn = {ch for ch in text if unicodedata.name(ch, "").startswith("BOX DRAWINGS")}
    assert not drawn
    assert not UNICODE_ONLY & set(text.replace("“996”", ""))
    assert "+-- + P1 supports" in text
    assert "`-- X O2 objects" in text
    assert '-> supports other:T "A thesis in another map."' in text
    assert '-> attacks O1.R1 "A rebuttal that also attacks O2, which..."' in text
    assert "# T thesis [v] stands" in text


def test_quotes_and_notes_only_when_asked():
    plain = render(width=80)
    assert "the code word" not in plain and "Note:" not in plain
    with_quotes = render(width=80, quotes=True)
    assert "│                  “the code word “996””\n" in with_quotes
    assert "Note:" not in with_quotes
    with_notes = render(width=80, notes=True)
    assert "│                  Note: A note with a backslash \\ and braces {like this}.\n" \
        in with_notes


def test_labels_put_a_badge_on_each_labelled_node():
    labels = {"T": Label.IN, "O1": Label.OUT, "O2": Label.UNDECIDED}
    lines = render(width=80, labels=labels).splitlines()
    assert "◆ T thesis ✔ stands  Data power in China is contested, not monolithic [bold]" \
        in lines
    assert any(line.startswith("├── − O1 objects ✘ defeated  China is") for line in lines)
    assert any(line.startswith("└── − O2 objects ? undecided  The protests") for line in lines)
    assert any(line.startswith("├── + P1 supports  Workers") for line in lines)


def test_ascii_badges():
    text = render(ascii=True, labels={"O1": Label.OUT, "O2": Label.UNDECIDED})
    assert "+-- X O1 objects [x] defeated  " in text
    assert "`-- X O2 objects [?] undecided  " in text


def test_header_cites_the_source_and_footer_counts_by_kind():
    lines = render(width=80).splitlines()
    assert lines[:3] == [
        "Every kind of node, and text that must survive every output",
        "Ada Example and 李 明 (2024). A Paper Written for the Tests.",
        "",
    ]
    assert lines[-1] == "1 thesis, 6 premises, 2 objections, 3 counterexamples, 4 rebuttals"


def test_a_map_without_a_source_has_a_title_only():
    amap = inline("""
        argmap: 1
        id: m
        title: Just a title
        thesis: {id: T, claim: c}
        """)
    assert render(amap) == "Just a title\n\n◆ T thesis  c\n\n1 thesis\n"


def test_building_the_view_prints_nothing(capsys):
    build_view(EVERY_KIND, ViewOptions(depth=1, quotes=True))
    assert capsys.readouterr() == ("", "")
