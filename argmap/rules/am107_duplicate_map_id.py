"""Two map files have the same map id.

Cross-map references (`arsene:O1`) name maps by id, so each id must belong to one file
among the files linted together, and among the maps in the project's maps folder. A map
of the maps folder is reported whichever of the files sharing its id is linted; a copy
outside the folder is compared only with the files linted with it.

Fails: `maps/a.yaml` and `maps/b.yaml` both saying `id: qiu`.

Passes: each file with its own id, usually its file name (`id: qiu` in `qiu.yaml`).
"""

from collections.abc import Iterator

from argmap.model import ArgMap
from argmap.problem import Problem, Severity
from argmap.rules.context import Context

CODE = "AM107"
NAME = "duplicate-map-id"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    inside = amap.path in context.project
    others = [path for path in context.files.get(amap.id, ()) if path != amap.path
              and (path in context.run or (inside and path in context.project))]
    if others:
        yield Problem(CODE, SEVERITY, amap.spans.get("id", amap.span),
                      f"map id `{amap.id}` is also used by {', '.join(others)}",
                      "Give each map its own id; references like `ID:P1` need it.")
