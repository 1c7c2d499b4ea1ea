"""A node's computed label differs from its `expect:`.

`expect: in`, `out` or `undecided` records the label the map's author holds a node to
have. Lint computes the grounded labelling (docs/semantics.md) and reports every node
whose label differs, at its `expect:` line. Maps linted together are evaluated together,
so a cross-map `attacks:` counts when both maps are linted in the same run. A node marked
`granted: true` is expected in unless its `expect:` says otherwise.

Fails: O1 is attacked by O1.C1, which nothing attacks, so O1 is out, not in.

    objections:
      - id: O1
        claim: China is an AI superpower.
        expect: in
        counterexamples:
          - id: O1.C1
            claim: The 2019 Hong Kong protests defied the surveillance it relies on.

Passes: the same map with `expect: out` on O1.
"""

from collections.abc import Iterator

from argmap.explanation import why
from argmap.model import ArgMap, Label
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.semantics import shared_evaluation

CODE = "AM401"
NAME = "expect-mismatch"
SEVERITY = Severity.ERROR


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    evaluation = shared_evaluation(amap, context.maps)
    for node in amap.walk():
        expect = node.expect or (Label.IN if node.granted else None)
        if expect is None:
            continue
        key = evaluation.key(amap.id, node.id)
        label = evaluation.labels[key]
        if label is not expect:
            said = f"`expect:` says {expect.value}" if node.expect else "it is granted"
            yield Problem(
                CODE, SEVERITY, node.at("expect" if node.expect else "granted"),
                f"`{node.id}` is {label.value}, but {said}: "
                f"{why(evaluation, key, amap.id)}",
                f"Run `argmap explain {amap.path} {node.id}` to see why; fix the map or "
                "the expectation.")
