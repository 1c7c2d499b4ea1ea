"""`argmap lint`: check map files, report findings with rule codes and positions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import DEFAULT_MAPS_HELP, app, fail, handles_errors, use_color
from argmap.formatters import FORMATS

if TYPE_CHECKING:
    from argmap.config import Settings


@app.command()
@handles_errors
def lint(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="[PATH]...",
        help="Map files, folders (searched for *.yaml, *.yml) or map names (`qiu`). "
        + DEFAULT_MAPS_HELP, show_default=False)] = None,
    format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")] = "text",
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail on warnings too, not only on errors.")] = False,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", help="Turn a rule off (code or name); repeat for more.",
        show_default=False)] = None,
) -> None:
    """Check map files and report problems with rule codes and file:line:column.

    A reference into another map (`arsene:O1`) is checked against that map, found among
    the files linted, in the maps folder, beside the file, or among the bundled maps, so
    a file's findings do not depend on which other files are linted with it
    (docs/finding-maps.md).

    Exit status: 0 no errors (warnings too with --strict), 1 problems found, 2 usage
    error or unreadable input.

    Examples:

      argmap lint                       # every map in ./maps

      argmap lint maps/qiu.yaml --strict

      argmap lint qiu                   # a map by name, as in other commands

      argmap lint maps --format github  # annotations in GitHub Actions
    """
    from argmap.config import load_settings
    from argmap.formatters import formatter
    from argmap.lint import lint_paths
    from argmap.names import default_maps
    from argmap.rules import RULES_BY_CODE, RULES_BY_NAME

    if format not in FORMATS:
        raise fail(f"unknown format `{format}`", f"Choose one of: {', '.join(FORMATS)}.")
    settings = load_settings()
    for name in disable or ():
        if name not in RULES_BY_CODE and name not in RULES_BY_NAME:
            raise fail(f"unknown rule `{name}`", "`argmap rules` lists them.")
    if disable:
        from dataclasses import replace

        settings = replace(settings, disable=settings.disable | frozenset(disable))
    if paths:
        targets = [_target(path, settings) for path in paths]
    else:
        targets, where = default_maps(settings)
        if where == "bundled":
            sys.stderr.write("argmap: no maps folder here: linting the maps bundled with "
                             "argmap\n")
    result = lint_paths(targets, settings)
    if not result.files:
        raise fail("no map files (*.yaml, *.yml) found in "
                   + (", ".join(map(str, targets)) if paths else settings.maps))
    output = formatter(format)(result, strict=strict, color=format == "text" and use_color())
    sys.stdout.write(output)
    raise typer.Exit(result.exit_code(strict))


def _target(text: str, settings: Settings) -> Path:
    """A path as given; a bare name that is no file or folder here is looked up as a map."""
    path = Path(text)
    if path.exists() or path.is_symlink():
        return path
    from argmap.names import is_name, resolve
    from argmap.problem import ArgmapError

    if is_name(text) and path.suffix not in (".yaml", ".yml"):
        try:
            return resolve(text, settings)
        except ArgmapError:
            pass
    return path  # lint reports it as a file that cannot be read
