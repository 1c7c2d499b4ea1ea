"""A claim is empty, or starts or ends with spaces or blank lines.

An empty claim shows as a blank box; padding usually means a YAML block scalar (`|`)
kept a trailing newline, which then shows up in every export.

Fails:

    claim: ""
    claim: "  Data power is contested. "

Passes:

    claim: Data power is contested.
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM303"
NAME = "claim-whitespace"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    for node in amap.walk():
        if not node.claim.strip():
            yield Problem(CODE, SEVERITY, node.at("claim"), f"claim of `{node.id}` is empty",
                          "Write the node's claim.")
        elif node.claim != node.claim.strip():
            yield Problem(CODE, SEVERITY, node.at("claim"),
                          f"claim of `{node.id}` starts or ends with white space",
                          "Remove the spaces; for a `|` or `>` block use `|-` or `>-`.")
