"""`argmap fmt`: rewrite map files in the canonical layout, or check that they are."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.app import app, fail, handles_errors, use_color


@app.command()
@handles_errors
def fmt(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Map files or folders (searched for *.yaml, *.yml), or - for standard input. "
        "Default: the maps folder.", show_default=False)] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Change nothing; exit 1 if a file would be reformatted.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Change nothing; print what would change as a unified diff.")] = False,
    width: Annotated[int, typer.Option(
        "--width", min=40, help="Fold long text near this many columns.")] = 88,
) -> None:
    """Lay out map files one canonical way: key order, indentation, folding, quoting.

    Comments (suppressions and the yaml-language-server line too) stay with the node
    they sit on. The map's meaning never changes: a file that does not load is refused,
    with its findings, and every file is written whole or not at all.
    Exit status: 0 done (or nothing to change), 1 a file would change (--check, --diff)
    or does not load, 2 usage error or unreadable input.

    Examples:

      argmap fmt                         # every map in ./maps

      argmap fmt --check maps            # in CI

      argmap fmt - < draft.yaml          # standard input to standard output
    """
    from argmap.config import load_settings
    from argmap.lint import expand

    settings = load_settings()
    if paths and [str(p) for p in paths] == ["-"]:
        raise typer.Exit(_stdin(width, check, diff))
    targets = paths or [Path(settings.maps)]
    if not paths and not targets[0].is_dir():
        raise fail(f"no maps folder `{settings.maps}` here",
                   "Name the map files or folders to format, e.g. `argmap fmt my_map.yaml`.")
    files = expand(targets)
    if not files:
        raise fail("no map files (*.yaml, *.yml) found in " + ", ".join(map(str, targets)))
    outcomes = [_one(path, width, check, diff) for path in files]
    changed = outcomes.count(_CHANGED)
    status = 2 if _UNREADABLE in outcomes else 1 if _INVALID in outcomes else 0
    if check or diff:
        verb = "would be reformatted"
        status = max(status, 1 if changed else 0)
    else:
        verb = "reformatted"
    sys.stderr.write(f"{changed} of {len(files)} file{'s' if len(files) != 1 else ''} {verb}\n")
    raise typer.Exit(status)


_SAME, _CHANGED, _INVALID, _UNREADABLE = "same", "changed", "invalid", "unreadable"


def _one(path: Path, width: int, check: bool, diff: bool) -> str:
    from argmap.fmt import format_text
    from argmap.loader import read_bytes
    from argmap.problem import ArgmapError, MapInvalid

    try:
        original = _decode(read_bytes(path), str(path))
        formatted = format_text(original, str(path), width)
    except MapInvalid as exc:
        _report(str(path), exc)
        return _INVALID
    except ArgmapError as exc:
        sys.stderr.write(f"argmap: error: {exc.message}\n")
        if exc.hint:
            sys.stderr.write(f"  hint: {exc.hint}\n")
        return _UNREADABLE if exc.exit_code == 2 else _INVALID
    if formatted == original:
        return _SAME
    if diff:
        sys.stdout.write(_unified(original, formatted, str(path)))
    if check:
        sys.stdout.write(f"would reformat {path}\n")
    if not (check or diff):
        from argmap.output import write_atomic

        write_atomic(path, formatted)
        sys.stderr.write(f"reformatted {path}\n")
    return _CHANGED


def _stdin(width: int, check: bool, diff: bool) -> int:
    from argmap.fmt import format_text
    from argmap.problem import MapInvalid

    original = _decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        formatted = format_text(original, "<stdin>", width)
    except MapInvalid as exc:
        _report("<stdin>", exc)
        return 1
    if diff:
        sys.stdout.write(_unified(original, formatted, "<stdin>"))
    elif not check:
        sys.stdout.write(formatted)
    return 1 if (check or diff) and formatted != original else 0


def _decode(data: bytes, path: str) -> str:
    """The text, or `MapInvalid` with the loader's finding when it is not UTF-8."""
    from argmap.loader import load_bytes
    from argmap.problem import MapInvalid

    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise MapInvalid(path, load_bytes(data, path).problems) from None


def _report(path: str, exc: object) -> None:
    from argmap.formatters import formatter
    from argmap.problem import MapInvalid
    from argmap.result import FileResult, LintResult

    assert isinstance(exc, MapInvalid)
    result = LintResult((FileResult(path, exc.problems),))
    sys.stdout.write(formatter("text")(result, strict=False, color=use_color()))
    sys.stderr.write(f"argmap: {path} does not load, so it was not formatted\n")


def _unified(original: str, formatted: str, path: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(original.splitlines(keepends=True),
                                        formatted.splitlines(keepends=True),
                                        f"{path} (before)", f"{path} (formatted)"))
