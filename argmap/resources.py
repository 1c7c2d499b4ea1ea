"""Files that ship inside the package: the bundled maps and the JSON Schema.

In a wheel they live under `argmap/_data/`; in a source checkout (an editable install)
they are read from the repository's `maps/` and `schema/` folders, so there is one copy.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
SCHEMA_NAME = "argmap-1.schema.json"


def _data_dir(name: str) -> Path:
    shipped = _PACKAGE / "_data" / name
    return shipped if shipped.is_dir() else _PACKAGE.parent / name


def bundled_maps_dir() -> Path:
    return _data_dir("maps")


def schema_path() -> Path:
    return _data_dir("schema") / SCHEMA_NAME
