"""The command line: thin commands that resolve arguments, call the library, and exit.

Each command lives in its own module and registers itself on `app`. Heavy libraries
(rich, graphviz) are imported inside the commands that use them, so start-up stays cheap.
"""

from __future__ import annotations

from argmap.cli.app import app, main
from argmap.cli import atlas_cmd, lint_cmd, maps_cmd  # noqa: F401  (registers the commands)

__all__ = ["app", "main"]
