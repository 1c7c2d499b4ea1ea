"""The two versions to compare: two files, git revisions, or what git hands a diff driver.

`argmap diff OLD NEW` compares two files; `argmap diff REV [PATH ...]` compares every map
changed between a revision and the working tree, `A..B` between two revisions (`A...B`
from their merge base). Git runs an external diff driver with seven arguments (path,
old file, old hash, old mode, new file, new hash, new mode); those are recognised too.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from argmap.loader import MAP_SUFFIXES, read_bytes
from argmap.problem import ArgmapError

_MODE = re.compile(r"(?:[0-7]{6}|\.)\Z")
_HASH = re.compile(r"(?:[0-9a-f]{7,64}|\.)\Z")
_IS_MAP = re.compile(rb"^argmap[ \t]*:", re.MULTILINE)
NULL = "/dev/null"


@dataclass(frozen=True, slots=True)
class Side:
    """One version of a file: its bytes, or None where the file does not exist."""

    name: str
    data: bytes | None


@dataclass(frozen=True, slots=True)
class Pair:
    """The old and new versions of one map file, and the path to show for it."""

    path: str
    old: Side
    new: Side
    #: The working-tree files this pair stands for, so other maps are not counted twice.
    files: tuple[str, ...] = ()


def is_driver_call(args: Sequence[str]) -> bool:
    """Whether `args` are the seven (or nine, for a rename) arguments git passes."""
    return (len(args) in (7, 9) and bool(_HASH.match(args[2])) and bool(_MODE.match(args[3]))
            and bool(_HASH.match(args[5])) and bool(_MODE.match(args[6])))


def driver_pair(args: Sequence[str]) -> Pair:
    path = args[0]
    new_path = args[7] if len(args) == 9 else path
    return Pair(new_path, _file_side(args[1], f"a/{path}"), _file_side(args[4], f"b/{new_path}"),
                (new_path,))


def file_pair(old: str, new: str) -> Pair:
    return Pair(new, _file_side(old, old), _file_side(new, new), (old, new))


def _file_side(path: str, name: str) -> Side:
    if path == NULL:
        return Side(name, None)
    return Side(name, read_bytes(Path(path)))


def git_pairs(spec: str, paths: Sequence[str]) -> list[Pair]:
    """Every map file that differs between the revisions `spec` names, under `paths`."""
    root = Path(_git("rev-parse", "--show-toplevel").decode().strip())
    old_rev, new_rev = _revisions(spec)
    names = _git("diff", "--name-only", "--no-renames", "-z", old_rev,
                 *([new_rev] if new_rev else []), "--", *paths).decode("utf-8", "replace")
    pairs = []
    for relative in filter(None, names.split("\0")):
        if Path(relative).suffix not in MAP_SUFFIXES:
            continue
        old = _revision_side(old_rev, relative)
        new = (_revision_side(new_rev, relative) if new_rev
               else _worktree_side(root / relative, relative))
        if not any(side.data is not None and _IS_MAP.search(side.data) for side in (old, new)):
            continue  # a YAML file that is not a map (a CI config, say)
        shown = os.path.relpath(root / relative)
        pairs.append(Pair(shown, old, new, (str(root / relative),)))
    return pairs


def looks_like_revision(spec: str) -> bool:
    if ".." in spec:
        return True
    try:
        _git("rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}")
    except ArgmapError:
        return False
    return True


def _revisions(spec: str) -> tuple[str, str | None]:
    if "..." in spec:
        left, right = spec.split("...", 1)
        base = _git("merge-base", left or "HEAD", right or "HEAD").decode().strip()
        return _verified(base), _verified(right or "HEAD")
    if ".." in spec:
        left, right = spec.split("..", 1)
        return _verified(left or "HEAD"), _verified(right or "HEAD")
    return _verified(spec), None


def _verified(rev: str) -> str:
    if rev.startswith("-"):
        raise ArgmapError(f"`{rev}` is not a git revision")
    try:
        return _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except ArgmapError:
        raise ArgmapError(f"`{rev}` is not a file or a git revision here",
                          hint="Give two map files, or a revision such as HEAD~1 or "
                          "main..HEAD, inside a git repository.") from None


def _revision_side(rev: str, relative: str) -> Side:
    name = f"{rev[:12]}:{relative}"
    try:
        return Side(name, _git("show", f"{rev}:{relative}"))
    except ArgmapError:
        return Side(name, None)


def _worktree_side(path: Path, relative: str) -> Side:
    if not path.exists():
        return Side(relative, None)
    return Side(relative, read_bytes(path))


def _git(*args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise ArgmapError("git is not installed, so revisions cannot be compared",
                          hint="Give two map files instead: `argmap diff OLD NEW`.") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ArgmapError(f"git {args[0]} failed: {message[-1] if message else 'no reason given'}")
    return done.stdout
