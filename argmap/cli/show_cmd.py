"""`argmap show`: print a map as a tree in the terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.app import app, fail, handles_errors, use_color

if TYPE_CHECKING:
    from argmap.config import Settings
    from argmap.model import ArgMap, Kind, Label
    from argmap.semantics import Evaluation


@app.command()
@handles_errors
def show(
    name: Annotated[str, typer.Argument(
        metavar="MAP", help="A map name (`qiu`, see `argmap list`) or a path to a .yaml file.",
        show_default=False)],
    depth: Annotated[int | None, typer.Option(
        "--depth", "-d", min=0, metavar="N", show_default=False,
        help="Show only N levels below the thesis (or below --focus).")] = None,
    focus: Annotated[str | None, typer.Option(
        "--focus", metavar="ID", show_default=False,
        help="Show one node's subtree and the path from the thesis to it.")] = None,
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", "-k", metavar="KIND", show_default=False,
        help="Show only this kind (premise, objection, counterexample, rebuttal), what "
        "answers it, and the path to it; repeat for more.")] = None,
    quotes: Annotated[bool, typer.Option(
        "--quotes", "-q", help="Show the author's quoted words under each claim.")] = False,
    notes: Annotated[bool, typer.Option(
        "--notes", "-n", help="Show the map author's notes.")] = False,
    ascii_only: Annotated[bool, typer.Option(
        "--ascii", help="Draw with ASCII characters only.")] = False,
    status: Annotated[bool, typer.Option(
        "--status", "-s", help="Show whether each claim stands, is defeated or is undecided "
        "(grounded semantics; see `argmap eval`).")] = False,
) -> None:
    """Print a map as a tree: the thesis, its premises, the objections and the answers.

    Each line shows the node's id, what it does (supports, objects, counterexample,
    rebuts) and its claim, with where the text makes it. Edges the nesting cannot show
    appear as `→ attacks ID "claim"`. Colour only on a terminal, never with NO_COLOR.
    Exit status: 0 shown, 1 the map does not load, 2 usage error or unreadable input.

    Examples:

      argmap show qiu

      argmap show qiu --depth 1             # the thesis and its reasons

      argmap show qiu --focus O1 --quotes   # one objection, its answers

      argmap show qiu --status              # which claims stand

      argmap show arsene --kind objection | less
    """
    from argmap.config import load_settings
    from argmap.loader import load
    from argmap.names import resolve
    from argmap.renderers.terminal import terminal_width
    from argmap.renderers.tree import ViewOptions, build_view

    settings = load_settings()
    kinds = frozenset(_kind(word) for word in kind or ())
    path = resolve(name, settings)
    amap = load(path)
    color = use_color()
    unicode = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().startswith("utf")
    if not unicode and isinstance(sys.stdout, io.TextIOWrapper):
        # A terminal that cannot show a claim's characters gets `?`, not a traceback.
        sys.stdout.reconfigure(errors="replace")
    options = ViewOptions(depth=depth, focus=focus, kinds=kinds, quotes=quotes, notes=notes,
                          ascii=ascii_only or not unicode)
    others = _referenced_maps(amap, path, settings)
    evaluation = _evaluation(amap, others) if status else None
    labels = _labels(amap, evaluation) if evaluation is not None else None
    view = build_view(amap, options, labels=labels, others=others)
    sys.stdout.write(view.text(terminal_width(), color))
    if evaluation is not None and labels is not None:
        sys.stdout.write(status_summary(amap, evaluation, labels) + "\n")


def _evaluation(amap: ArgMap, others: dict[str, ArgMap]) -> Evaluation:
    """`amap` evaluated with the maps it refers to, so their attacks count."""
    from argmap.semantics import evaluate

    return evaluate([amap, *others.values()]) if others else evaluate(amap)


def _labels(amap: ArgMap, evaluation: Evaluation) -> dict[str, Label]:
    prefix = f"{amap.id}:"
    if len(evaluation.maps) == 1:
        return dict(evaluation.labels)
    return {key.removeprefix(prefix): label for key, label in evaluation.labels.items()
            if key.startswith(prefix)}


def status_summary(amap: ArgMap, evaluation: Evaluation, labels: dict[str, Label]) -> str:
    """The counts of what stands, and why the thesis falls when it does."""
    from argmap.explanation import thesis_verdict
    from argmap.model import Label

    counts = dict.fromkeys(Label, 0)
    for each in labels.values():
        counts[each] += 1
    line = (f"{counts[Label.IN]} stand, {counts[Label.OUT]} defeated, "
            f"{counts[Label.UNDECIDED]} undecided")
    verdict = thesis_verdict(amap, evaluation)
    if verdict:
        line += (f"\n{verdict[:-1]}. Premises never rescue a claim from an attack; "
                 f"`argmap explain {amap.id} {amap.thesis.id}` shows the chain, and "
                 "docs/semantics.md how to answer it.")
    return line


def _kind(word: str) -> Kind:
    from argmap.model import Kind

    names = {k.value: k for k in Kind} | {k.plural: k for k in Kind}
    found = names.get(word.lower())
    if found is None:
        import difflib

        close = difflib.get_close_matches(word.lower(), list(names), n=1)
        hint = f"Did you mean `{close[0]}`? " if close else ""
        raise fail(f"unknown kind `{word}`",
                   f"{hint}Choose from: {', '.join(k.value for k in Kind)}.")
    return found


def _referenced_maps(amap: ArgMap, path: Path, settings: Settings) -> dict[str, ArgMap]:
    """The other maps `amap` refers to that can be found and loaded; the rest are skipped."""
    from argmap.loader import MAP_SUFFIXES, load
    from argmap.names import resolve
    from argmap.problem import ArgmapError

    wanted = {ref.map for node in amap.walk()
              for ref in (*node.supports, *node.attacks, *node.same_as)
              if ref.map is not None and ref.map != amap.id}
    found: dict[str, ArgMap] = {}
    for map_id in sorted(wanted):
        beside = [path.parent / f"{map_id}{suffix}" for suffix in MAP_SUFFIXES]
        try:
            target = next((p for p in beside if p.is_file()), None) or resolve(map_id, settings)
            other = load(target)
        except ArgmapError:
            continue
        if other.id == map_id:
            found[map_id] = other
    return found
