"""A reference names a map that lint cannot find.

A reference `arsene:O1` names map `arsene` by its id. Lint looks for it among the files
linted, in the project's maps folder (`[tool.argmap] maps`, default `./maps`), as
`arsene.yaml` beside the referring file, and among the maps bundled with argmap. The
result is the same whichever files are linted together. Where the map lives elsewhere,
set `maps` in pyproject.toml, or turn the rule off with `--disable AM110`.

Fails (no map `arsen` anywhere):

    attacks: [arsen:O1]

Passes (`arsene` is bundled with argmap):

    attacks: [arsene:O1]
"""

import difflib
from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.am102_unknown_reference import references
from argmap.rules.context import Context

CODE = "AM110"
NAME = "unknown-map"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    known: list[str] | None = None  # sorted only for a hint: a lint run knows many maps
    for _key, ref in references(amap):
        if ref.map is None or ref.map == amap.id or ref.map in context.maps:
            continue
        if context.missing.get(ref.map) is not None:
            continue  # AM106: the file is there but does not load
        if known is None:
            known = sorted(set(context.maps) - {amap.id})
        close = difflib.get_close_matches(ref.map, known, n=1, cutoff=0.5)
        hint = (f"Did you mean `{close[0]}`?" if close else
                f"Maps known: {', '.join(known)}." if known else
                "Lint looks in the maps folder, beside this file and among the bundled maps.")
        yield Problem(CODE, SEVERITY, ref.span, f"`{ref}`: no map `{ref.map}` found", hint)
