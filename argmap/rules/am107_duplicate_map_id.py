"""Two map files linted together have the same map id.

Cross-map references (`arsene:O1`) name maps by id, so ids must differ between the
files linted together.

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
    first = context.maps.get(amap.id)
    if first is not None and first.path != amap.path:
        yield Problem(CODE, SEVERITY, amap.spans.get("id", amap.span),
                      f"map id `{amap.id}` is already used by {first.path}",
                      "Give each map its own id; references like `ID:P1` need it.")
