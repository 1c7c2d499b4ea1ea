"""`argmap eval` (which claims stand) and `argmap explain` (why one node has its label)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from argmap.cli.app import app, fail, handles_errors, use_color

if TYPE_CHECKING:
    from rich.tree import Tree

    from argmap.model import ArgMap, Node
    from argmap.semantics import Evaluation, LinkStatus

EVAL_FORMATS = ("text", "json")
SEMANTICS_HELP = ("grounded (default: exact at any size), preferred or stable (exact "
                  "search, refused when too large).")
_ANSI = {"in": "\x1b[32m", "out": "\x1b[31m", "undecided": "\x1b[33m"}
_STYLE = {"in": "green", "out": "red", "undecided": "yellow"}


@app.command("eval")
@handles_errors
def eval_(
    names: Annotated[list[str], typer.Argument(
        metavar="MAP...", help="Maps to evaluate: a name (`qiu`) or a .yaml path. "
        "Several are evaluated together, so attacks across them count.")],
    format: Annotated[str, typer.Option(
        "--format", "-f", metavar="FORMAT", help="Output format: text or json.")] = "text",
    semantics: Annotated[str, typer.Option(
        "--semantics", "-s", metavar="NAME", help=SEMANTICS_HELP)] = "grounded",
) -> None:
    """Label every node in, out or undecided, and count them (docs/semantics.md).

    A node is in when every attacker is out, out when some attacker is in, undecided
    otherwise. Nodes whose label differs from their `expect:` are marked, as are claims
    whose every reason is out. Exit status: 0; 1 if a map does not load; 2 for usage
    errors, unreadable input or a search too large (preferred, stable).

    Examples:

      argmap eval qiu

      argmap eval qiu arsene --format json

      argmap eval qiu --semantics preferred
    """
    from argmap.semantics import evaluate

    if format not in EVAL_FORMATS:
        raise fail(f"unknown format `{format}`", f"Choose one of: {', '.join(EVAL_FORMATS)}.")
    _check_semantics(semantics)
    evaluation = evaluate(_load_all(names), semantics)
    if format == "json":
        import json

        sys.stdout.write(json.dumps(eval_json(evaluation), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(eval_text(evaluation, color=use_color()))


@app.command()
@handles_errors
def explain(
    name: Annotated[str, typer.Argument(
        metavar="MAP", help="A map name (`qiu`) or a path to a .yaml file.")],
    node_id: Annotated[str, typer.Argument(metavar="ID", help="The node to explain, e.g. O1.")],
    semantics: Annotated[str, typer.Option(
        "--semantics", "-s", metavar="NAME", help=SEMANTICS_HELP)] = "grounded",
) -> None:
    """Show why a node has its label: its attackers and theirs, down to unattacked nodes.

    Each node appears once; when it comes up again (an attack cycle, or a node attacking
    several others) it is marked "(see above)".

    Example:

      argmap explain qiu O1
    """
    from rich.console import Console

    from argmap.explanation import link_sentences, undercut_sentences, why
    from argmap.semantics import evaluate

    _check_semantics(semantics)
    amap = _load_all([name])[0]
    evaluation = evaluate(amap, semantics)
    key = _node_key(amap, evaluation, node_id, name)
    console = Console(color_system="auto" if use_color() else None, highlight=False,
                      emoji=False)
    label = evaluation.labels[key].value
    console.print(f"{key} is {label}: {why(evaluation, key)}.", markup=False)
    node = amap.index()[node_id.removeprefix(f"{amap.id}:")]
    for sentence in (*link_sentences(evaluation, key, node.granted),
                     *undercut_sentences(evaluation, key)):
        console.print(sentence, markup=False)
    if key in evaluation.unsupported:
        from argmap.rules.am402_unsupported import failures

        console.print(f"It is also unsupported: {failures(evaluation, key, amap.id)}.",
                      markup=False)
    console.print(dialectical_tree(evaluation, key))


def _check_semantics(semantics: str) -> None:
    from argmap.semantics import SEMANTICS

    if semantics not in SEMANTICS:
        raise fail(f"unknown semantics `{semantics}`", f"Choose one of: {', '.join(SEMANTICS)}.")


def _load_all(names: list[str]) -> list[ArgMap]:
    from argmap.config import load_settings
    from argmap.loader import load
    from argmap.names import resolve

    settings = load_settings()
    paths: dict[Path, Path] = {}
    for name in names:
        path = resolve(name, settings)
        paths.setdefault(path.absolute(), path)  # a file named twice is read once
    return [load(path) for path in paths.values()]


def _node_key(amap: ArgMap, evaluation: Evaluation, node_id: str, name: str) -> str:
    from argmap.problem import ArgmapError

    key = node_id.removeprefix(f"{amap.id}:")
    if key in evaluation.labels:
        return key
    import difflib

    close = difflib.get_close_matches(key, list(evaluation.labels), n=3, cutoff=0.5)
    hint = f"Did you mean {', '.join(f'`{c}`' for c in close)}? " if close else ""
    raise ArgmapError(f"map `{amap.id}` ({amap.path}) has no node `{node_id}`",
                      hint=f"{hint}`argmap eval {name}` lists every node.")


def eval_text(evaluation: Evaluation, *, color: bool = False) -> str:
    """One line per node: key, label and claim, with notes under nodes that need them."""
    width = max((len(key) for key in evaluation.labels), default=0)
    lines = [_heading(evaluation), ""]
    for key, _amap, node in evaluation.nodes():
        label = evaluation.labels[key].value
        shown = f"{_ANSI[label]}{label:<9}\x1b[0m" if color else f"{label:<9}"
        claim = node.claim.replace("\n", "\n" + " " * (width + 13))
        lines.append(f"{key:<{width}}  {shown}  {claim}")
        lines.extend(f"{'':<{width}}  ! {note}" for note in _notes(evaluation, key, node))
    counts = {label.value: n for label, n in evaluation.counts().items()}
    total = len(evaluation.labels)
    lines += ["", f"{counts['in']} in, {counts['out']} out, {counts['undecided']} undecided "
              f"({total} node{'' if total == 1 else 's'})"]
    return "\n".join(lines) + "\n"


def _heading(evaluation: Evaluation) -> str:
    names = ", ".join(amap.id for amap in evaluation.maps)
    if evaluation.semantics == "grounded":
        return f"{names}: grounded semantics"
    if evaluation.count == 0:
        return (f"{names}: no {evaluation.semantics} labelling exists (an odd attack cycle "
                "that nothing outside breaks); every node is reported undecided")
    return (f"{names}: {evaluation.semantics} semantics, {evaluation.count} labelling(s); "
            "a node is in (out) when it is in (out) in all of them, else undecided")


def _notes(evaluation: Evaluation, key: str, node: Node) -> list[str]:
    label = evaluation.labels[key]
    notes = []
    if node.expect is not None and node.expect is not label:
        notes.append(f"expected {node.expect.value} (AM401)")
    if key in evaluation.unsupported:
        notes.append("unsupported: every reason for it is out (AM402)")
    if key in evaluation.credulous and label.value != "in":
        notes.append(f"in in some {evaluation.semantics} labellings, not all")
    return notes


def eval_json(evaluation: Evaluation) -> dict[str, Any]:
    """The stable JSON document of `argmap eval --format json` (docs/semantics.md)."""
    nodes = [{
        "key": key,
        "map": amap.id,
        "id": node.id,
        "kind": node.kind.value,
        "label": evaluation.labels[key].value,
        "credulous": key in evaluation.credulous,
        "expect": node.expect.value if node.expect else None,
        "unsupported": key in evaluation.unsupported,
        "attackers": list(evaluation.attackers(key)),
    } for key, amap, node in evaluation.nodes()]
    return {
        "version": 1,
        "semantics": evaluation.semantics,
        "maps": [{"id": amap.id, "path": amap.path} for amap in evaluation.maps],
        "labellings": evaluation.count,
        "counts": {label.value: n for label, n in evaluation.counts().items()},
        "nodes": nodes,
    }


def dialectical_tree(evaluation: Evaluation, key: str) -> Tree:
    """The node, its attackers under it, theirs under them; each node expanded once.

    Under an attacker come the nodes undercutting its attack, marked `undercuts`.
    """
    from rich.text import Text
    from rich.tree import Tree

    from argmap.model import Relation

    claims = {k: node.claim for k, _amap, node in evaluation.nodes()}

    def line(k: str, repeated: bool, undercut: str | None = None) -> Text:
        label = evaluation.labels[k].value
        text = Text.assemble((k, "bold"), " ", (label.upper(), _STYLE[label]))
        if undercut:
            text.append(f" undercuts {undercut}")
        text.append("  (see above)" if repeated else f"  {claims[k]}")
        return text

    def children(current: str) -> list[tuple[str, str | None]]:
        """Attackers of `current`, each followed by the undercutters of its attack."""
        found: list[tuple[str, str | None]] = []
        for link in evaluation.attacks_on(current):
            found.append((link.source, None))
            found.extend(undercutters(link))
        return found

    def undercutters(link: LinkStatus) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = []
        for status in evaluation.links:
            if status.relation is Relation.UNDERCUT and status.link.target == link.link:
                found.append((status.source, f"{link.source} -> {link.target}"))
                found.extend(undercutters(status))
        return found

    root = Tree(line(key, False))
    expanded = {key}
    # Depth-first in print order, so the first occurrence printed is the one expanded.
    stack = [(root, k, u) for k, u in reversed(children(key))]
    while stack:
        parent, current, undercut = stack.pop()
        repeated = current in expanded
        branch = parent.add(line(current, repeated, undercut))
        if not repeated:
            expanded.add(current)
            stack.extend((branch, k, u) for k, u in reversed(children(current)))
    return root
