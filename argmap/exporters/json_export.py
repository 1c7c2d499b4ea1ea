"""The map as stable JSON for scripts; the shape is documented in docs/json.md.

Every key is always present (null or an empty list when the map leaves it out), nodes
come in document order, edges in the order `ArgMap.edges()` gives them and undercuts in
the order of the `undercuts:` lists, so the output of a map is the same on every run.
schema/argmap-export-1.schema.json describes it.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.exporters import Export
from argmap.links import Link, Links
from argmap.model import ArgMap, Locator, Node

FORMAT = "argmap-export"
VERSION = 1


def export(amap: ArgMap) -> Export:
    return Export(json.dumps(document(amap), ensure_ascii=False, indent=2) + "\n")


def document(amap: ArgMap) -> dict[str, Any]:
    source = amap.source
    return {
        "format": FORMAT,
        "version": VERSION,
        "map": {
            "id": amap.id,
            "title": amap.title,
            "summary": amap.summary,
            "source": {
                "author": list(source.author),
                "title": source.title,
                "year": source.year,
                "kind": source.kind,
                "venue": source.venue,
                "volume": source.volume,
                "url": source.url,
                "doi": source.doi,
            },
        },
        "thesis": amap.thesis.id,
        "nodes": [_node(node) for node in amap.walk()],
        "edges": [
            {
                "source": edge.source,
                "target": str(edge.target),
                "relation": edge.relation.value,
                "declared": edge.declared,
                "group": edge.group,
            }
            for edge in amap.edges()
        ],
        "undercuts": _undercuts(amap),
    }


def _undercuts(amap: ArgMap) -> list[dict[str, Any]]:
    """Each undercut as written, and the link it names when this map alone can tell."""
    links = Links({amap.id: amap})
    found = []
    for node in amap.walk():
        for ref, resolved in links.undercuts_of((amap.id, node.id)):
            found.append({"source": node.id, "link": str(ref),
                          "of": _link(resolved.link, amap.id) if resolved.link else None})
    return found


def _link(link: Link, home: str) -> dict[str, Any]:
    def name(key: tuple[str, str]) -> str:
        return key[1] if key[0] == home else f"{key[0]}:{key[1]}"

    return {"source": name(link.source), "target": name(link.target_node),
            "relation": link.relation.value}


def _node(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "kind": node.kind.value,
        "claim": node.claim,
        "parent": node.parent,
        "group": node.group,
        "line": node.span.line,
        "source": _locator(node.source),
        "quote": node.quote,
        "note": node.note,
        "tags": list(node.tags),
        "expect": node.expect.value if node.expect else None,
        "held_by": node.held_by,
        "same_as": [str(ref) for ref in node.same_as],
        "granted": node.granted,
        "undercuts": [str(link) for link in node.undercuts],
    }


def _locator(locator: Locator | None) -> dict[str, Any] | None:
    if locator is None:
        return None
    return {"section": locator.section, "para": locator.para, "page": locator.page,
            "footnote": locator.footnote}
