"""Argdown import: what each construct becomes, on a debate written for these tests."""

from __future__ import annotations

import textwrap

from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from tests.conftest import FIXTURES
from tests.importers.common import claims, imported, relations

DEBATE = (FIXTURES / "interop" / "debate.argdown").read_text(encoding="utf-8")


def rel(sources, target, relation="supports"):
    return (frozenset([sources] if isinstance(sources, str) else sources), target, relation)


def test_the_debate_keeps_every_claim_and_its_text():
    amap, _, _ = imported(DEBATE, "argdown", "debate")
    texts = claims(amap)
    assert amap.title == "Should the city build a tram?"
    assert texts["Tram"] == "The city should build a tram line."
    assert texts["Commute"] == "A tram cuts commuting times a lot on the east side."
    assert texts["Survey"] == "In the 2023 survey, most commuters said so."
    assert texts["Buses"] == ("Better buses would do as well, see the report "
                              "(https://example.org/buses).")
    assert texts["Roadworks"] == "For two years, roadworks make commuting *worse*, not better."
    assert texts["Electric"] == "Trams run on electricity."
    assert "Electric vehicles do not pollute the street." in texts.values()
    assert "Buses are stuck in the same traffic as cars." in texts.values()
    assert "The council asked for this reconstruction in March." not in texts.values()
    assert len(texts) == 14


def test_the_debate_keeps_every_relation():
    amap, _, _ = imported(DEBATE, "argdown", "debate")
    ids = {text: node_id for node_id, text in claims(amap).items()}
    electric_vehicles = ids["Electric vehicles do not pollute the street."]
    worth = ids["Cleaner air is worth the price."]
    stuck = ids["Buses are stuck in the same traffic as cars."]
    assert relations(amap) == {
        rel("Commute", "Tram"), rel("Survey", "Commute"),
        rel("Cost", "Tram", "attacks"), rel("Grants", "Cost", "attacks"),
        rel("Cost", "Buses", "attacks"),
        rel("Buses", "Tram", "attacks"), rel("Tram", "Buses", "attacks"),
        rel(stuck, "Buses", "attacks"),
        rel({"Electric", electric_vehicles}, "Cleaner"), rel({"Cleaner", worth}, "Tram"),
        rel("Roadworks", "Commute", "attacks"),
        rel("Lonely", "Tram"),
    }


def test_the_debate_says_what_it_changed():
    amap, text, messages = imported(DEBATE, "argdown", "debate")
    nodes = amap.index()
    assert nodes["Tram"].kind.value == "thesis"
    assert nodes["Tram"].tags == ("plan",) and nodes["Cost"].tags == ("public money",)
    assert nodes["Electric"].note == "Also stated as: Trams are powered by electric current."
    assert nodes["Tram"].note == ("The argument <Clean air argument>: Trams run on "
                                  "electricity, so the air gets cleaner.")
    # Coal undercuts the argument's last inference, from Cleaner (and its co-premise) to
    # Tram: it attacks that inference, nested under its first premise.
    assert [str(link) for link in nodes["Coal"].undercuts] == ["Cleaner -> Tram"]
    assert nodes["Coal"].parent == "Cleaner" and nodes["Coal"].nested_undercut
    assert "# - The council asked for this reconstruction in March." in text
    lonely = text.index("- id: Lonely")
    assert "argues neither for nor against the thesis" in text[lonely - 300:lonely]
    assert any("'Lonely'" in message for message in messages)


def test_the_imported_debate_lints_without_errors():
    _, text, _ = imported(DEBATE, "argdown", "debate")
    result = lint_loaded([load_text(text, "debate.yaml")], Settings())
    assert [p.code for p in result.problems if p.severity.name == "ERROR"] == []


def test_relations_nest_and_dedent_as_argdown_does():
    # `-> G` is indented less than D but more than C: Argdown makes it A's, not C's.
    # G, which A attacks, is the thesis; F leads nowhere and is listed as its premise.
    source = textwrap.dedent("""\
        [A]: a
          + [B]: b
          - [C]: c
              <+ [D]: d
                <- [E]: e
                  +> [F]: f
            -> [G]: g
        """)
    amap, _, _ = imported(source, "argdown")
    assert relations(amap) == {rel("B", "A"), rel("C", "A", "attacks"), rel("D", "C"),
                               rel("E", "D", "attacks"), rel("E", "F"),
                               rel("A", "G", "attacks"), rel("F", "G")}
    assert amap.thesis.id == "G"


