import re

from argmap.rules import RULES


def test_codes_and_names_are_unique_and_well_formed():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"AM\d{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)


def test_every_rule_documents_a_failing_and_a_passing_example():
    for rule in RULES:
        assert "Fails" in rule.doc and "Passes" in rule.doc, rule.code
