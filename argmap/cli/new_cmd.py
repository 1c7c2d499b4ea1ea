"""`argmap new`: start a map from a commented skeleton that lints clean."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.app import app, fail, handles_errors


def skeleton(map_id: str, title: str, path: str) -> str:
    """The skeleton map, with its id, title and file name filled in."""
    from importlib import resources

    text = resources.files("argmap").joinpath("templates", "new_map.yaml").read_text("utf-8")
    return (text.replace("{map_id}", map_id).replace("{title}", _yaml_text(title))
            .replace("{path}", path))


def _yaml_text(text: str) -> str:
    """`text` as a YAML value that reads back as exactly that text."""
    import json

    plain = re.fullmatch(r"[A-Za-z][\w ,.'()-]*", text) and ": " not in text
    return text if plain and not text.endswith(" ") else json.dumps(text, ensure_ascii=False)


def suggest_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    return slug if slug[:1].isalpha() else f"map-{slug}".rstrip("-")


@app.command()
@handles_errors
def new(
    name: Annotated[str, typer.Argument(
        metavar="NAME", help="The new map's id: lower case letters, digits, - and _, "
        "starting with a letter (`homework`).", show_default=False)],
    title: Annotated[str | None, typer.Option(
        "--title", help="The map's title (default: the name).", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="PATH", show_default=False,
        help="Where to write it (default: maps/NAME.yaml in a project with a maps folder, "
        "else NAME.yaml).")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a new map to start from: a thesis with premises and a linked group, an
    objection with a counterexample, a concession and an undercut, each commented with
    what it is for. It lints clean; replace each claim with your own.

    Examples:

      argmap new homework --title "Homework helps pupils learn"

      argmap new homework -o notes/homework.yaml
    """
    from argmap.config import load_settings
    from argmap.loader import MAP_ID
    from argmap.output import write_atomic

    if not MAP_ID.match(name):
        raise fail(f"`{name}` cannot be a map id",
                   f"Use lower case letters, digits, - and _, starting with a letter: "
                   f"`argmap new {suggest_id(name)}`.")
    settings = load_settings()
    if output is None:
        folder = Path(settings.maps)
        output = folder / f"{name}.yaml" if folder.is_dir() else Path(f"{name}.yaml")
    if output.exists() and not force:
        raise fail(f"{output} already exists", "Choose another name or -o, or add --force.")
    if not output.parent.is_dir():
        raise fail(f"no folder {output.parent} to write {output.name} in",
                   f"Create it first (`mkdir -p {output.parent}`), or choose another -o.")
    write_atomic(output, skeleton(name, title or name, str(output)))
    sys.stderr.write(f"wrote {output}\nnext: argmap lint {output}; argmap show {output}\n")
