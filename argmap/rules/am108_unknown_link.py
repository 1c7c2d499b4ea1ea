"""An undercut names a link that does not exist.

Each item of `undercuts:` names an inference: `X` is the link X makes by where it sits
(a premise's support for the node above it, a counterexample's or rebuttal's attack on
it, an objection's attack on the thesis), or X's one declared link when it sits nowhere;
`X -> Y` is X's link to Y. The finding says which links X does make. A node with several
declared links and no place in the tree needs `X -> Y` to say which one is meant.
Undercuts that name each other's links in a circle name no link at all.

Fails:

    - id: P4.C1.R1
      claim: Their failure does not show that data power has prevailed.
      undercuts: [P4.C1 -> P9]      # P4.C1 attacks P4, not P9

Passes:

    - id: P4.C1.R1
      claim: Their failure does not show that data power has prevailed.
      undercuts: [P4.C1 -> P4]
"""

import difflib
from collections.abc import Iterator

from argmap.links import Failure, links_for
from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM108"
NAME = "unknown-link"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    links = links_for(amap, context.maps)
    for node in amap.walk():
        for ref, resolved in links.undercuts_of((amap.id, node.id)):
            names = [link.name(amap.id) for link in resolved.candidates]
            if resolved.failure is Failure.AMBIGUOUS:
                yield Problem(CODE, SEVERITY, ref.span,
                              f"`{ref}` is ambiguous: it makes {len(names)} links "
                              f"({', '.join(f'`{n}`' for n in names)}) and none by nesting",
                              f"Name one as `{names[0]}`.")
            elif resolved.failure is Failure.CIRCULAR:
                yield Problem(CODE, SEVERITY, ref.span,
                              f"`{ref}` names a link through undercuts that lead back to "
                              "this one, so it names none",
                              "Undercut a support or an attack, or an undercut of one.")
            elif resolved.failure is Failure.NO_LINK:
                if ref.target is None:
                    message = f"`{ref}` makes no link: it supports and attacks nothing"
                else:
                    message = f"`{ref.source}` makes no link to `{ref.target}`"
                close = difflib.get_close_matches(str(ref), names, n=1, cutoff=0.5)
                hint = f"Did you mean `{close[0]}`?" if close else (
                    f"Its links: {', '.join(f'`{n}`' for n in names)}." if names else
                    "Undercut a link that a node makes: a support or an attack.")
                yield Problem(CODE, SEVERITY, ref.span, message, hint)
