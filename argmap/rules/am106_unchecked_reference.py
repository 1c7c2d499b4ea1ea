"""A reference into another map could not be checked: that map's file does not load.

A reference `arsene:O1` is checked against map `arsene` (AM102) wherever lint finds it:
among the files linted, in the project's maps folder, beside the referring file, or
among the maps bundled with argmap (docs/finding-maps.md). When the
file that should hold the map is there but does not load, the reference cannot be
checked yet; that file's own findings say why. A map found nowhere is AM110.

Fails (as information, while maps/arsene.yaml has a YAML syntax error):

    attacks: [arsene:O1]

Passes, once maps/arsene.yaml loads and has a node O1:

    attacks: [arsene:O1]
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.am102_unknown_reference import references
from argmap.rules.context import Context

CODE = "AM106"
NAME = "unchecked-reference"
SEVERITY = Severity.INFO


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    for _key, ref in references(amap):
        if ref.map is None or ref.map == amap.id or ref.map in context.maps:
            continue
        broken = context.missing.get(ref.map)
        if broken is not None:
            yield Problem(CODE, SEVERITY, ref.span,
                          f"`{ref}` points into map `{ref.map}`, but {broken} does not load, "
                          "so it is not checked",
                          f"Fix {broken} (`argmap lint {broken}` says what is wrong).")
