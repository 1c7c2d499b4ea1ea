"""Read AIF as AIFdb and OVA write it: JSON with `nodes`, `edges` and `locutions`.

What becomes what:

- I-nodes are claims. An RA node is a support from its premises (two or more are a
  linked group) to each claim it points at; a CA node an attack from each attacker on
  each claim it points at.
- A CA aimed at an RA or at another CA is an undercut: it attacks that inference (the
  support of its first premise, or the attack of its first attacker), written
  `undercuts: [X -> Y]`, where Y is the claim the inference reaches (for a CA aimed at a
  CA aimed at a scheme, the first claim into that scheme).
- Dialogue (L, YA, TA nodes, locutions), rephrases (MA), preferences (PA), unknown node
  types, self-loops, edges to missing nodes and scheme nodes missing a premise or
  conclusion are left out and reported. Nodes with no edges are kept as claims.
- A top-level `argmap` object (written by `argmap export --to aif`) names the map's id,
  title and thesis.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from argmap.importers.graph import Graph, Link, one_line, short
from argmap.loader import NODE_ID
from argmap.model import Relation
from argmap.problem import ArgmapError

DIALOGUE = ("L", "YA", "TA")
_NAMED_ID_MAX = 64
_GENERATED = re.compile(r"[0-9a-fA-F]{8}-|[0-9a-fA-F]{16}")


@dataclass
class _Nodes:
    types: dict[str, str] = field(default_factory=dict)
    incoming: dict[str, list[str]] = field(default_factory=dict)
    outgoing: dict[str, list[str]] = field(default_factory=dict)


def read(text: str, name: str) -> Graph:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArgmapError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}",
                          exit_code=1, hint="AIF files are JSON with `nodes` and `edges`.")\
            from None
    except RecursionError:
        raise ArgmapError(f"{name}: JSON nested too deeply to be an AIF file",
                          exit_code=1) from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise ArgmapError(f"{name}: not an AIF file: no `nodes` list at the top level",
                          exit_code=1,
                          hint="AIF (AIFdb JSON) has `nodes`, `edges` and `locutions`.")
    graph = Graph("AIF")
    nodes = _read_nodes(data["nodes"], graph)
    _read_edges(data.get("edges"), nodes, graph)
    _read_schemes(nodes, graph)
    _read_header(data, graph)
    locutions = data.get("locutions")
    if isinstance(locutions, list) and locutions:
        graph.dropped.append(f"{len(locutions)} locution{'s' if len(locutions) > 1 else ''}: "
                             "argmap maps claims, not the dialogue")
    return graph


def _read_nodes(raw_nodes: list[Any], graph: Graph) -> _Nodes:
    nodes = _Nodes()
    skipped = Counter[str]()
    for raw in raw_nodes:
        node_id = raw.get("nodeID") if isinstance(raw, dict) else None
        kind = raw.get("type") if isinstance(raw, dict) else None
        if not isinstance(node_id, str | int) or isinstance(node_id, bool) \
                or not isinstance(kind, str):
            skipped["node{s} without a nodeID and a type"] += 1
            continue
        key = str(node_id)
        text = raw.get("text")
        text = text if isinstance(text, str) else ""
        if key in nodes.types:
            _repeated(key, kind, text, graph)
            continue
        nodes.types[key] = kind
        if kind == "I":
            graph.claim(key, text, _name(key))
        elif kind in DIALOGUE:
            skipped["dialogue node{s} (L, YA, TA): argmap maps claims, not the dialogue"] += 1
        elif kind == "MA":
            skipped["rephrase node{s} (MA): argmap has no rephrase relation"] += 1
        elif kind == "PA":
            skipped["preference node{s} (PA): argmap has no preferences"] += 1
        elif kind not in ("RA", "CA"):
            skipped[f"node{{s}} of unknown type `{one_line(kind)}`"] += 1
    graph.dropped.extend(_counted(skipped))
    for claim in graph.claims.values():
        if not claim.text:
            claim.text = "(no text)"
            claim.comments.append("This I-node has no text in the source.")
    return nodes


def _counted(counts: Counter[str]) -> list[str]:
    return [f"{count} {what.format(s='' if count == 1 else 's')}"
            for what, count in counts.items()]


def _repeated(key: str, kind: str, text: str, graph: Graph) -> None:
    """A second node with an id already used: edges reach only the first."""
    if kind != "I":
        graph.dropped.append(f"a second {one_line(kind)} node with the nodeID "
                             f"`{one_line(key)}`: left out")
        return
    number = 2
    while f"{key}#{number}" in graph.claims:
        number += 1
    claim = graph.claim(f"{key}#{number}", text)
    claim.comments.append(f"This I-node repeats the nodeID `{one_line(key)}` of an earlier "
                          "node; edges to that id are read as the first node's.")


def _name(node_id: str) -> str | None:
    """AIF ids worth keeping as argmap ids: readable ones such as argmap's own, not the
    numbers of AIFdb and OVA or generated hexadecimal ids."""
    readable = NODE_ID.match(node_id) and not _GENERATED.match(node_id)
    return node_id if readable and len(node_id) <= _NAMED_ID_MAX else None


def _read_edges(raw_edges: Any, nodes: _Nodes, graph: Graph) -> None:
    skipped = Counter[str]()
    seen: set[tuple[str, str]] = set()
    for raw in raw_edges if isinstance(raw_edges, list) else ():
        ends = (raw.get("fromID"), raw.get("toID")) if isinstance(raw, dict) else (None, None)
        if not all(isinstance(end, str | int) and not isinstance(end, bool) for end in ends):
            skipped["edge{s} without a fromID and a toID"] += 1
            continue
        source, target = str(ends[0]), str(ends[1])
        if source not in nodes.types or target not in nodes.types:
            skipped["edge{s} to or from a node that is not in the file"] += 1
        elif source == target:
            skipped["edge{s} from a node to itself"] += 1
        elif nodes.types[source] == "I" and nodes.types[target] == "I":
            skipped["edge{s} straight from one I-node to another (AIF needs an RA or CA "
                    "between them)"] += 1
        elif (source, target) not in seen:
            seen.add((source, target))
            nodes.outgoing.setdefault(source, []).append(target)
            nodes.incoming.setdefault(target, []).append(source)
    graph.dropped.extend(_counted(skipped))


def _read_schemes(nodes: _Nodes, graph: Graph) -> None:
    for key, kind in nodes.types.items():
        if kind == "RA":
            _inference(key, nodes, graph)
        elif kind == "CA":
            _conflict(key, nodes, graph)


def _claims(keys: list[str], nodes: _Nodes) -> list[str]:
    return [key for key in keys if nodes.types[key] == "I"]


def _inference(key: str, nodes: _Nodes, graph: Graph) -> None:
    premises = _claims(nodes.incoming.get(key, []), nodes)
    conclusions = _claims(nodes.outgoing.get(key, []), nodes)
    if not premises or not conclusions:
        missing = "premise" if not premises else "conclusion"
        graph.dropped.append(f"RA node `{one_line(key)}` has no {missing}: left out")
        return
    for conclusion in conclusions:
        graph.links.append(Link(tuple(premises), conclusion, Relation.SUPPORT))


def _conflict(key: str, nodes: _Nodes, graph: Graph) -> None:
    attackers = _claims(nodes.incoming.get(key, []), nodes)
    targets = nodes.outgoing.get(key, [])
    if not attackers or not targets:
        missing = "attacker" if not attackers else "target"
        graph.dropped.append(f"CA node `{one_line(key)}` has no {missing}: left out")
        return
    for target in targets:
        kind = nodes.types[target]
        if kind == "I":
            graph.links.extend(Link((a,), target, Relation.ATTACK) for a in attackers)
        elif kind in ("RA", "CA") and _ends(target, nodes) is not None:
            source, far = _ends(target, nodes)  # type: ignore[misc]
            graph.links.extend(Link((a,), source, Relation.ATTACK, undercut=far)
                               for a in attackers)
        else:
            aimed = _describe(target, nodes, graph)
            graph.dropped.append(f"CA node `{one_line(key)}` attacks {aimed}: argmap "
                                 "attacks claims only, so it is left out")
            for attacker in attackers:
                graph.claims[attacker].comments.append(
                    f"In the source this attacked {aimed}, which argmap cannot express: "
                    "that attack is left out.")


def _describe(key: str, nodes: _Nodes, graph: Graph) -> str:
    """A scheme node for a message: `the conflict 40 ('A' against 'B')`."""
    kind = nodes.types[key]
    names = {"CA": "conflict", "MA": "rephrase", "PA": "preference"}
    ends = [short(graph.claims[k].text, 30) for k in
            (*_claims(nodes.incoming.get(key, []), nodes),
             *_claims(nodes.outgoing.get(key, []), nodes))]
    between = f" ({' against '.join(ends)})" if kind == "CA" and len(ends) == 2 else ""
    return f"the {names.get(kind, one_line(kind))} node `{one_line(key)}`{between}"


def _ends(scheme: str, nodes: _Nodes) -> tuple[str, str] | None:
    """The link a scheme node stands for: its first claim in, and the claim it reaches.

    A CA aimed at a scheme reaches that scheme's own first claim in, which is how
    `undercuts:` names an undercut of an undercut.
    """
    sources = _claims(nodes.incoming.get(scheme, []), nodes)
    targets = nodes.outgoing.get(scheme, [])
    if not sources or not targets:
        return None
    target = targets[0]
    if nodes.types[target] == "I":
        return sources[0], target
    if nodes.types[target] in ("RA", "CA"):
        inner = _claims(nodes.incoming.get(target, []), nodes)
        return (sources[0], inner[0]) if inner else None
    return None


def _read_header(data: dict[str, Any], graph: Graph) -> None:
    own = data.get("argmap")
    if not isinstance(own, dict):
        return
    if isinstance(own.get("title"), str):
        graph.title = one_line(own["title"])
    if isinstance(own.get("id"), str):
        graph.map_id = own["id"]
    if isinstance(own.get("thesis"), str) and own["thesis"] in graph.claims:
        graph.thesis = own["thesis"]
