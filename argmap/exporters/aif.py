"""AIF as AIFdb writes it: JSON with `nodes`, `edges` and `locutions`.

Every claim is an I-node whose `nodeID` is its argmap id. Every support is an RA node
(a `linked` group of co-premises shares one RA, with one edge from each premise), every
attack a CA node from the attacker to the target claim. An undercut is a CA node from
the undercutter to the RA or CA node of the link it attacks (for a co-premise, its
group's RA); an undercut of an undercut targets that undercut's CA (docs/interop.md).
Scheme-node and edge ids hold a colon (`ra:1`, `ca:1`, `e:1`), which argmap ids cannot,
so they never collide with a claim's id. A top-level `argmap` object records the map's
id, title and thesis so `argmap import` gets them back; AIF readers ignore keys they do
not know.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.exporters import Export
from argmap.exporters.common import relations, unsaid
from argmap.links import Link, Links
from argmap.model import ArgMap, Relation

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

    schemes: dict[tuple[str, str, Relation], str] = {}
    for number, inference in enumerate(found.inferences, start=1):
        scheme = f"ra:{number}"
        nodes.append({"nodeID": scheme, "text": RA_TEXT, "type": "RA"})
        for premise in inference.premises:
            link(premise, scheme)
            schemes.setdefault((premise, inference.conclusion, Relation.SUPPORT), scheme)
        link(scheme, inference.conclusion)
    for number, conflict in enumerate(found.conflicts, start=1):
        scheme = f"ca:{number}"
        nodes.append({"nodeID": scheme, "text": CA_TEXT, "type": "CA"})
        link(conflict.attacker, scheme)
        link(scheme, conflict.target)
        schemes.setdefault((conflict.attacker, conflict.target, Relation.ATTACK), scheme)
    count = len(found.conflicts)
    for undercut, target in _undercuts(amap, schemes, count, found.notes):
        count += 1
        scheme = f"ca:{count}"
        nodes.append({"nodeID": scheme, "text": CA_TEXT, "type": "CA"})
        link(undercut, scheme)
        link(scheme, target)
    document = {
        "nodes": nodes,
        "edges": edges,
        "locutions": [],
        "argmap": {"version": 1, "id": amap.id, "title": amap.title,
                   "thesis": amap.thesis.id},
    }
    notes = [*found.notes, *unsaid(amap, "AIF", kept=())]
    return Export(json.dumps(document, ensure_ascii=False, indent=2) + "\n", tuple(notes))


def _undercuts(amap: ArgMap, schemes: dict[tuple[str, str, Relation], str], conflicts: int,
               notes: list[str]) -> list[tuple[str, str]]:
    """(undercutter, scheme node of the link it attacks); the CAs follow `conflicts` others."""
    links = Links({amap.id: amap})
    by_link: dict[Link, str] = {}

    def scheme_of(link: Link) -> str | None:
        if isinstance(link.target, Link):
            return by_link.get(link)
        if link.source[0] != amap.id or link.target[0] != amap.id:
            return None
        return schemes.get((link.source[1], link.target[1], link.relation))

    found: list[tuple[str, str]] = []
    pending = [link for link in links.all() if link.relation is Relation.UNDERCUT]
    while pending:
        later = []
        for undercut in pending:
            assert isinstance(undercut.target, Link)
            target = scheme_of(undercut.target)
            if target is None:
                later.append(undercut)
                continue
            by_link[undercut] = f"ca:{conflicts + len(found) + 1}"
            found.append((undercut.source[1], target))
        if len(later) == len(pending):
            for left in later:
                assert isinstance(left.target, Link)
                notes.append(f"`{left.source[1]}` undercuts `{left.target.name(amap.id)}`, a "
                             "link not in this AIF document (see above): left out")
            break
        pending = later
    return found
