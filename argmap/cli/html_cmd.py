"""`argmap html` and `argmap preview`: a map as a page students can read, and live."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import OneMap, app, fail, handles_errors

if TYPE_CHECKING:
    from argmap.config import Settings
    from argmap.model import ArgMap


@app.command()
@handles_errors
def html(
    name: Annotated[str | None, typer.Argument(
        metavar="[MAP]", show_default=False,
        help="A map name (`qiu`, see `argmap list`) or a .yaml path.")] = None,
    all_maps: Annotated[bool, typer.Option(
        "--all", help="Every map, as a site: an index page, a page per map and the atlas, "
        "with cross-map references linked between pages.")] = False,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="PATH", show_default=False,
        help="The .html file to write (a folder with --all). Default: NAME.html, or "
        "site/ with --all; `-` for standard output.")] = None,
) -> None:
    """Write a map as one self-contained web page: the drawing with pan and zoom, an
    outline beside it, and each claim's details (status and why, locator, quote, note,
    links) on a click. Search with /, move with the arrow keys, link to a claim as
    PAGE.html#P2.1. The page works offline and loads nothing: no network request of any
    kind, and a Content-Security-Policy that lets only its own script run.

    Needs Graphviz, like `argmap render`. Exit status: 0 written, 1 a map does not load,
    2 usage error, unreadable input or Graphviz missing.

    Examples:

      argmap html qiu -o qiu.html

      argmap html --all -o site/        # then open site/index.html
    """
    from argmap.config import load_settings
    from argmap.renderers.graphviz_run import find_dot

    settings = load_settings()
    if all_maps == (name is not None):
        raise fail("name one map, or give --all for every map",
                   "For example `argmap html qiu` or `argmap html --all -o site/`.")
    find_dot()
    if all_maps:
        _write_site(settings, Path(output or "site"))
        return
    assert name is not None
    amap, others = _load_with_others(name, settings)
    from argmap.cli.app import write_output
    from argmap.html.build import map_page

    target = None if output == "-" else Path(output or f"{amap.id}.html")
    if target is not None and target.is_dir():
        raise fail(f"-o {target}: is a folder; name the .html file to write",
                   f"For example `-o {target / (amap.id + '.html')}`.")
    write_output(map_page(amap, others), target)
    if target is not None:
        sys.stderr.write(f"wrote {target}\n")


def _load_with_others(name: str, settings: Settings) -> tuple[ArgMap, list[ArgMap]]:
    from argmap.loader import load
    from argmap.names import resolve

    path = resolve(name, settings)
    amap = load(path)
    from argmap.names import loadable_maps

    return amap, loadable_maps(settings, skip=[path])


def _write_site(settings: Settings, folder: Path) -> None:
    from argmap.html.build import build_site, write_site
    from argmap.loader import load
    from argmap.names import available

    if folder.exists() and not folder.is_dir():
        raise fail(f"-o {folder}: is a file; --all writes a folder of pages")
    found = available(settings)
    chosen = [entry for entry in found if entry.where == "project"] or found
    if not chosen:
        raise fail("no maps to write: no maps folder here and no bundled maps")
    maps = [load(entry.path) for entry in chosen]
    for path in write_site(build_site(maps), folder):
        sys.stderr.write(f"wrote {path}\n")


@app.command()
@handles_errors
def preview(
    name: OneMap,
    port: Annotated[int, typer.Option(
        "--port", min=0, max=65535, help="The port to serve on; 0 picks a free one.")] = 0,
) -> None:
    """Serve a map's page on 127.0.0.1 and redraw it on every save of the map (or of a map
    it links to). The open page updates itself and keeps its zoom and selected claim; a
    save that breaks the map shows its lint findings in the page and keeps the last good
    drawing. Ctrl-C stops it.

    Examples:

      argmap preview maps/my_map.yaml          # then open the address it prints
    """
    from argmap.config import load_settings
    from argmap.html.preview import serve
    from argmap.names import resolve
    from argmap.renderers.graphviz_run import find_dot

    settings = load_settings()
    find_dot()
    path = resolve(name, settings)
    try:
        serve(path, settings, port, announce=lambda url: (
            sys.stderr.write(f"argmap: previewing {path} at {url} (Ctrl-C stops)\n"),
            sys.stderr.flush()))
    except OSError as exc:
        raise fail(f"cannot serve on port {port}: {exc.strerror}",
                   "Choose another with --port, or 0 for a free one.") from None
