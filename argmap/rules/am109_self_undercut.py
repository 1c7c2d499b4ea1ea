"""A node undercuts its own link.

A node that attacks its own inference defeats it whenever it stands, so the link could
never count: almost always a typo for the link of the node it answers, such as its
parent.

Fails:

    - id: P4.C1
      claim: The Hong Kong activists generally failed to stop the surveillance.
      undercuts: [P4.C1]

Passes:

    - id: P4.C1
      claim: The Hong Kong activists generally failed to stop the surveillance.
      rebuttals:
        - id: P4.C1.R1
          claim: Their failure does not show that data power has prevailed.
          undercuts: [P4.C1]
"""

from collections.abc import Iterator

from argmap.links import links_for
from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM109"
NAME = "self-undercut"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    links = links_for(amap, context.maps)
    for node in amap.walk():
        for ref, resolved in links.undercuts_of((amap.id, node.id)):
            if resolved.link is not None and resolved.link.source == (amap.id, node.id):
                yield Problem(CODE, SEVERITY, ref.span, f"`{node.id}` undercuts its own link "
                              f"`{resolved.link.name(amap.id)}`",
                              "Name the link of the node it answers instead.")
