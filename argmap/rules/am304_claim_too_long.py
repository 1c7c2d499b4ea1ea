"""A claim is too long to read on a slide (over 40 words by default).

Claims paraphrase; a reader takes in a diagram node at a glance. Chinese, Japanese and
Korean characters count one word each. Set the limit with `claim-max-words` under
`[tool.argmap]` in pyproject.toml.

Fails: a claim of 41 words or more.

Passes:

    claim: Tech workers used GitHub in 2019 to protest the 996 overtime culture.
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.text import word_count

CODE = "AM304"
NAME = "claim-too-long"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    limit = context.settings.claim_max_words
    for node in amap.walk():
        words = word_count(node.claim)
        if words > limit:
            yield Problem(CODE, SEVERITY, node.at("claim"),
                          f"claim of `{node.id}` has {words} words, more than {limit}",
                          "Shorten it to what fits on a slide; move detail to `note:`.")
