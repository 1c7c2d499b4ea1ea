"""Helpers for importer tests: import text, load the map, list its relations."""

from __future__ import annotations

from argmap.importers import import_text
from argmap.loader import load_text
from argmap.model import ArgMap


def imported(text: str, fmt: str, name: str = "test") -> tuple[ArgMap, str, tuple[str, ...]]:
    """The map an import writes (loaded back), its YAML and the messages."""
    result = import_text(text, f"{name}.{'argdown' if fmt == 'argdown' else 'json'}", fmt)
    loaded = load_text(result.yaml, "imported.yaml")
    assert loaded.map is not None, loaded.problems
    return loaded.map, result.yaml, result.messages


def relations(amap: ArgMap) -> set[tuple[frozenset[str], str, str]]:
    """Every relation as (sources, target, "supports"/"attacks"); co-premises together."""
    found: set[tuple[frozenset[str], str, str]] = set()
    groups: dict[tuple[str, int], set[str]] = {}
    for edge in amap.edges():
        if edge.target.map not in (None, amap.id):
            continue
        if edge.group is not None:
            groups.setdefault((edge.target.id, edge.group), set()).add(edge.source)
        else:
            found.add((frozenset([edge.source]), edge.target.id, edge.relation.value))
    found |= {(frozenset(members), target, "supports") for (target, _), members in
              groups.items()}
    return found


def claims(amap: ArgMap) -> dict[str, str]:
    return {node.id: node.claim for node in amap.walk()}
