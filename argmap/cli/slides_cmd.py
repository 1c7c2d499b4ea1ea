"""`argmap slides`: a map as a deck of 16:9 slides, SVG and PNG each, and one PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.app import OneMap, app, fail, handles_errors
from argmap.cli.diagram_options import Theme

DEFAULT_FOLDER = Path("build")


@app.command()
@handles_errors
def slides(
    name: OneMap,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FOLDER", show_default=False,
        help="The folder for the slides (default: build/NAME-slides); replaced as a "
        "whole once the deck is drawn.")] = None,
    theme: Theme = "light",
    wrap: Annotated[int, typer.Option(
        "--wrap", min=8, max=200, metavar="N",
        help="Wrap claims at N columns (a Chinese character takes two).")] = 40,
    ratio: Annotated[str, typer.Option(
        "--ratio", metavar="W:H", help="The shape of a slide.")] = "16:9",
    min_text: Annotated[float, typer.Option(
        "--min-text", min=4, max=60, metavar="PX",
        help="The smallest text, in pixels, on a slide shown 1920 pixels wide: a branch "
        "that would draw smaller goes on over more slides.")] = 14.0,
    status: Annotated[bool, typer.Option(
        "--status", help="Colour each node by whether it stands, is defeated or is "
        "undecided (grounded semantics, see `argmap eval`), with a key.")] = False,
    png: Annotated[bool, typer.Option("--png/--no-png", help="Write a PNG per slide.")] = True,
    pdf: Annotated[bool, typer.Option(
        "--pdf/--no-pdf", help="Write NAME.pdf, every slide a page.")] = True,
) -> None:
    """Draw a map as slides: an overview, then each branch of the thesis, split to fit.

    The overview shows the thesis with its reasons and the objections to it; then each
    of those with something below it gets slides of its own (a reason with what supports
    it, an objection with its counterexamples, rebuttals and undercuts), level by level,
    going on over as many slides as it takes for no text to be smaller than --min-text
    pixels on a 1920 × 1080 screen. A node whose nodes below go on later says
    `+N more on slide K`. Every slide has the same heading, legend and colours, the
    slide's number, the map's title and its source.

    Written into one folder: NAME-01.svg and NAME-01.png per slide, 1920 pixels wide,
    and NAME.pdf with a page per slide (each slide drawn by Graphviz as PDF, the pages
    merged with pypdf). The folder is written whole, then renamed into place. Needs
    Graphviz (`dot`). Exit status: 0 written, 1 the map does not load, 2 usage error,
    unreadable input or an unknown map, Graphviz missing or failing.

    Examples:

      argmap slides qiu                        # build/qiu-slides/

      argmap slides qiu -o talk/ --status --theme dark

      argmap slides maps/mine.yaml -o mine-slides --no-png --min-text 18
    """
    from argmap.cli.render_cmd import parse_ratio
    from argmap.config import load_settings
    from argmap.loader import load
    from argmap.names import resolve
    from argmap.renderers.dot_style import THEMES, DotOptions
    from argmap.renderers.graphviz_run import find_dot
    from argmap.slides.deck import Deck, DeckOptions, deck_files
    from argmap.slides.output import check_target, write_deck

    if theme not in THEMES:
        raise fail(f"unknown theme `{theme}`", f"Choose one of: {', '.join(THEMES)}.")
    path = resolve(name, load_settings())
    folder = output if output is not None else DEFAULT_FOLDER / f"{path.stem}-slides"
    check_target(folder)
    amap = load(path)
    find_dot()
    labels, verdict = None, ""
    if status:
        from argmap.explanation import thesis_verdict
        from argmap.semantics import evaluate

        evaluation = evaluate(amap)
        labels = evaluation.labels
        verdict = (thesis_verdict(amap, evaluation) or "").replace("`", "")  # ids, not code
    options = DeckOptions(DotOptions(theme=theme, wrap=wrap, caption=verdict),
                          parse_ratio(ratio), min_text, status)

    def warn(line: str) -> None:
        sys.stderr.write(f"argmap: warning: {path}: {line}\n")

    drawn = Deck(amap, options, labels).drawn(warn)

    write_deck(folder, deck_files(path.stem, drawn, options.ratio, png, pdf,
                                  lambda line: warn(f"Graphviz: {line}")))
    sys.stderr.write(f"wrote {folder}{'/' if not str(folder).endswith('/') else ''} "
                     f"({len(drawn)} slide{'s' if len(drawn) != 1 else ''})\n")
