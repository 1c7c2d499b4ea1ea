"""A claim stands although every reason given for it is out.

Support does not change a label (docs/semantics.md), but a claim whose premises have
all been defeated has lost its grounds. A convergent premise fails when it is out; a
linked group fails when any of its members is out, since co-premises support only
together. A premise whose support is undercut by a node that stands fails too. A claim
is reported when it has premises or `supports:` pointing at it, every one of them has
failed, and the claim itself is not out.

Fails: P1's only premise, P1.1, is defeated by the rebuttal P1.1.R1.

    premises:
      - id: P1
        claim: Workers resist.
        premises:
          - id: P1.1
            claim: They organised on GitHub.
            rebuttals:
              - id: P1.1.R1
                claim: The campaign was run from abroad.

Passes: give P1 another premise that stands, or answer the rebuttal.
"""

from collections.abc import Iterator

from argmap.explanation import standing
from argmap.model import ArgMap, Label, Relation
from argmap.problem import Problem, Severity
from argmap.rules.context import Context
from argmap.semantics import Evaluation, shared_evaluation

CODE = "AM402"
NAME = "unsupported"
SEVERITY = Severity.WARNING


def check(amap: ArgMap, context: Context) -> Iterator[Problem]:
    evaluation = shared_evaluation(amap, context.maps)
    if not evaluation.unsupported:
        return
    reported: set[str] = set()
    for node in amap.walk():
        key = evaluation.key(amap.id, node.id)
        if key not in evaluation.unsupported or key in reported:
            continue
        reported.add(key)
        yield Problem(
            CODE, SEVERITY, node.at("premises"),
            f"`{node.id}` is {evaluation.labels[key].value}, but none of its reasons "
            f"stands: {failures(evaluation, key, amap.id)}",
            "Answer the attacks on its premises, give a reason that stands, or drop the "
            "claim if the author's case for it fails.")


def failures(evaluation: Evaluation, key: str, map_id: str) -> str:
    """Why each reason failed: `P1` is out; `P2` + `P3` (linked) fail as `P3` is out."""
    undercut = {link.source: link for link in evaluation.links
                if link.relation is Relation.SUPPORT and link.target == key
                and link.counts is Label.OUT}
    parts = []
    for reason in evaluation.reasons[key]:
        names = [f"`{evaluation.name(member, map_id)}`" for member in reason]
        out = [name for name, member in zip(names, reason, strict=True)
               if evaluation.labels[member] is Label.OUT]
        cut = [name for name, member in zip(names, reason, strict=True)
               if member in undercut and evaluation.labels[member] is not Label.OUT]
        if len(reason) == 1 and evaluation.labels[reason[0]] is not Label.OUT:
            by = standing(evaluation, undercut[reason[0]])
            parts.append(f"the support of {names[0]} is undercut by "
                         + ", ".join(f"`{evaluation.name(u, map_id)}`" for u in by))
        elif len(reason) == 1:
            parts.append(f"{names[0]} is out")
        else:
            why = [f"{', '.join(out)} {'is' if len(out) == 1 else 'are'} out"] if out else []
            why += [f"the support of {name} is undercut" for name in cut]
            parts.append(f"{' + '.join(names)} (linked) fail as {' and '.join(why)}")
    return "; ".join(parts)
