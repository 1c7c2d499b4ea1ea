"""`argmap lint`: check map files, report findings with rule codes and positions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.app import app, fail, handles_errors, use_color
from argmap.formatters import FORMATS


@app.command()
@handles_errors
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Map files or folders (searched for *.yaml, *.yml). Default: the maps folder.",
        show_default=False)] = None,
    format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")] = "text",
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail on warnings too, not only on errors.")] = False,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", help="Turn a rule off (code or name); repeat for more.",
        show_default=False)] = None,
) -> None:
    """Check map files and report problems with rule codes and file:line:column.

    Maps linted together have their cross-map references checked.
    Exit status: 0 clean, 1 problems found, 2 usage error or unreadable input.

    Examples:

      argmap lint                       # every map in ./maps

      argmap lint maps/qiu.yaml --strict

      argmap lint maps --format github  # annotations in GitHub Actions
    """
    from argmap.config import load_settings
    from argmap.formatters import formatter
    from argmap.lint import lint_paths
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
    targets = paths or [Path(settings.maps)]
    if not paths and not targets[0].is_dir():
        raise fail(f"no maps folder `{settings.maps}` here",
                   "Name the map files or folders to lint, e.g. `argmap lint my_map.yaml`.")
    result = lint_paths(targets, settings)
    if not result.files:
        raise fail("no map files (*.yaml, *.yml) found in " + ", ".join(map(str, targets)))
    output = formatter(format)(result, strict=strict, color=format == "text" and use_color())
    sys.stdout.write(output)
    raise typer.Exit(result.exit_code(strict))
