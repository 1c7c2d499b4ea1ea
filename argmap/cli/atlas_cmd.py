"""`argmap atlas`: several maps read together, and the links between them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from argmap.cli.app import DEFAULT_MAPS_HELP, app, fail, handles_errors
from argmap.cli.diagram_options import Dpi, FontSize, Ratio, Theme, Wrap

if TYPE_CHECKING:
    from argmap.atlas import Atlas
    from argmap.model import ArgMap, Label
    from argmap.renderers.dot_style import DotOptions

FORMATS = ("text", "json")


@app.command()
@handles_errors
def atlas(
    names: Annotated[list[str] | None, typer.Argument(
        metavar="[MAP]...",
        help="Maps by name or path. " + DEFAULT_MAPS_HELP,
        show_default=False)] = None,
    format: Annotated[str, typer.Option(
        "--format", "-f", help="The summary as text or json.")] = "text",
    svg: Annotated[bool, typer.Option("--svg", help="Draw the atlas as SVG.")] = False,
    png: Annotated[bool, typer.Option("--png", help="Draw the atlas as PNG.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Draw the atlas as PDF.")] = False,
    dot: Annotated[bool, typer.Option(
        "--dot", help="Write the atlas as Graphviz DOT source; needs no Graphviz.")] = False,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="PATH", show_default=False,
        help="Where the drawing goes (default: build/atlas.svg, .png, ...); `-` for "
        "standard output. A name ending in .svg, .png, .pdf or .dot picks the format.")
    ] = None,
    collapse: Annotated[bool, typer.Option(
        "--collapse", help="Draw each map as its thesis and only the nodes linked to "
        "other maps, with the steps between them drawn small: fits one slide.")] = False,
    status: Annotated[bool, typer.Option(
        "--status", help="Colour nodes by whether they stand, evaluating the maps "
        "together, so attacks between maps count.")] = False,
    legend: Annotated[bool, typer.Option(
        "--legend", help="Add a key to the kinds of node and line.")] = False,
    direction: Annotated[str, typer.Option(
        "--direction", metavar="TB|LR",
        help="TB: maps side by side, theses on top; LR: maps stacked, theses on the "
        "left.")] = "TB",
    theme: Theme = "light",
    wrap: Wrap = 32,
    font_size: FontSize = 14,
    ratio: Ratio = None,
    dpi: Dpi = None,
) -> None:
    """Show how maps meet: shared claims, cross-map links, answered objections.

    By default, prints a summary. With --svg, --png, --pdf or --dot (or -o NAME.svg
    and the like), draws the atlas instead: one box per map, titled with its title and
    authors, and the links between maps drawn across the boxes: supports solid with an
    arrowhead, attacks dashed with a bar, the same claim in two maps a double line
    marked "same as". Maps that share links are placed next to each other. A drawing
    goes to build/atlas.EXT unless -o says otherwise, and replaces the old file only
    once complete. The full atlas of the bundled maps is a poster; --collapse makes it
    a slide.

    Exit status: 0 done, 1 a map does not load or a link names a node that does not
    exist in a map read (after drawing), 2 usage error, unreadable input, or Graphviz
    missing or failing.

    Examples:

      argmap atlas                      # every map found, summarised

      argmap atlas qiu he_shen --format json

      argmap atlas --png --collapse --ratio 16:9    # build/atlas.png

      argmap atlas --svg --status -o atlas.svg      # which claims stand

      argmap atlas qiu arsene --dot -o - | dot -Tpdf > atlas.pdf
    """
    from argmap import atlas as atlas_module

    drawing = _drawing_format(svg, png, pdf, dot, output)
    if drawing is None:
        _only_when_drawing(collapse=collapse, status=status, legend=legend,
                           ratio=ratio is not None, dpi=dpi is not None)
    elif format != "text":
        raise fail("--format chooses the summary; a drawing has no --format",
                   "Drop --format, or drop the drawing options to get the summary.")
    if format not in FORMATS:
        raise fail(f"unknown format `{format}`", f"Choose one of: {', '.join(FORMATS)}.")
    result = atlas_module.build(_load_all(names))
    unresolved = [link for link in result.links if not link.resolved and
                  any(amap.id == link.target.partition(":")[0] for amap in result.maps)]
    if drawing is not None:
        from argmap.cli.render_cmd import dot_options

        if dpi is not None and drawing != "png":
            raise fail("--dpi sets the pixels of a PNG", "Add --png, or drop --dpi.")
        options = dot_options(direction, theme, wrap, font_size, ratio, legend)
        _draw(result, drawing, output, options, collapse=collapse, status=status, dpi=dpi)
        from argmap.text import one_line

        for link in unresolved:
            sys.stderr.write(one_line(f"argmap: warning: {link.source} {link.relation} "
                                      f"{link.target}: no such node") + "\n")
    elif format == "json":
        import json

        sys.stdout.write(json.dumps(_as_json(result), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_as_text(result))
    raise typer.Exit(1 if unresolved else 0)


def _drawing_format(svg: bool, png: bool, pdf: bool, dot: bool,
                    output: str | None) -> str | None:
    """The drawing format asked for, or None for the summary."""
    from argmap.cli.render_cmd import SUFFIXES, choose_format

    if svg or png or pdf or dot:
        return choose_format(svg, png, pdf, dot, output)
    if output is None:
        return None
    suffix = Path(output).suffix.lower()
    if output == "-" or suffix not in (*SUFFIXES.values(), ".gv"):
        raise fail(f"-o {output}: say which drawing to write",
                   "Add --svg, --png, --pdf or --dot, or end the file name in one of "
                   ".svg, .png, .pdf, .dot. The summary goes to standard output.")
    return choose_format(False, False, False, False, output)


def _only_when_drawing(**given: bool) -> None:
    for name, value in given.items():
        if value:
            raise fail(f"--{name} shapes a drawing of the atlas",
                       "Add --svg, --png, --pdf or --dot (e.g. `argmap atlas --svg "
                       f"--{name}`).")


def _draw(result: Atlas, fmt: str, output: str | None, options: DotOptions, *,
          collapse: bool, status: bool, dpi: float | None = None) -> None:
    from argmap.cli.app import write_output
    from argmap.cli.render_cmd import DEFAULT_FOLDER, SUFFIXES, run_graphviz
    from argmap.renderers.atlas_dot import atlas_dot

    if fmt != "dot":
        from argmap.renderers.graphviz_run import find_dot

        find_dot()
    target = None if output == "-" else Path(output or DEFAULT_FOLDER / f"atlas{SUFFIXES[fmt]}")
    if target is None and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise fail(f"not writing {fmt.upper()} to a terminal",
                   f"Redirect it (`> atlas.{fmt}`) or name a file with -o.")
    labels = _labels(result.maps) if status else None
    data = run_graphviz(atlas_dot(result, options, collapsed=collapse, labels=labels), fmt,
                        "atlas", options.ratio, dpi)
    if target is not None and output is None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise fail(f"cannot create folder {target.parent}: {exc.strerror}") from None
    write_output(data, target)
    if target is not None:
        sys.stderr.write(f"wrote {target}\n")


def _labels(maps: tuple[ArgMap, ...]) -> dict[str, dict[str, Label]]:
    """Each map's labels, by map id and node id, from evaluating all the maps together."""
    from argmap.semantics import evaluate

    evaluation = evaluate(maps)
    return {amap.id: {node.id: evaluation.labels[evaluation.key(amap.id, node.id)]
                      for node in amap.walk()} for amap in maps}


def _load_all(names: list[str] | None) -> list[Any]:
    from argmap.config import load_settings
    from argmap.loader import load
    from argmap.names import default_maps, resolve

    settings = load_settings()
    paths = [resolve(name, settings) for name in names] if names else \
        default_maps(settings)[0]
    if not paths:
        raise fail("no maps found",
                   "Name the maps to read together, e.g. `argmap atlas a.yaml b.yaml`.")
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
        where = ", ".join(answer.answered_in) or "nowhere"
        lines.append(f'  {answer.objection}: "{shorten(answer.claim, 64)}"')
        held = f"held by {shorten(answer.held_by, 40)}; " if answer.held_by else ""
        lines.append(f"      {held}answered in {where}")
    return "\n".join(lines) + "\n"
