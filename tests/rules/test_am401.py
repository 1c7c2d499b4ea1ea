from argmap import semantics
from argmap.config import Settings
from argmap.lint import lint_loaded, lint_paths
from argmap.loader import load_text
from argmap.problem import Severity
from tests.conftest import BUNDLED, HEADER, findings

MAP = HEADER + """\
thesis:
  id: T
  claim: x
  source: {para: 1}
  expect: in
objections:
  - id: O1
    claim: y
    source: {para: 2}
    expect: out
    counterexamples:
      - id: O1.C1
        claim: z
        source: {para: 3}
"""


def test_expectations_that_hold_pass():
    assert findings(MAP) == []


def test_a_wrong_expectation_is_an_error_at_the_expect_line_saying_why():
    loaded = load_text(MAP.replace("expect: out", "expect: in"), "m.yaml")
    [problem] = lint_loaded([loaded], Settings()).problems
    assert (problem.code, problem.severity, problem.span.line, problem.span.column) == \
        ("AM401", Severity.ERROR, 13, 13)
    assert problem.message == ("`O1` is defeated, but `expect: in` says it stands: attacked by "
                               "`O1.C1`, which stands")
    assert "argmap explain m.yaml O1" in (problem.hint or "")


def test_undecided_expectation_in_an_attack_cycle_holds():
    cycle = MAP.replace("expect: out", "expect: undecided").replace(
        "        source: {para: 3}\n", "        source: {para: 3}\n        attacks: [O1.R1]\n"
    ) + "    rebuttals:\n      - {id: O1.R1, claim: w, source: {para: 4}, attacks: [O1.C1]}\n"
    assert [c for c, _, _ in findings(cycle)] == ["AM401"]  # T: undecided, expected in
    assert findings(cycle.replace("  expect: in\n", "  expect: undecided\n", 1)) == []


CRITIC = """\
argmap: 1
id: critic
title: t
thesis: {id: T, claim: x, source: {para: 1}, attacks: ['m:O1.C1']}
"""


def test_attacks_from_a_map_linted_together_count():
    alone = lint_loaded([load_text(MAP, "m.yaml")], Settings())
    together = lint_loaded([load_text(MAP, "m.yaml"), load_text(CRITIC, "c.yaml")], Settings())
    assert list(alone.problems) == []
    assert [(p.code, p.span.path, p.span.line) for p in together.problems] == [
        ("AM401", "m.yaml", 8), ("AM401", "m.yaml", 13)]


def test_lint_evaluates_once_per_run_for_every_rule_and_map(monkeypatch):
    calls = []
    original = semantics.evaluate

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(semantics, "evaluate", counting)
    lint_loaded([load_text(MAP, "m.yaml"), load_text(CRITIC, "c.yaml")], Settings())
    assert len(calls) == 1


def test_bundled_maps_meet_their_expectations():
    result = lint_paths([BUNDLED], Settings())
    assert [(p.span, p.message) for p in result.problems if p.code in ("AM401", "AM402")] == []
