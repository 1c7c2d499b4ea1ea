"""A reference into another map could not be checked, because that map was not linted.

This is information, not an error: lint the maps together (`argmap lint maps/`) and the
reference is checked (AM102). A map id that matches none of the maps linted together is
an error when more than one map is linted, since the link then points nowhere (unless a
file in the run failed to load: that file may be the map, so the reference stays
unchecked information).

Fails (as information, when qiu.yaml is linted alone):

    attacks: [arsene:O1]

Passes:

    argmap lint maps/qiu.yaml maps/arsene.yaml
"""

import difflib
from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.am102_unknown_reference import references
from argmap.rules.context import Context

CODE = "AM106"
NAME = "unchecked-reference"
SEVERITY = Severity.INFO


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    others = sorted(set(context.maps) - {amap.id})
    for _key, ref in references(amap):
        if ref.map is None or ref.map == amap.id or ref.map in context.maps:
            continue
        if others and not context.incomplete:
            close = difflib.get_close_matches(ref.map, others, n=1, cutoff=0.5)
            hint = f"Did you mean `{close[0]}`?" if close else \
                f"Maps linted together: {', '.join(others)}."
            yield Problem(CODE, Severity.ERROR, ref.span,
                          f"`{ref}`: no map `{ref.map}` among the maps linted together", hint)
        else:
            hint = ("Fix the files that did not load, and it is checked." if context.incomplete
                    else "Lint the maps together to check it: `argmap lint maps/`.")
            yield Problem(CODE, SEVERITY, ref.span,
                          f"`{ref}` points into map `{ref.map}`, which was not linted with "
                          "this one, so it is not checked", hint)
