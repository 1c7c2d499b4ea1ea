"""Read a map file into the model, keeping every position, refusing unsafe YAML.

The YAML is composed, not constructed, with PyYAML's C parser: composed nodes keep
their line and column and show duplicate keys that `safe_load` would silently drop.
Everything a hand-written map must not contain is refused with its own message.
"""

from __future__ import annotations

import gc
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from argmap.map_builder import _Builder
from argmap.map_format import (
    _MAX_YAML_DEPTH,
    FORMAT_VERSION,
    LINK,
    LOCATOR_KEYS,
    MAP_ID,
    MAP_KEYS,
    MAP_SUFFIXES,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NUMBER,
    NODE_ID,
    NODE_KEYS,
    OBJECTION_KEYS,
    PAGE,
    PAGE_PATTERN,
    REFERENCE,
    SOURCE_KEYS,
    SOURCE_KINDS,
    THESIS_KEYS,
    YAML_LOADER,
    _line_column,
)
from argmap.model import ArgMap, Span
from argmap.problem import ArgmapError, MapInvalid, Problem, Severity
from argmap.yaml_guard import (
    _bad_character,
    _cut_by_comment,
    _deep_span,
    _empty,
    _escaped_control,
    _forbidden_tokens,
    _may_hold_escaped_control,
    _may_hold_forbidden,
    _syntax_error,
)

__all__ = [
    "FORMAT_VERSION", "LINK", "LOCATOR_KEYS", "MAP_ID", "MAP_KEYS", "MAP_SUFFIXES", "MAX_BYTES",
    "MAX_DEPTH", "MAX_NUMBER", "NODE_ID", "NODE_KEYS", "OBJECTION_KEYS", "PAGE", "PAGE_PATTERN",
    "REFERENCE", "SOURCE_KEYS", "SOURCE_KINDS", "THESIS_KEYS", "LoadResult", "load",
    "load_bytes", "load_file", "load_text", "read_bytes",
]


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A file's map, or the problems that kept it from loading."""

    path: str
    map: ArgMap | None
    problems: tuple[Problem, ...]
    text: str = ""
    #: Warnings found while reading a map that loads (AM305): reported, not blocking.
    notices: tuple[Problem, ...] = ()


def load(path: str | os.PathLike[str]) -> ArgMap:
    """Load one map or raise: `ArgmapError` if unreadable, `MapInvalid` if not a map."""
    result = load_file(path)
    if result.map is None:
        raise MapInvalid(result.path, result.problems)
    return result.map


def load_file(path: str | os.PathLike[str]) -> LoadResult:
    """Load a map file. Raises `ArgmapError` only if the file cannot be read at all."""
    name = str(path)
    data = read_bytes(Path(path))
    return load_bytes(data, name)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what cannot be a map file before reading it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArgmapError(f"{path}: no such file") from None
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArgmapError(f"{path}: is a folder, not a map file",
                          hint="Name a .yaml file, or use `argmap lint` on the folder.")
    if not stat.S_ISREG(info.st_mode):
        raise ArgmapError(f"{path}: is not a regular file (a device, pipe or socket)")
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot read: {exc.strerror}") from None


def load_bytes(data: bytes, path: str = "<string>") -> LoadResult:
    """Decode, check and compose a map given as bytes."""
    if len(data) > MAX_BYTES:
        return _fail(path, "AM005", Span(path, 1, 1),
                     f"file is larger than {MAX_BYTES // (1024 * 1024)} MB; no map is that big",
                     "Split the map into several files that refer to each other.")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode("utf-8")  # the text up to the first bad byte
        line, column = _line_column(before, len(before))
        return _fail(path, "AM006", Span(path, line, column),
                     f"file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)",
                     "Save the file as UTF-8 in your editor.")
    return load_text(text, path)


def load_text(text: str, path: str = "<string>") -> LoadResult:
    """Check and compose a map given as text."""
    bad = _bad_character(text, path)
    if bad:
        return LoadResult(path, None, (bad,), text)
    forbidden = _forbidden_tokens(text, path) if _may_hold_forbidden(text) else None
    if forbidden:
        return LoadResult(path, None, (forbidden,), text)
    deep = _deep_span(text, path)
    if deep is not None:
        return _fail(path, "AM005", deep, f"nesting is deeper than {_MAX_YAML_DEPTH} "
                     "levels of YAML; no map is that deep", None, text)
    # The collector finds no garbage in a freshly composed tree, but on a large map its
    # passes over the many new objects take half the load time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compose_and_build(text, path)
    finally:
        if collecting:
            gc.enable()


def _compose_and_build(text: str, path: str) -> LoadResult:
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        return LoadResult(path, None, (_syntax_error(exc, text, path),), text)
    except yaml.YAMLError as exc:
        return _fail(path, "AM001", Span(path, 1, 1), f"YAML syntax error: {exc}", None, text)
    except RecursionError:
        return _fail(path, "AM005", _deep_span(text, path) or Span(path, 1, 1),
                     f"nesting is deeper than {_MAX_YAML_DEPTH} levels of YAML; no map is that "
                     "deep", None, text)
    if root is None:
        return _fail(path, "AM002", Span(path, 1, 1), _empty(text, path),
                     "A map starts with `argmap: 1`; `argmap new NAME` writes one to start "
                     "from, and docs/format.md describes every key.", text)
    escaped = _escaped_control(root, path) if _may_hold_escaped_control(text) else None
    if escaped:
        return LoadResult(path, None, (escaped,), text)
    builder = _Builder(path)
    amap = builder.build(root)
    problems = tuple(sorted(builder.problems, key=Problem.sort_key))
    notices = tuple(_cut_by_comment(root, text, path)) if " #" in text or "\t#" in text else ()
    return LoadResult(path, amap if not problems else None, problems, text, notices)


def _fail(path: str, code: str, span: Span, message: str,
          hint: str | None = None, text: str = "") -> LoadResult:
    return LoadResult(path, None, (Problem(code, Severity.ERROR, span, message, hint),), text)
