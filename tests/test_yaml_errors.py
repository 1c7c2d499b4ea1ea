"""The common YAML mistakes of a newcomer, each told in argmap's words at the right place."""

from __future__ import annotations

import pytest

from argmap.loader import load_text
from argmap.rules import RULES_BY_CODE

HEAD = "argmap: 1\nid: m\ntitle: t\n"  # three lines, so the mistakes below start at line 4

CASES = {
    "a tab indents a key": (
        "thesis:\n\tid: T\n",
        5, 1, "line 5 is indented with a tab; YAML indents with spaces only",
        "Replace the tab with spaces (two for each level); most editors can be set to "
        "insert spaces for Tab."),
    "a tab indents a list item": (
        "thesis:\n  premises:\n\t- id: P1\n",
        6, 1, "line 6 is indented with a tab; YAML indents with spaces only", None),
    "a tab inside the indentation": (
        "thesis:\n  id: T\n  \tclaim: x\n",
        6, 3, "line 6 is indented with a tab; YAML indents with spaces only", None),
    "a key indented one space less": (
        "thesis:\n  premises:\n    - id: P1\n      claim: x\n     source: {para: 1}\n",
        8, 6, "line 8 is indented 5 spaces, but the keys before it 6",
        "Line it up with the keys around it (6 spaces), or indent it 2 more to nest it "
        "under the line above."),
    "a key indented one space more": (
        "thesis:\n  premises:\n    - id: P1\n      claim: x\n       source: {para: 1}\n",
        8, 8, "line 8 is indented 7 spaces, but the keys before it 6", None),
    "a list item indented less": (
        "thesis:\n  premises:\n    - id: P1\n   - id: P2\n",
        7, 4, "line 7 is indented 3 spaces, but the list items before it 4", None),
    "a list item indented more": (
        "thesis:\n  premises:\n    - id: P1\n      claim: a\n     - id: P2\n",
        8, 6, "line 8 is indented 5 spaces, but the list items before it 4", None),
    "no space after a colon": (
        "thesis:\n  id: T\n  claim:Text here\n  source: {para: 1}\n",
        6, 8, "no space after `claim:` on line 6, so YAML does not read it as a key",
        "Write `claim: ` with a space after the colon."),
    "no space after a dash": (
        "thesis:\n  premises:\n    -id: P1\n     claim: x\n",
        6, 5, "`-` on line 6 is not followed by a space, so it does not start a list item",
        "Write `- ` (a dash and a space) before the item."),
    "a colon and a space inside text": (
        "thesis:\n  id: T\n  claim: Note: this is a claim\n",
        6, 10, "the text of `claim` holds ': ', which YAML reads as another key",
        'Put the text in quotes: `claim: "..."`.'),
    "an unclosed double quote": (
        'thesis:\n  id: T\n  claim: "A claim\n  source: {para: 1}\n',
        6, 10, 'the quote " opened here is never closed', None),
    "an apostrophe in single quotes": (
        "thesis:\n  id: T\n  claim: 'It's here'\n",
        6, 14, "an apostrophe ends the single-quoted text early",
        "Write the apostrophe twice ('It''s here'), or put the text in double quotes."),
    "an unclosed bracket": (
        "thesis:\n  id: T\n  attacks: [O1, O2\n  claim: x\n",
        6, 12, "the `[` opened here is not closed with `]`",
        "Add `]` after the last item on line 6, or quote an item that holds a comma, a "
        "bracket or a brace."),
    "an unclosed brace": (
        "thesis:\n  id: T\n  source: {section: A, para: 1\n  claim: x\n",
        6, 11, "the `{` opened here is not closed with `}`", None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_named_with_its_fix(case):
    text, line, column, message, hint = CASES[case]
    result = load_text(HEAD + text, "m.yaml")
    assert result.map is None
    (problem,) = result.problems
    assert (problem.code, problem.span.line, problem.span.column) == ("AM001", line, column)
    assert problem.message == message
    if hint is not None:
        assert problem.hint == hint


def test_other_syntax_errors_keep_the_parsers_words_and_a_general_hint():
    result = load_text(HEAD + "thesis: {id: T, claim: x}\n--- a\n!!!\n", "m.yaml")
    (problem,) = result.problems
    assert problem.message.startswith("YAML syntax error: ")
    assert problem.hint == "Check indentation, and quote text that contains ': ' or ' #'."


def test_a_hash_after_one_space_in_a_claim_warns_that_the_claim_was_cut():
    result = load_text(HEAD + "thesis:\n  id: T\n  claim: Finland's pupils rank #1 in reading."
                       "\n  note: Two spaces make a comment.  # PISA 2018\n", "m.yaml")
    assert result.map is not None and result.map.thesis.claim == "Finland's pupils rank"
    (notice,) = result.notices
    assert (notice.code, notice.span.line, notice.span.column) == ("AM305", 6, 32)
    assert notice.severity is RULES_BY_CODE["AM305"].severity  # as `argmap rules` says
    assert notice.message == ("the `claim` stops at `Finland's pupils rank`: the rest of the "
                              "line, `#1 in reading.`, is a YAML comment")


def test_quoted_text_keeps_its_hash():
    result = load_text(HEAD + 'thesis:\n  id: T\n  claim: "rank #1 in reading"  # note\n',
                       "m.yaml")
    assert result.notices == ()
