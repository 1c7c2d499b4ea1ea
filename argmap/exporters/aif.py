"""AIF as AIFdb writes it: JSON with `nodes`, `edges` and `locutions`.

Every claim is an I-node whose `nodeID` is its argmap id. Every support is an RA node
(a `linked` group of co-premises shares one RA, with one edge from each premise), every
attack a CA node from the attacker to the target claim. argmap has no attacks on
inferences, so no CA points at an RA (docs/interop.md). Scheme-node and edge ids hold a
colon (`ra:1`, `ca:1`, `e:1`), which argmap ids cannot, so they never collide with a
claim's id. A top-level `argmap` object records the map's id, title and thesis so
`argmap import` gets them back; AIF readers ignore keys they do not know.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.exporters import Export
from argmap.exporters.common import relations, unsaid
from argmap.model import ArgMap

RA_TEXT = "Default Inference"
CA_TEXT = "Default Conflict"


def export(amap: ArgMap) -> Export:
    found = relations(amap, "AIF")
    nodes: list[dict[str, Any]] = [
        {"nodeID": node.id, "text": node.claim, "type": "I"} for node in amap.walk()
    ]
    edges: list[dict[str, Any]] = []

    def link(source: str, target: str) -> None:
        edges.append({"edgeID": f"e:{len(edges) + 1}", "fromID": source, "toID": target,
                      "formEdgeID": None})

    for number, inference in enumerate(found.inferences, start=1):
        scheme = f"ra:{number}"
        nodes.append({"nodeID": scheme, "text": RA_TEXT, "type": "RA"})
        for premise in inference.premises:
            link(premise, scheme)
        link(scheme, inference.conclusion)
    for number, conflict in enumerate(found.conflicts, start=1):
        scheme = f"ca:{number}"
        nodes.append({"nodeID": scheme, "text": CA_TEXT, "type": "CA"})
        link(conflict.attacker, scheme)
        link(scheme, conflict.target)
    document = {
        "nodes": nodes,
        "edges": edges,
        "locutions": [],
        "argmap": {"version": 1, "id": amap.id, "title": amap.title,
                   "thesis": amap.thesis.id},
    }
    notes = [*found.notes, *unsaid(amap, "AIF", kept=())]
    return Export(json.dumps(document, ensure_ascii=False, indent=2) + "\n", tuple(notes))
