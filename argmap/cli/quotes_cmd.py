"""`argmap quotes`: prove that every quote in a map is in its source, as text or PDF."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import app, fail, handles_errors, use_color
from argmap.formatters import FORMATS
from argmap.problem import ArgmapError, Problem

if TYPE_CHECKING:
    from argmap.quotes import QuoteReport
    from argmap.result import LintResult

#: No paper is this long as plain text; a bigger file is not the source meant.
MAX_SOURCE_BYTES = 64 * 1024 * 1024


@app.command()
@handles_errors
def quotes(
    name: Annotated[str, typer.Argument(
        help="A map: a name (`qiu`) or the path to a map file.", metavar="MAP",
        show_default=False)],
    source: Annotated[Path | None, typer.Option(
        "--source", "-s", show_default=False,
        help="The source: a PDF, or a plain-text copy (UTF-8). Default: NAME.txt next to "
        "the map.")
    ] = None,
    format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")] = "text",
) -> None:
    """Check that every `quote` in a map is in its source: a PDF or a plain-text copy.

    Each quote not found is reported (AM501) at its line in the map, with the passage
    of the text most like it and how alike they are, so a typo is easy to fix.

    What PDF extraction does to a text is forgiven: only letters and digits are
    compared, so spacing, line breaks, hyphenation ("counter-\\npower"), punctuation,
    curly quotes and dashes do not matter; case is ignored; ligatures (ﬁ, ﬂ) are
    unfolded; I, l, 1 and | count as one character, and O and 0 as another, as
    text recognition confuses them. HTML tags, <sup>12</sup> footnote markers and
    markdown marks (*, _, #) in the text are skipped. An ellipsis (...) in a quote
    marks words left out. `# argmap: disable=AM501` on a quote's line accepts it.

    Exit status: 0 every quote found, 1 some not found (or the map does not load),
    2 usage error or unreadable input.

    Examples:

      argmap quotes qiu --source qiu.txt

      argmap quotes he_shen -s he_shen.txt --format github
    """
    from argmap.config import load_settings
    from argmap.formatters import formatter
    from argmap.names import resolve

    if format not in FORMATS:
        raise fail(f"unknown format `{format}`", f"Choose one of: {', '.join(FORMATS)}.")
    settings = load_settings()
    path = resolve(name, settings)
    text_path = source or _default_source(path)
    result, summary = _check(path, text_path, settings.disable)
    output = formatter(format)(result, strict=False, color=format == "text" and use_color())
    sys.stdout.write(output + (summary if format == "text" else ""))
    raise typer.Exit(result.exit_code())


def _check(path: Path, text_path: Path, disabled: frozenset[str]) -> tuple[LintResult, str]:
    """The quotes not found, as a lint result, and a line saying how many were found."""
    from argmap.loader import load_file
    from argmap.quotes import SourceText, check_quotes, decode
    from argmap.result import FileResult, LintResult

    text = SourceText(decode(_read_source(text_path), str(text_path)))
    loaded = load_file(path)
    if loaded.map is None:
        return LintResult((FileResult(loaded.path, loaded.problems),)), ""
    report = check_quotes(loaded.map, text, text_path.name)
    kept = tuple(_unsuppressed(report.problems, loaded.text, disabled))
    return LintResult((FileResult(loaded.path, kept),)), _summary(report, kept, text_path)


def _summary(report: QuoteReport, kept: tuple[Problem, ...], text_path: Path) -> str:
    if not report.checked:
        return "The map has no quotes to check.\n"
    accepted = len(report.problems) - len(kept)
    also = f"; {accepted} more accepted by `disable=AM501`" if accepted else ""
    return f"{report.found} of {report.checked} quotes found in {text_path}{also}.\n"


def _default_source(map_path: Path) -> Path:
    candidate = map_path.with_suffix(".txt")
    if candidate.is_file():
        return candidate
    from argmap.resources import bundled_maps_dir

    bundled = bundled_maps_dir().resolve()
    if map_path.resolve().parent == bundled and "_data" in bundled.parts:  # installed
        hint = ("Give the plain-text copy of the source with --source TEXT (this map is "
                "bundled with argmap, so there is no folder of yours to put it in).")
    else:
        hint = (f"Give the plain-text copy of the source with --source TEXT, or put it next "
                f"to the map as {candidate}.")
    raise ArgmapError(f"no source text for {map_path}: --source is needed", hint=hint)


def _read_source(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArgmapError(f"{path}: no such file", hint="--source names the plain-text "
                          "copy of the map's source.") from None
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArgmapError(f"{path}: is a folder, not a text file")
    if not stat.S_ISREG(info.st_mode):
        raise ArgmapError(f"{path}: is not a regular file (a device, pipe or socket)")
    if info.st_size > MAX_SOURCE_BYTES:
        raise ArgmapError(f"{path}: is larger than {MAX_SOURCE_BYTES // 2**20} MB; "
                          "no paper is that long as plain text")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot read: {exc.strerror}") from None


def _unsuppressed(problems: Iterable[Problem], map_text: str,
                  disabled: frozenset[str]) -> Iterator[Problem]:
    """The problems neither `[tool.argmap] disable` nor a comment in the map turns off."""
    from argmap.rules.am501_quote_not_found import CODE, NAME
    from argmap.suppress import parse

    if CODE in disabled or NAME in disabled:
        return
    suppressions = parse(map_text)
    for problem in problems:
        if not suppressions.hides(problem.span.line, CODE, NAME):
            yield problem
