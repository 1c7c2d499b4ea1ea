"""A node attacks itself.

A claim listed in its own `attacks:` is defeated by itself under every semantics and
is almost always a typo for another id.

Fails:

    - id: O1.C1
      claim: The protests defied surveillance.
      attacks: [O1.C1]

Passes:

    - id: O1.C1
      claim: The protests defied surveillance.
      attacks: [O2]
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM104"
NAME = "self-attack"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    for node in amap.walk():
        for ref in node.attacks:
            if ref.id == node.id and ref.map in (None, amap.id):
                yield Problem(CODE, SEVERITY, ref.span, f"`{node.id}` attacks itself",
                              "Name the node it should attack instead.")
