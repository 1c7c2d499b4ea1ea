"""`argmap diff`: what changed between two versions of a map, in the argument's terms."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from argmap.cli.app import app, fail, handles_errors, use_color, write_output

_FORMATS = ("text", "markdown", "json")


@app.command()
@handles_errors
def diff(
    args: Annotated[list[str], typer.Argument(
        metavar="OLD NEW | REV [PATH ...]",
        help="Two map files (or map names); or a git revision (`HEAD~1`, `main..HEAD`, "
        "`main...HEAD`) and optional paths to limit it to.", show_default=False)],
    format: Annotated[str, typer.Option(
        "--format", help=f"Output format: {', '.join(_FORMATS)}.")] = "text",
) -> None:
    """Show what changed in the argument: nodes added, removed, renamed, reworded (word by
    word) or moved; kinds, relations, locators, quotes and notes; and every claim that
    now stands or falls differently, here or in a linked map, with the reason.

    With a revision, every map file changed since it (to the working tree, or to the
    second revision of `A..B`) is compared. Git can also run it as a diff driver: see
    docs/diff.md. Formatting alone (indentation, refolded text, comments) is no change.
    Exit status: 0 no change in meaning, 1 changes, 2 a version could not be compared
    (its findings are printed) or usage error. As a git diff driver it exits 0.

    Examples:

      argmap diff old/qiu.yaml maps/qiu.yaml

      argmap diff HEAD~1                         # every map changed in the last commit

      argmap diff main..HEAD maps/qiu.yaml --format markdown   # for a pull request
    """
    from argmap.config import load_settings
    from argmap.diff import diff_pairs, sources
    from argmap.diff.formats import RENDERERS

    if format not in _FORMATS:
        raise fail(f"unknown format `{format}`", f"Choose one of: {', '.join(_FORMATS)}.")
    settings = load_settings()
    driver = sources.is_driver_call(args)
    if driver:
        pairs = [sources.driver_pair(args)]
    elif len(args) == 2 and not sources.looks_like_revision(args[0]):
        from argmap.names import resolve

        pairs = [sources.file_pair(str(resolve(args[0], settings)),
                                   str(resolve(args[1], settings)))]
    elif sources.looks_like_revision(args[0]):
        pairs = sources.git_pairs(args[0], args[1:])
    elif len(args) == 1:
        raise fail(f"`{args[0]}` is not a git revision here",
                   "Give two map files (`argmap diff OLD NEW`) or a revision such as HEAD~1.")
    else:
        raise fail("give two map files, or a git revision and optional paths",
                   "For example `argmap diff old.yaml new.yaml` or `argmap diff HEAD~1`.")
    report = diff_pairs(pairs, settings)
    color = format == "text" and use_color()
    write_output(RENDERERS[format](report, color), None)
    sys.stdout.flush()
    raise typer.Exit(0 if driver else report.exit_code())
