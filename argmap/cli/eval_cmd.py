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
#: The words people read for each label; `expect:` and JSON keep in, out, undecided.
WORDS = {"in": "stands", "out": "defeated", "undecided": "undecided"}
ONLY = ("stands", "defeated", "undecided", "unexpected")


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
    only: Annotated[list[str] | None, typer.Option(
        "--only", metavar="WHICH", show_default=False,
        help="List only the nodes that stand, are defeated, are undecided, or are "
        "unexpected (their label differs from their `expect:`); repeat for more. The "
        "counts at the end are of every node.")] = None,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Print only the counts, and the nodes that are unexpected.")] = False,
) -> None:
    """Say of every node whether it stands, is defeated or is undecided, and count them.

    A node stands when every attacker is defeated, is defeated when some attacker stands,
    and is undecided otherwise (docs/semantics.md). Nodes whose label differs from their
    `expect:` are marked, as are claims whose every reason is defeated. Claims wrap to the
    terminal. Exit status: 0; 1 if a map does not load; 2 for usage errors, unreadable
    input or a search too large (preferred, stable).

    Examples:

      argmap eval qiu

      argmap eval qiu --only defeated

      argmap eval qiu arsene --format json

      argmap eval qiu --semantics preferred
    """
    from argmap.semantics import evaluate

    if format not in EVAL_FORMATS:
        raise fail(f"unknown format `{format}`", f"Choose one of: {', '.join(EVAL_FORMATS)}.")
    for which in only or ():
        if which not in ONLY:
            raise fail(f"--only {which}: not a choice", f"Choose from: {', '.join(ONLY)}.")
    _check_semantics(semantics)
    evaluation = evaluate(_load_all(names), semantics)
    if format == "json":
        import json

        sys.stdout.write(json.dumps(eval_json(evaluation), ensure_ascii=False, indent=2) + "\n")
    else:
        chosen = frozenset(["unexpected"] if summary else only or ())
        sys.stdout.write(eval_text(evaluation, color=use_color(), width=terminal_width(),
                                   only=chosen, summary=summary))


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
    verb = {"in": "stands", "out": "is defeated", "undecided": "is undecided"}[label]
    console.print(f"{key} {verb}: {why(evaluation, key)}.", markup=False)
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


def terminal_width() -> int | None:
    """The width to wrap to: the terminal's, or COLUMNS; None (no wrapping) for a pipe."""
    import os
    import shutil

    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return max(shutil.get_terminal_size().columns, 40)
    return None


def eval_text(evaluation: Evaluation, *, color: bool = False, width: int | None = None,
              only: frozenset[str] = frozenset(), summary: bool = False) -> str:
    """One line per node: key, status and claim (wrapped to `width`), with notes under
    the nodes that need them; then the counts."""
    key_width = max((len(key) for key in evaluation.labels), default=0)
    indent = " " * (key_width + 13)
    lines = [_heading(evaluation), ""]
    for key, _amap, node in evaluation.nodes():
        label = evaluation.labels[key].value
        unexpected = node.expect is not None and node.expect.value != label
        if only and WORDS[label] not in only and not ("unexpected" in only and unexpected):
            continue
        word = f"{WORDS[label]:<9}"
        shown = f"{_ANSI[label]}{word}\x1b[0m" if color else word
        claim = _wrapped(node.claim, width, indent)
        lines.append(f"{key:<{key_width}}  {shown}  {claim}")
        lines.extend(f"{'':<{key_width}}  ! {note}" for note in _notes(evaluation, key, node))
    if summary or (only and len(lines) == 2):
        lines.append("(no node to list)" if len(lines) == 2 else "")
    counts = {label.value: n for label, n in evaluation.counts().items()}
    total = len(evaluation.labels)
    stand = "stands" if counts["in"] == 1 else "stand"
    lines += ["", f"{counts['in']} {stand}, {counts['out']} defeated, {counts['undecided']} "
              f"undecided ({total} node{'' if total == 1 else 's'})"]
    return "\n".join(line for i, line in enumerate(lines)
                     if line or i == 1 or lines[i - 1]) + "\n"


def _wrapped(text: str, width: int | None, indent: str) -> str:
    """The claim's lines, each wrapped to `width`, continued under the claim column."""
    if width is None or width - len(indent) < 20:
        return text.replace("\n", "\n" + indent)
    import textwrap

    room = width - len(indent)
    parts = [textwrap.wrap(line, room, break_on_hyphens=False) or [""]
             for line in text.split("\n")]
    return ("\n" + indent).join(piece for part in parts for piece in part)


def _heading(evaluation: Evaluation) -> str:
    names = ", ".join(amap.id for amap in evaluation.maps)
    if evaluation.semantics == "grounded":
        return f"{names}: grounded semantics"
    if evaluation.count == 0:
        return (f"{names}: no {evaluation.semantics} labelling exists (an odd attack cycle "
                "that nothing outside breaks); every node is reported undecided")
    return (f"{names}: {evaluation.semantics} semantics, {evaluation.count} labelling(s); "
            "a node stands (is defeated) when it does in all of them, else it is undecided")


def _notes(evaluation: Evaluation, key: str, node: Node) -> list[str]:
    label = evaluation.labels[key]
    notes = []
    if node.expect is not None and node.expect is not label:
        notes.append(f"expected: {WORDS[node.expect.value]} (AM401)")
    if key in evaluation.unsupported:
        notes.append("unsupported: every reason for it is defeated (AM402)")
    if key in evaluation.credulous and label.value != "in":
        notes.append(f"stands in some {evaluation.semantics} labellings, not all")
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
        text = Text.assemble((k, "bold"), " ", (WORDS[label], _STYLE[label]))
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