def test_comments_escapes_and_markup():
    source = textwrap.dedent("""\
        <!-- a comment
        over lines --> [A]: One \\[escaped\\] and \\#not-a-tag // a line comment
          + [B]: http://example.org is cut, as Argdown cuts it
          - [C]: __bold__ and *italic* and a [link](http://x.org/a_b) /* inline */ stay
        """)
    amap, _, _ = imported(source, "argdown")
    assert claims(amap) == {"A": "One [escaped] and #not-a-tag", "B": "http:",
                            "C": "bold and italic and a link (http://x.org/a_b) stay"}


def test_a_reconstruction_with_intermediate_conclusions():
    source = textwrap.dedent("""\
        <Chain>

        (1) [P1]: one
        (2) [P2]: two
        --
        Modus ponens
        --
        (3) [C1]: three
        (4) [P4]: four
        -----
        (5) [C2]: five
        """)
    amap, _, _ = imported(source, "argdown")
    assert relations(amap) == {rel({"P1", "P2"}, "C1"), rel({"C1", "P4"}, "C2")}
    assert amap.thesis.id == "C2"


def test_contradiction_is_two_attacks_and_undercut_attacks_the_claim():
    source = "[A]: a\n  >< [B]: b\n  _ [C]: c\n"
    amap, text, _ = imported(source, "argdown")
    assert relations(amap) == {rel("A", "B", "attacks"), rel("B", "A", "attacks"),
                               rel("C", "A", "attacks")}
    assert "argmap has no undercuts" in text


def test_hostile_runs_of_markup_characters_are_text():
    source = "[A]: " + "[" * 5000 + " {" * 3000 + " *_" * 3000 + "\n  + [B]: b\n"
    amap, _, _ = imported(source, "argdown")
    claim = claims(amap)["A"]
    assert claim.startswith("[" * 5000 + " {") and claim.count("{") == 3000
    assert relations(amap) == {rel("B", "A")}


def test_front_matter_with_aliases_is_ignored():
    source = "===\na: &a [x, x]\nb: [*a, *a]\ntitle: Bomb\n===\n\n[A]: a\n  + [B]: b\n"
    amap, _, messages = imported(source, "argdown", "bomb")
    assert amap.title == "bomb"
    assert any("front matter" in message for message in messages)


def test_what_is_not_carried_over_is_said_and_the_author_is_kept():
    source = textwrap.dedent("""\
        ===
        title: Legalisation of soft drugs
        subTitle: A debate
        author: Jane Doe
        date: 2020-01-01
        color:
          tagColors:
            pro: "#00ff00"
        ===

        # Section one

        [Legal]: Soft drugs should be legalised.
          + [Harm]: Prohibition does more harm than the drugs.
            <_ [Doubt]: The harm figures are disputed.
          <_ [Other]: Another undercut.
        """)
    amap, _, messages = imported(source, "argdown", "drugs")
    assert amap.title == "Legalisation of soft drugs"
    assert amap.source.authors == "Jane Doe"
    assert "not carried over: the front matter's subTitle, date, color: argmap keeps only " \
        "the title and the author" in messages
    assert any(m.startswith("not carried over: 2 undercuts: argmap has no undercuts")
               for m in messages)
    assert "not carried over: 1 heading: argmap has no sections" in messages


def test_a_list_of_authors_in_the_front_matter_is_a_list():
    source = '===\nauthor: [Jane Doe, "Li, Ming"]\n===\n\n[A]: a\n  + [B]: b\n'
    amap, _, _ = imported(source, "argdown")
    assert amap.source.author == ("Jane Doe", "Li, Ming")


def test_undercuts_come_back_from_argmaps_own_argdown():
    from argmap.exporters import exporter
    from argmap.loader import load

    original = load(FIXTURES / "valid" / "undercuts.yaml")
    amap, _, _ = imported(exporter("argdown")(original).text, "argdown", "undercuts")
    undercuts = {node.id: [str(link) for link in node.undercuts]
                 for node in amap.walk() if node.undercuts}
    assert undercuts == {"P4.C1.R1": ["P4.C1 -> P4"], "O1.P5.R1": ["O1.P5 -> O1"],
                         "O1.R1.R1": ["O1.R1 -> O1"], "O1.R1.R1.R1": ["O1.R1.R1 -> O1.R1"]}
    assert not [node for node in amap.walk() if "⇒" in node.claim or "→" in node.id]


def test_an_undercut_of_an_argument_that_names_no_link_attacks_its_conclusion():
    text = "[T]: t.\n  + <A>\n\n<A>: a.\n\n[U]: u.\n  _> <A>\n"
    amap, yaml_text, _ = imported(text, "argdown", "plain")
    assert ("In the source this undercuts the argument <A>" in " ".join(
        yaml_text.replace("#", " ").split()))
    assert not [node for node in amap.walk() if node.undercuts]
