from argmap.config import Settings
from tests.conftest import HEADER, findings

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
              counterexamples:
                - id: P4.C1.R1.C1
                  claim: v
                  source: {para: 5}
"""
ON = Settings()


def own(text: str) -> list[tuple[str, int, int]]:
    return [f for f in findings(text, settings=ON) if f[0] == "AM403"]


def test_the_authors_claims_that_are_out_are_reported_at_their_ids():
    # P4.C1.R1 falls to P4.C1.R1.C1, so P4.C1 stands and defeats the premise P4.
    assert own(MAP) == [("AM403", 9, 11), ("AM403", 17, 19)]


def test_expect_out_silences_it():
    assert own(MAP.replace("claim: w", "claim: w\n              expect: out")) == [
        ("AM403", 9, 11)]


def test_a_counterexample_and_anything_in_an_objection_is_not_the_authors_voice():
    text = MAP.replace("              counterexamples:\n                - id: P4.C1.R1.C1\n"
                       "                  claim: v\n                  source: {para: 5}\n", "")
    assert own(text) == []  # P4.C1 is out, but it is not the author's
    objection = HEADER + """\
thesis: {id: T, claim: x, source: {para: 1}}
objections:
  - id: O1
    claim: y
    source: {para: 2}
    rebuttals:
      - id: O1.R1
        claim: z
        source: {para: 3}
        rebuttals:
          - {id: O1.R1.R1, claim: w, source: {para: 4}}
"""
    assert own(objection) == [("AM403", 4, 14)]  # the thesis, not O1.R1.R1


def test_an_undercut_instead_of_an_attack_keeps_the_premise_in():
    text = MAP.replace("              counterexamples:\n                - id: P4.C1.R1.C1\n"
                       "                  claim: v\n                  source: {para: 5}\n", "")
    text = text.replace("claim: w", "claim: w\n              undercuts: [P4.C1]")
    assert own(text) == []
    assert own(text.replace("undercuts: [P4.C1]", "attacks: [P4]")) == [("AM403", 9, 11)]
