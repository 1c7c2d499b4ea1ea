"""`argmap render`: draw maps with Graphviz as SVG, PNG or PDF, or write their DOT source."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import DEFAULT_MAPS_HELP, app, fail, handles_errors
from argmap.cli.diagram_options import Dpi, FontSize, Ratio, Theme, Wrap

if TYPE_CHECKING:
    from argmap.config import Settings
    from argmap.renderers.dot_style import DotOptions

SUFFIXES = {"svg": ".svg", "png": ".png", "pdf": ".pdf", "dot": ".dot"}
DEFAULT_FOLDER = Path("build")
#: A map to draw: the name its file is written under, and where it is read from.
_Job = tuple[str, Path]

@app.command()
@handles_errors
def render(
    names: Annotated[list[str] | None, typer.Argument(
        metavar="[MAP]...", show_default=False,
        help="Map names (`qiu`, see `argmap list`) or .yaml paths. "
        + DEFAULT_MAPS_HELP)] = None,
    svg: Annotated[bool, typer.Option("--svg", help="Write SVG (the default).")] = False,
    png: Annotated[bool, typer.Option("--png", help="Write PNG.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Write PDF.")] = False,
    dot: Annotated[bool, typer.Option(
        "--dot", help="Write Graphviz DOT source; needs no Graphviz.")] = False,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="PATH", show_default=False,
        help="A folder for the files (default: build/, created if missing); with one map, "
        "a file name; `-` for standard output.")] = None,
    direction: Annotated[str, typer.Option(
        "--direction", metavar="TB|LR",
        help="TB: thesis on top; LR: thesis on the left.")] = "TB",
    theme: Theme = "light",
    wrap: Wrap = 32,
    font_size: FontSize = 14,
    ratio: Ratio = None,
    dpi: Dpi = None,
    legend: Annotated[bool, typer.Option(
        "--legend", help="Add a key to the kinds of node and arrow drawn.")] = False,
    depth: Annotated[int | None, typer.Option(
        "--depth", "-d", min=0, metavar="N", show_default=False,
        help="Draw only N levels below the thesis (or below --focus); a node with more "
        "below says `+N more`.")] = None,
    focus: Annotated[list[str] | None, typer.Option(
        "--focus", "-f", metavar="ID", show_default=False,
        help="Draw one node's subtree and the path from the thesis to it; given more "
        "than once, one drawing per node (qiu-O1.svg, qiu-O2.svg).")] = None,
    status: Annotated[bool, typer.Option(
        "--status", help="Colour each node by whether it stands, is defeated or is "
        "undecided (grounded semantics, see `argmap eval`), with a key.")] = False,
    watch: Annotated[bool, typer.Option(
        "--watch", help="Draw again on every save of the maps, until Ctrl-C: for a slide "
        "kept open in a slide tool.")] = False,
) -> None:
    """Draw argument maps with Graphviz: thesis on top, supports solid, attacks dashed.

    Without a map name, every map is drawn into build/ (or the folder -o names), one
    file each, named after the map (qiu.svg), and after --focus and --depth if given
    (qiu-O1.svg, qiu-depth1.svg), so the slides of one map do not overwrite each other.
    For slides, a whole map of 80 nodes is too small to read: draw the thesis and its
    reasons with --depth 1, then each objection with --focus. Files are replaced only
    once the drawing is complete, so a failed run leaves the old file in place. SVG, PNG
    and PDF need Graphviz (`dot`); `--dot` does not. Exit status: 0 drawn, 1 a map does
    not load, 2 usage error, unreadable input, an unknown --focus id, or Graphviz missing
    or failing.

    Examples:

      argmap render                          # every map, as build/NAME.svg

      argmap render qiu --png -o qiu.png --ratio 16:9 --legend

      argmap render qiu --theme print --pdf -o -  > qiu.pdf

      argmap render qiu --png --ratio 16:9 --depth 1       # build/qiu-depth1.png

      argmap render qiu --png --ratio 16:9 --focus O1 --focus O2 --status

      argmap render arsene --dot | dot -Tsvg > arsene.svg

      argmap render maps/mine.yaml --svg -o mine.svg --watch
    """
    from argmap.config import load_settings

    fmt = choose_format(svg, png, pdf, dot, output)
    options = replace(dot_options(direction, theme, wrap, font_size, ratio, legend),
                      depth=depth)
    focuses: list[str | None] = list(dict.fromkeys(focus)) if focus else [None]
    views = [(name + _view_suffix(depth, one), path, one)
             for name, path in _jobs(names or [], load_settings()) for one in focuses]
    jobs = [(name, path) for name, path, _ in views]
    targets, folder = _targets(jobs, output, fmt)
    if fmt != "dot":
        from argmap.renderers.graphviz_run import find_dot

        find_dot()
    if targets is None and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise fail(f"not writing {fmt.upper()} to a terminal",
                   f"Redirect it (`> map.{fmt}`) or name a file with -o.")
    if dpi is not None and fmt != "png":
        raise fail("--dpi sets the pixels of a PNG", "Add --png, or drop --dpi.")
    if watch and targets is None:
        raise fail("--watch writes files: name one with -o", "For example `-o slide.svg`.")

    def draw_all() -> None:
        drawings = [_draw((name, path), fmt, replace(options, focus=one), status, dpi)
                    for name, path, one in views]
        _write(drawings, targets, folder)

    draw_all()
    if watch:
        _watch([path for _, path, _ in views], draw_all)


def _watch(paths: list[Path], draw: Callable[[], None]) -> None:
    """Draw again on every save, reporting a map that no longer loads, until Ctrl-C."""
    from argmap.problem import MapInvalid
    from argmap.watch import on_save

    def again() -> None:
        try:
            draw()
        except MapInvalid as exc:
            for problem in exc.problems:
                sys.stderr.write(f"{problem.span}: {problem.severity} {problem.code}: "
                                 f"{problem.message}\n")
            sys.stderr.write("argmap: the drawing was left as it was; save again to retry\n")

    def say(message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()

    say("argmap: watching for saves (Ctrl-C stops)")
    on_save(paths, again, say)


def _view_suffix(depth: int | None, focus: str | None) -> str:
    return (f"-{focus}" if focus else "") + (f"-depth{depth}" if depth is not None else "")


def choose_format(svg: bool, png: bool, pdf: bool, dot: bool, output: str | None) -> str:
    chosen = [name for name, flag in (("svg", svg), ("png", png), ("pdf", pdf), ("dot", dot))
              if flag]
    if len(chosen) > 1:
        raise fail("choose one of " + ", ".join(f"--{name}" for name in chosen))
    suffix = Path(output).suffix.lower() if output not in (None, "-") else ""
    by_suffix = {value: key for key, value in SUFFIXES.items()} | {".gv": "dot"}
    if chosen and suffix in by_suffix and by_suffix[suffix] != chosen[0]:
        raise fail(f"-o {output} does not end in {SUFFIXES[chosen[0]]} but --{chosen[0]} "
                   "was asked for", "Make the two agree.")
    return chosen[0] if chosen else by_suffix.get(suffix, "svg")


def dot_options(direction: str, theme: str, wrap: int, font_size: float, ratio: str | None,
             legend: bool) -> DotOptions:
    from argmap.renderers.dot_style import DIRECTIONS, THEMES, DotOptions

    direction = direction.upper()
    if direction not in DIRECTIONS:
        raise fail(f"unknown direction `{direction}`", "Use TB or LR.")
    if theme not in THEMES:
        raise fail(f"unknown theme `{theme}`", f"Choose one of: {', '.join(THEMES)}.")
    return DotOptions(theme=theme, direction=direction, wrap=wrap, font_size=font_size,
                      ratio=parse_ratio(ratio) if ratio else None, legend=legend)


def parse_ratio(text: str) -> float:
    width, sep, height = text.replace("/", ":").partition(":")
    try:
        value = float(width) / float(height) if sep else float(width)
    except (ValueError, ZeroDivisionError):
        value = 0.0
    if not 0.1 <= value <= 10:
        raise fail(f"--ratio {text}: expected width:height, like 16:9 or 4:3")
    return value


def _jobs(names: list[str], settings: Settings) -> list[_Job]:
    from argmap.names import default_maps, resolve

    paths = [resolve(name, settings) for name in names] if names else \
        default_maps(settings)[0]
    jobs = [(path.stem, path) for path in paths]
    if not jobs:
        raise fail("no maps to render: no maps folder here and no bundled maps",
                   "Name a map file, e.g. `argmap render my_map.yaml`.")
    seen: dict[str, Path] = {}
    for name, source in jobs:
        if seen.setdefault(name, source) != source:
            raise fail(f"two maps would both be written as `{name}`: {seen[name]} and "
                       f"{source}", "Render them one at a time with -o.")
    return list(seen.items())


def _targets(jobs: list[_Job], output: str | None,
             fmt: str) -> tuple[list[Path] | None, Path | None]:
    """Where each drawing goes (None: standard output), and the folder to create first."""
    if output == "-":
        if len(jobs) > 1:
            raise fail("-o - writes one drawing to standard output; name one map and at most "
                       "one --focus")
        return None, None
    if len(jobs) == 1 and output is not None and not _is_folder(output):
        return [Path(output)], None
    if output is not None and not _is_folder(output) and \
            Path(output).suffix.lower() in (*SUFFIXES.values(), ".gv"):
        raise fail(f"-o {output}: {len(jobs)} drawings need a folder, not one file name",
                   "Name a folder (e.g. `-o slides/`), or draw one map and one --focus "
                   "at a time.")
    folder = Path(output) if output is not None else DEFAULT_FOLDER
    if folder.exists() and not folder.is_dir():
        raise fail(f"-o {folder}: is a file; with several maps, -o names a folder")
    return [folder / f"{name}{SUFFIXES[fmt]}" for name, _ in jobs], folder


def _is_folder(output: str) -> bool:
    return output.endswith(("/", "\\")) or Path(output).is_dir()


def _draw(job: _Job, fmt: str, options: DotOptions, status: bool,
          dpi: float | None) -> bytes | str:
    from argmap.loader import load
    from argmap.renderers.dot import to_dot

    path = job[1]
    amap = load(path)
    labels = None
    if status:
        from argmap.explanation import thesis_verdict
        from argmap.semantics import evaluate

        evaluation = evaluate(amap)
        labels = evaluation.labels
        verdict = thesis_verdict(amap, evaluation) or ""
        options = replace(options, caption=verdict.replace("`", ""))  # ids, not code
    return run_graphviz(to_dot(amap, options, labels), fmt, str(path), options.ratio, dpi)


def run_graphviz(source: str, fmt: str, what: str, ratio: float | None = None,
                 dpi: float | None = None) -> bytes | str:
    """The drawing of DOT `source` as `fmt`, or the source itself for `dot`.

    With `ratio`, padded to exactly that shape; a PNG at `dpi` pixels an inch.
    """
    if fmt == "dot":
        return source
    from argmap.renderers.graphviz_run import run_dot

    drawing = run_dot(source, fmt, ratio, dpi)
    for line in drawing.warnings:
        sys.stderr.write(f"argmap: warning: {what}: Graphviz: {line}\n")
    return drawing.data


def _write(drawings: list[bytes | str], targets: list[Path] | None,
           folder: Path | None) -> None:
    from argmap.cli.app import write_output

    if targets is None:
        write_output(drawings[0], None)
        return
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise fail(f"cannot create folder {folder}: {exc.strerror}") from None
    for data, target in zip(drawings, targets, strict=True):
        write_output(data, target)
        sys.stderr.write(f"wrote {target}\n")
