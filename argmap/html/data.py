"""What a page knows about each node, as plain data for its script.

Built from the model and the evaluation, never from the drawing: the page's outline,
details and search read this, and the drawing only says which node was clicked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from argmap.explanation import why
from argmap.model import ArgMap, Kind, Label, Node
from argmap.semantics import Evaluation

STATUS_WORDS = {Label.IN: "stands", Label.OUT: "defeated", Label.UNDECIDED: "undecided"}
ROLE = {Kind.THESIS: "thesis", Kind.PREMISE: "supports", Kind.OBJECTION: "objects",
        Kind.COUNTEREXAMPLE: "counterexample", Kind.REBUTTAL: "rebuts"}
#: A link to another map's page: (map id, node id) -> an href, or None if it has no page.
Linker = Callable[[str, str], str | None]


def page_data(amap: ArgMap, evaluation: Evaluation | None, linker: Linker) -> dict[str, Any]:
    """The map and every node, in document order, with status and links resolved."""
    return {
        "map": {"id": amap.id, "title": amap.title, "byline": byline(amap),
                "summary": " ".join(amap.summary.split()) if amap.summary else None},
        "roots": [root.id for root in amap.roots],
        "nodes": list(_nodes(amap, evaluation, linker, qualified=False)),
    }


def atlas_data(maps: Sequence[ArgMap], evaluation: Evaluation | None, linker: Linker,
               title: str) -> dict[str, Any]:
    """Every node of several maps, named `map:id`, each with a link to its map's page."""
    nodes: list[dict[str, Any]] = []
    for amap in maps:
        nodes.extend(_nodes(amap, evaluation, linker, qualified=True))
    return {
        "map": {"id": "atlas", "title": title, "byline": "", "summary": None},
        "roots": [f"{amap.id}:{root.id}" for amap in maps for root in amap.roots],
        "nodes": nodes,
    }


def byline(amap: ArgMap) -> str:
    source = amap.source
    parts = [part for part in (source.authors, source.title) if part]
    text = ", ".join(parts)
    if source.year is not None:
        text += f" ({source.year})"
    return text


def _nodes(amap: ArgMap, evaluation: Evaluation | None, linker: Linker,
           qualified: bool) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for node in amap.walk():
        if node.id in seen:
            continue  # a duplicated id: the first one is the node references reach
        seen.add(node.id)
        entry = _node(amap, node, evaluation, linker)
        if qualified:
            entry.update(_qualified(amap.id, entry, linker(amap.id, node.id)))
        yield entry


def _qualified(map_id: str, entry: Mapping[str, Any], page: str | None) -> dict[str, Any]:
    def name(node_id: str | None) -> str | None:
        return f"{map_id}:{node_id}" if node_id is not None else None

    links = [dict(link, href=page.split("#")[0] + link["href"]
                  if page and link["href"] and link["href"].startswith("#") else link["href"])
             for link in entry["links"]]
    return {"id": name(entry["id"]), "parent": name(entry["parent"]),
            "children": [name(c) for c in entry["children"]], "links": links, "page": page}


def _node(amap: ArgMap, node: Node, evaluation: Evaluation | None,
          linker: Linker) -> dict[str, Any]:
    status = reason = None
    if evaluation is not None:
        key = evaluation.key(amap.id, node.id)
        if key in evaluation.labels:
            status = STATUS_WORDS[evaluation.labels[key]]
            reason = why(evaluation, key, amap.id)
    return {
        "id": node.id,
        "kind": node.kind.value,
        "role": ROLE[node.kind],
        "claim": node.claim,
        "parent": node.parent,
        "linked": node.group is not None,
        "children": [child.id for child in node.children],
        "status": status,
        "reason": reason,
        "locator": str(node.source) if node.source is not None else None,
        "quote": " ".join(node.quote.split()) if node.quote else None,
        "note": " ".join(node.note.split()) if node.note else None,
        "held_by": node.held_by,
        "granted": bool(getattr(node, "granted", False)),
        "tags": list(node.tags),
        "links": list(_links(amap, node, linker)),
        "page": None,
    }


def _links(amap: ArgMap, node: Node, linker: Linker) -> Iterator[dict[str, Any]]:
    lists: Mapping[str, tuple[Any, ...]] = {
        "supports": node.supports, "attacks": node.attacks, "same_as": node.same_as,
        "undercuts": tuple(getattr(node, "undercuts", ()))}
    for relation, refs in lists.items():
        for ref in refs:
            target_map = getattr(ref, "map", None) or amap.id
            target_id = getattr(ref, "id", None)
            href = (None if target_id is None else
                    f"#{target_id}" if target_map == amap.id else linker(target_map, target_id))
            yield {"relation": relation, "target": str(ref), "href": href}


def script_json(data: Mapping[str, Any]) -> str:
    """JSON that can sit inside a <script> element: no `<`, `>` or `&` to end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
