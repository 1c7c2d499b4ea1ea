"""A quote is longer than 25 words.

A `quote` holds the author's exact words where they matter: a definition, a figure, a
striking phrase. Longer passages belong in the claim, paraphrased.

Fails: a `quote:` of 26 words or more.

Passes:

    quote: "China represents a very different kind of fetish"
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.text import word_count

CODE = "AM302"
NAME = "quote-too-long"
SEVERITY = Severity.ERROR
MAX_WORDS = 25


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    for node in amap.walk():
        if node.quote is not None:
            words = word_count(node.quote)
            if words > MAX_WORDS:
                yield Problem(CODE, SEVERITY, node.at("quote"),
                              f"quote of `{node.id}` has {words} words, more than {MAX_WORDS}",
                              "Quote only the words that matter; paraphrase the rest in the "
                              "claim.")
