"""A quote is longer than 25 words.

A `quote` holds the author's exact words where they matter: a definition, a figure, a
striking phrase. Longer passages belong in the claim, paraphrased. Chinese and Japanese
quotes are measured by reading time, as for AM304 (about 28 characters for 25 words).

Fails: a `quote:` of 26 words or more.

Passes:

    quote: "China represents a very different kind of fetish"
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.text import length

CODE = "AM302"
NAME = "quote-too-long"
SEVERITY = Severity.ERROR
MAX_WORDS = 25


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    for node in amap.walk():
        if node.quote is not None:
            size = length(node.quote)
            if size.reading_words > MAX_WORDS:
                yield Problem(CODE, SEVERITY, node.at("quote"),
                              f"quote of `{node.id}` {size.describe()}, more than "
                              f"{MAX_WORDS}",
                              "Quote only the words that matter; paraphrase the rest in the "
                              "claim.")
