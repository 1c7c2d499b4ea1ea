"""A node has no source locator.

Readers check a map against its paper: every claim should say where the paper makes
it, by section and paragraph, page or footnote.

Fails:

    - id: P1
      claim: Tech workers organised on GitHub in 2019.

Passes:

    - id: P1
      claim: Tech workers organised on GitHub in 2019.
      source: {section: Counter-power, para: 3}
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM301"
NAME = "missing-locator"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    for node in amap.walk():
        if node.source is None:
            yield Problem(CODE, SEVERITY, node.at("id"),
                          f"{node.kind.value} `{node.id}` has no source locator",
                          "Add `source: {section: ..., para: N}` (or `page:`, `footnote:`).")
