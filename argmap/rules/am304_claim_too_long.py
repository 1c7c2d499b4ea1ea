"""A claim is too long to read on a slide (over 40 words by default).

Claims paraphrase; a reader takes in a diagram node at a glance. Chinese and Japanese
text is measured by reading time: 1.12 characters read like one English word (about 255
characters and 228 words a minute), so 40 words allow about 45 characters; Korean counts
by words. Set the limit with `claim-max-words` under `[tool.argmap]` in pyproject.toml.

Fails: a claim of 41 words or more.

Passes:

    claim: Tech workers used GitHub in 2019 to protest the 996 overtime culture.
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.text import length

CODE = "AM304"
NAME = "claim-too-long"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    limit = context.settings.claim_max_words
    for node in amap.walk():
        size = length(node.claim)
        if size.reading_words > limit:
            yield Problem(CODE, SEVERITY, node.at("claim"),
                          f"claim of `{node.id}` {size.describe()}, more than {limit}",
                          "Shorten it to what fits on a slide; move detail to `note:`.")
