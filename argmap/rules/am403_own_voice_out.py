"""A claim in the author's own voice is out, and the map does not say it should be.

The thesis, its premises at any depth, and the author's rebuttals are the author's
voice; a counterexample is raised against the node it sits under, so it and its premises
are not, while a rebuttal answering it is the author's again. Free-standing rebuttals are
the author's. Objections, and everything nested in them, are someone else's view and are
left alone. An author's claim that evaluates out
(grounded) usually means the map attacks what the author affirms: answer the attack,
or mark the claim `granted` and undercut the inference the attacker draws from it
instead; if the author really gives the claim up, say so with `expect: out`.

Fails: the author's rebuttal R1 is defeated by the counterexample under it.

    premises:
      - id: P4
        claim: Counter-power persists.
        counterexamples:
          - id: P4.C1
            claim: The activists failed.
            rebuttals:
              - id: P4.C1.R1
                claim: They failed.
                counterexamples:
                  - id: P4.C1.R1.C1
                    claim: They did not all fail.

Passes: the same with `expect: out` on P4.C1.R1, or with P4.C1.R1.C1 answered.
"""

from collections.abc import Iterator

from argmap.model import ArgMap, Kind, Label, Node
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.semantics import shared_evaluation

CODE = "AM403"
NAME = "own-voice-out"
SEVERITY = Severity.WARNING


def own_voice(amap: ArgMap) -> Iterator[Node]:
    """The nodes in the author's voice, in document order."""
    stack = [(root, root.kind is not Kind.COUNTEREXAMPLE) for root in reversed(
        (amap.thesis, *amap.counterexamples, *amap.rebuttals))]
    while stack:
        node, author = stack.pop()
        if author:
            yield node
        for child in reversed(node.children):
            voice = {Kind.PREMISE: author, Kind.COUNTEREXAMPLE: False}.get(child.kind, True)
            stack.append((child, voice))


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    evaluation = shared_evaluation(amap, context.maps)
    for node in own_voice(amap):
        if node.expect is not None or node.held_by is not None:
            continue
        if evaluation.labels.get(evaluation.key(amap.id, node.id)) is Label.OUT:
            yield Problem(CODE, SEVERITY, node.at("id"),
                          f"{node.kind.value} `{node.id}` is the author's claim, but it is "
                          "out",
                          "Answer it, undercut the inference, or mark it `expect: out`.")
