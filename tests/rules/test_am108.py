from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text
from tests.conftest import HEADER
from tests.conftest import findings as all_findings

QUIET = Settings(disable=frozenset({"AM402", "AM403"}))

MAP = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
  premises:
    - id: P4
      claim: y
      source: {para: 2}
      counterexamples:
        - id: P4.C1
          claim: z
          source: {para: 3}
          rebuttals:
            - id: P4.C1.R1
              claim: w
              source: {para: 4}
              undercuts: [P4.C1 -> P4]
"""


def findings(text: str) -> list[tuple[str, int, int]]:
    """Findings of the link rules (a map cut this small is unsupported elsewhere)."""
    return [f for f in all_findings(text) if f[0] in ("AM102", "AM106", "AM108", "AM109")]


def messages(text: str) -> list[tuple[str, str, str | None]]:
    result = lint_loaded([load_text(text, "m.yaml")], QUIET)
    return [(p.code, p.message, p.hint) for p in result.problems]


def test_an_existing_link_passes():
    assert findings(MAP) == []
    assert findings(MAP.replace("[P4.C1 -> P4]", "[P4.C1]")) == []
    assert findings(MAP.replace("[P4.C1 -> P4]", "['P4.C1->P4']")) == []


def test_a_link_that_does_not_exist_is_reported_with_a_suggestion():
    assert messages(MAP.replace("P4.C1 -> P4]", "P4.C1 -> T]")) == [
        ("AM108", "`P4.C1` makes no link to `T`", "Did you mean `P4.C1 -> P4`?")]
    assert findings(MAP.replace("P4.C1 -> P4]", "P4.C1 -> T]")) == [("AM108", 20, 27)]


def test_a_node_that_makes_no_link_is_reported():
    text = MAP.replace("[P4.C1 -> P4]", "[T]")
    assert messages(text) == [
        ("AM108", "`T` makes no link: it supports and attacks nothing",
         "Undercut a link that a node makes: a support or an attack.")]


def test_a_free_standing_node_with_several_links_needs_the_arrow():
    text = MAP.replace("[P4.C1 -> P4]", "[P4.C1]") + """\
rebuttals:
  - id: R9
    claim: v
    source: {para: 5}
    attacks: [P4, T]
  - id: R10
    claim: u
    source: {para: 6}
    undercuts: [R9]
"""
    assert messages(text) == [
        ("AM108", "`R9` is ambiguous: it makes 2 links (`R9 -> P4`, `R9 -> T`) and none by "
         "nesting", "Name one as `R9 -> P4`.")]
    assert messages(text.replace("undercuts: [R9]", "undercuts: [R9 -> T]")) == []


def test_an_unknown_node_in_a_link_is_an_unknown_reference():
    assert [c for c, _, _ in messages(MAP.replace("P4.C1 -> P4]", "P4.C2 -> P4]"))] == ["AM102"]


def test_a_link_into_a_map_found_nowhere_is_an_unknown_map():
    # Lint looks for map `x` beyond the files given (AM110); an in-memory lint finds none.
    assert [c for c, _, _ in messages(MAP.replace("[P4.C1 -> P4]", "['x:A -> x:B']"))] == [
        "AM110", "AM110"]


def test_a_link_into_another_map_is_resolved_there():
    text = MAP.replace("[P4.C1 -> P4]", "['o:O1']")
    other = load_text("argmap: 1\nid: o\ntitle: t\nthesis: {id: T, claim: x, source: {para: 1}}"
                      "\nobjections: [{id: O1, claim: y, source: {para: 1}}]\n", "o.yaml")
    result = lint_loaded([load_text(text, "m.yaml"), other], QUIET)
    assert [p.code for p in result.problems] == []
    result = lint_loaded([load_text(text.replace("'o:O1'", "'o:O1 -> o:P1'"), "m.yaml"),
                          other], QUIET)
    assert [p.code for p in result.problems] == ["AM102"]


def test_an_undercut_of_an_undercut_resolves():
    text = MAP + """\
              rebuttals:
                - id: P4.C1.R1.R1
                  claim: v
                  source: {para: 5}
                  undercuts: [P4.C1.R1]
"""
    assert findings(text) == []
    assert findings(text.replace("[P4.C1.R1]", "[P4.C1.R1 -> P4.C1]")) == []
    assert messages(text.replace("[P4.C1.R1]", "[P4.C1.R1 -> P4]")) == [
        ("AM108", "`P4.C1.R1` makes no link to `P4`", "Did you mean `P4.C1.R1 -> P4.C1`?")]


def test_undercuts_naming_each_others_links_in_a_circle_name_none():
    text = HEADER + """\
thesis: {id: T, claim: x, source: {para: 1}}
rebuttals:
  - {id: U1, claim: a, source: {para: 2}, undercuts: [U2]}
  - {id: U2, claim: b, source: {para: 3}, undercuts: [U1]}
"""
    circle = "names a link through undercuts that lead back to this one, so it names none"
    assert [(code, message) for code, message, _ in messages(text)] == [
        ("AM108", f"`U2` {circle}"), ("AM108", f"`U1` {circle}")]
