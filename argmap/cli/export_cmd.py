"""`argmap export` and `argmap import`: write a map in another tool's format, and back."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.app import app, fail, handles_errors, write_output
from argmap.exporters import FORMATS as EXPORT_FORMATS
from argmap.importers import FORMATS as IMPORT_FORMATS


@app.command()
@handles_errors
def export(
    name: Annotated[str, typer.Argument(
        metavar="MAP", help="A map name (`qiu`, see `argmap list`) or a path to a .yaml file.",
        show_default=False)],
    to: Annotated[str, typer.Option(
        "--to", "-t", metavar="FORMAT", show_default=False,
        help=f"The format to write: {', '.join(EXPORT_FORMATS)}.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="PATH", show_default=False,
        help="Write to this file (replaced in one step) instead of standard output; "
        "`-` is standard output.")] = None,
) -> None:
    """Write a map as AIF, Argdown, Mermaid, Markdown or JSON.

    \b
      aif       AIFdb JSON (I-nodes, RA and CA nodes) for AIFdb, OVA, arguebuf
      argdown   Argdown, statements titled by node ids, for argdown.org tools
      mermaid   a flowchart that GitHub, GitLab and many slide tools draw
      markdown  an outline for handouts
      json      the whole map, as documented in docs/json.md

    What a format cannot carry (a link into another map, locators in AIF) is said on
    standard error; docs/interop.md has the details. Exit status: 0 written, 1 the map
    does not load, 2 usage error or unreadable input.

    Examples:

      argmap export qiu --to argdown -o qiu.argdown

      argmap export arsene --to mermaid > arsene.mmd

      argmap export he_shen --to json | jq '.nodes[] | .id'
    """
    from argmap.config import load_settings
    from argmap.exporters import exporter
    from argmap.loader import load
    from argmap.names import resolve

    if to not in EXPORT_FORMATS:
        raise fail(f"unknown format `{to}`", f"Choose one of: {', '.join(EXPORT_FORMATS)}.")
    amap = load(resolve(name, load_settings()))
    result = exporter(to)(amap)
    write_output(result.text, output)
    from argmap.text import one_line

    for note in result.notes:
        sys.stderr.write(f"argmap: note: {one_line(note)}\n")


@app.command("import")
@handles_errors
def import_(
    file: Annotated[Path, typer.Argument(
        metavar="FILE", help="An Argdown file (*.argdown) or an AIF file (*.json).",
        show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="PATH", show_default=False,
        help="Write the map to this file (replaced in one step) instead of standard output; "
        "`-` is standard output.")] = None,
    from_format: Annotated[str | None, typer.Option(
        "--from", "-f", metavar="FORMAT", show_default=False,
        help=f"Read the file as this format ({', '.join(IMPORT_FORMATS)}) whatever its "
        "suffix.")] = None,
) -> None:
    """Turn an Argdown or AIF file into an argmap map (YAML) that `argmap lint` accepts.

    Neither format has locators, so `--strict` lint warns (AM301) until each node gets its
    `source:`; the YAML comments say so.

    The thesis is the claim that argues for nothing else and that most claims lead to
    (or the one the file names); every other claim nests under what it supports or
    attacks, and relations the nesting cannot show become `supports:`/`attacks:` lists.
    Comments in the YAML, and notes on standard error, say what was chosen and what
    could not be carried over (see docs/interop.md). Exit status: 0 written, 1 the file
    holds no usable argument, 2 usage error or unreadable file.

    Examples:

      argmap import debate.argdown -o maps/debate.yaml

      argmap import corpus/nodeset1234.json -o maps/nodeset.yaml && argmap lint maps

      argmap import map.txt --from argdown | less
    """
    from argmap.importers import import_file

    result = import_file(file, from_format)
    write_output(result.yaml, output)
    from argmap.text import one_line

    for message in result.messages:
        sys.stderr.write(f"argmap: note: {one_line(message)}\n")
