"""Project settings from `[tool.argmap]` in pyproject.toml."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.problem import ArgmapError

DEFAULT_CLAIM_MAX_WORDS = 40


@dataclass(frozen=True)
class Settings:
    """What `[tool.argmap]` can set, with the defaults used when it is absent."""

    maps: str = "maps"
    disable: frozenset[str] = field(default_factory=frozenset)
    claim_max_words: int = DEFAULT_CLAIM_MAX_WORDS
    #: The pyproject.toml the settings came from, if any.
    origin: Path | None = None
    #: The settings the pyproject.toml gave, as opposed to defaults.
    explicit: frozenset[str] = field(default_factory=frozenset)


_KEYS = {"maps", "disable", "claim-max-words"}


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_settings(start: Path | None = None) -> Settings:
    """Settings from the nearest pyproject.toml at or above `start` (default: cwd)."""
    path = find_pyproject((start or Path.cwd()).resolve())
    if path is None:
        return Settings()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArgmapError(f"{path}: cannot read settings: {exc}") from None
    if "[tool.argmap]" not in text:
        return Settings()
    import tomllib

    try:
        table = tomllib.loads(text).get("tool", {}).get("argmap", {})
    except tomllib.TOMLDecodeError as exc:
        raise ArgmapError(f"{path}: {exc}") from None
    settings = parse_settings(table, path)
    if start is not None and not Path(settings.maps).is_absolute():
        # Relative to the working directory only when the search started there: a caller
        # that names another start (an editor's workspace) gets the folder in full.
        from dataclasses import replace

        settings = replace(settings, maps=str(path.parent / table.get("maps", "maps")))
    return settings


def parse_settings(table: dict[str, Any], origin: Path | None = None) -> Settings:
    where = f"{origin}: [tool.argmap]" if origin else "[tool.argmap]"
    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, sorted(_KEYS), n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"known: {', '.join(sorted(_KEYS))}"
            raise ArgmapError(f"{where}: unknown setting `{key}`; {hint}")
    maps = table.get("maps", "maps")
    disable = table.get("disable", [])
    words = table.get("claim-max-words", DEFAULT_CLAIM_MAX_WORDS)
    if not isinstance(maps, str):
        raise ArgmapError(f"{where}: `maps` must be a folder name, like \"maps\"")
    if not (isinstance(disable, list) and all(isinstance(code, str) for code in disable)):
        raise ArgmapError(f"{where}: `disable` must be a list of rule codes or names")
    if not isinstance(words, int) or isinstance(words, bool) or words < 1:
        raise ArgmapError(f"{where}: `claim-max-words` must be a whole number above 0")
    return Settings(maps=_beside(origin, maps) if origin else maps,
                    disable=frozenset(disable), claim_max_words=words, origin=origin,
                    explicit=frozenset(table))


def _beside(origin: Path, folder: str) -> str:
    """`folder` as seen from the pyproject.toml, written relative to the working directory
    when it is below it, so that paths in findings stay short and portable."""
    import os

    target = origin.parent / folder
    if Path(folder).is_absolute():
        return folder
    try:
        return os.path.relpath(target)
    except ValueError:  # on another drive (Windows)
        return str(target)
