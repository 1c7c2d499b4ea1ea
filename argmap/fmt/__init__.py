"""`argmap fmt`: one canonical layout for map files, never a change of meaning.

The layout is generated from the tree argmap's own loader composes (PyYAML, YAML 1.1),
not from a second parser's idea of the file: a round-trip library reading YAML 1.2
would take `yes` or `0755` for something else than the loader does. Comments are found
by position and tied to the entry they sit on (see `argmap.fmt.comments`).

Every result is checked before it is returned: the formatted text must load to the
same model (ignoring positions), give the same lint findings and keep every comment;
otherwise `FormatError` is raised and the file is left alone.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections import Counter
from typing import Any

import yaml

from argmap.config import Settings
from argmap.fmt import comments
from argmap.fmt.layout import DEFAULT_WIDTH, NODE_ORDER, Layout
from argmap.loader import LoadResult, load_text
from argmap.model import ArgMap
from argmap.problem import ArgmapError, MapInvalid

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["DEFAULT_WIDTH", "NODE_ORDER", "FormatError", "format_text", "meaning"]

_LINE_BREAKS = re.compile(r"\r\n?")
_POSITION = re.compile(r"\bline \d+")


class FormatError(ArgmapError):
    """The formatted text would differ in meaning; nothing is written."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(f"{path}: formatting would change {what}; the file is left as it is",
                         exit_code=1,
                         hint="Please report this with the file: it is a bug in `argmap fmt`.")


def format_text(text: str, path: str = "<string>", width: int = DEFAULT_WIDTH,
                settings: Settings | None = None) -> str:
    """The map in canonical layout. Raises `MapInvalid` if the text does not load."""
    text = text.removeprefix("\ufeff")
    before = load_text(text, path)
    if before.map is None:
        raise MapInvalid(path, before.problems)
    text = _LINE_BREAKS.sub("\n", text)
    root = yaml.compose(text, Loader=_Loader)
    assert isinstance(root, yaml.MappingNode)  # the map loaded, so it is a mapping
    formatted = Layout(comments.attach(text, root), width).document(root)
    _check(before, formatted, path, settings or Settings())
    return formatted


def meaning(amap: ArgMap) -> Any:
    """The map as plain values without positions: equal exactly when the maps mean the same."""
    return _plain(amap)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, tuple(
            (f.name, _plain(getattr(value, f.name))) for f in dataclasses.fields(value)
            if f.name not in ("span", "spans") and not f.name.startswith("_")))
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _check(before: LoadResult, formatted: str, path: str, settings: Settings) -> None:
    after = load_text(formatted, path)
    if after.map is None or before.map is None:
        raise FormatError(path, "whether the map loads")
    if meaning(after.map) != meaning(before.map):
        raise FormatError(path, "the map's content")
    if _findings(before, settings) != _findings(after, settings):
        raise FormatError(path, "the lint findings (a suppression comment moved)")
    if _comment_texts(before.text) != _comment_texts(formatted):
        raise FormatError(path, "the comments")


def _findings(result: LoadResult, settings: Settings) -> Counter[tuple[str, str]]:
    from argmap.lint import lint_loaded

    linted = lint_loaded([result], settings)
    return Counter((p.code, _POSITION.sub("line N", p.message)) for p in linted.problems)


def _comment_texts(text: str) -> Counter[str]:
    return Counter(comment.text for comment in comments.find(_LINE_BREAKS.sub("\n", text)))
