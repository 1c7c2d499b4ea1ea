"""`argmap atlas`: several maps read together, and the links between them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli.app import app, fail, handles_errors

FORMATS = ("text", "json")


@app.command()
@handles_errors
def atlas(
    names: Annotated[list[str] | None, typer.Argument(
        help="Maps by name or path. Default: every map found (./maps, else the bundled maps).",
        show_default=False)] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Summarise how maps meet: shared claims, cross-map links, answered objections.

    Examples:

      argmap atlas                      # every map found

      argmap atlas qiu he_shen --format json
    """
    from argmap import atlas as atlas_module

    if format not in FORMATS:
        raise fail(f"unknown format `{format}`", f"Choose one of: {', '.join(FORMATS)}.")
    result = atlas_module.build(_load_all(names))
    if format == "json":
        import json

        sys.stdout.write(json.dumps(_as_json(result), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_as_text(result))
    unresolved = [link for link in result.links if not link.resolved and
                  any(amap.id == link.target.partition(":")[0] for amap in result.maps)]
    raise typer.Exit(1 if unresolved else 0)


def _load_all(names: list[str] | None) -> list[Any]:
    from argmap.config import load_settings
    from argmap.loader import load
    from argmap.names import available, resolve

    settings = load_settings()
    paths = [resolve(name, settings) for name in names] if names else \
        [found.path for found in available(settings)]
    if not paths:
        raise fail("no maps found", "Name the maps to read together, e.g. `argmap atlas a.yaml b.yaml`.")
    maps = [load(Path(path)) for path in paths]
    seen: dict[str, str] = {}
    for amap in maps:
        if amap.id in seen:
            raise fail(f"two maps have the id `{amap.id}`: {seen[amap.id]} and {amap.path}",
                       code=1)
        seen[amap.id] = amap.path
    return maps


def _as_json(result: Any) -> dict[str, Any]:
    return {
        "version": 1,
        "maps": [{"id": m.id, "title": m.title, "author": list(m.source.author),
                  "path": m.path, "nodes": sum(1 for _ in m.walk())} for m in result.maps],
        "links": [{"source": link.source, "relation": link.relation, "target": link.target,
                   "resolved": link.resolved} for link in result.links],
        "shared": [list(group) for group in result.shared],
        "objections": [{"objection": a.objection, "held_by": a.held_by,
                        "answered_in": list(a.answered_in)} for a in result.answers],
    }


def _as_text(result: Any) -> str:
    from argmap.text import shorten

    lines = [f"Atlas of {len(result.maps)} maps"]
    width = max((len(m.id) for m in result.maps), default=0)
    for m in result.maps:
        nodes = sum(1 for _ in m.walk())
        author = f" ({m.source.authors})" if m.source.author else ""
        lines.append(f"  {m.id:<{width}}  {m.title}{author}, {nodes} nodes")

    lines += ["", "Shared claims (same_as):"]
    for group in result.shared:
        node = result.node(group[0])
        text = f'  "{shorten(node.claim, 60)}"' if node else ""
        lines.append("  " + " = ".join(group) + text)
    if not result.shared:
        lines.append("  none")

    lines += ["", "Cross-map supports and attacks:"]
    crossing = [link for link in result.links if link.relation != "same_as"]
    for link in crossing:
        mark = "" if link.resolved else "   (unknown target)"
        lines.append(f"  {link.source} {link.relation} {link.target}{mark}")
    if not crossing:
        lines.append("  none")
    broken = [link for link in result.links if link.relation == "same_as" and not link.resolved]
    for link in broken:
        lines.append(f"  {link.source} same_as {link.target}   (unknown target)")

    lines += ["", "Objections and the maps that answer them:"]
    for answer in result.answers:
        held = f" [{shorten(answer.held_by, 40)}]" if answer.held_by else ""
        where = ", ".join(answer.answered_in) or "nowhere"
        lines.append(f"  {answer.objection}{held}: answered in {where}")
    return "\n".join(lines) + "\n"
