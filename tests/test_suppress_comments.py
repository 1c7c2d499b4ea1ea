"""Suppression comments: anywhere among a node's own keys, and never a silent typo."""

from __future__ import annotations

from tests.conftest import findings

MAP = """\
argmap: 1
id: m
title: t
thesis:
  id: T
  claim: A thesis.  # argmap: disable=AM301
  premises:
    - id: P1
      claim: A premise.
"""


def test_a_comment_on_the_claim_line_covers_the_node_reported_at_its_id():
    assert ("AM301", 5, 3) not in findings(MAP)
    assert ("AM301", 8, 11) in findings(MAP)  # the premise is a node of its own


def test_it_does_not_reach_into_the_nodes_under_it():
    text = MAP.replace("  claim: A thesis.  # argmap: disable=AM301",
                       "  claim: A thesis.  # argmap: disable=missing-locator")
    assert [f for f in findings(text) if f[0] == "AM301"] == [("AM301", 8, 11)]


def test_a_code_that_is_no_rule_is_reported_where_it_is_written():
    text = MAP.replace("disable=AM301", "disable=AM301,AM3O1")
    assert ("AM007", 6, 45) in findings(text)
