"""The command line: thin commands that resolve arguments, call the library, and exit.

Each command lives in its own module and registers itself on `app`. Heavy libraries
(rich, graphviz) are imported inside the commands that use them, so start-up stays cheap.
"""

from __future__ import annotations

from argmap.cli import (  # noqa: F401  (importing a command module registers it)
    atlas_cmd,
    diff_cmd,
    eval_cmd,
    export_cmd,
    fmt_cmd,
    html_cmd,
    lint_cmd,
    lsp_cmd,
    maps_cmd,
    new_cmd,
    quotes_cmd,
    render_cmd,
    show_cmd,
    slides_cmd,
)
from argmap.cli.app import app, main

__all__ = ["app", "main"]
