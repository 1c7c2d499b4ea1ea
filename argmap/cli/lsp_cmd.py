"""`argmap lsp`: the language server, for editors."""

from __future__ import annotations

from argmap.cli.app import app, handles_errors


@app.command()
@handles_errors
def lsp() -> None:
    """Run the language server on standard input and output (for editors).

    Diagnostics from the same rules as `argmap lint`, go to definition, references,
    rename, hover, completion, outline, folding, quick fixes and formatting.
    docs/editors.md shows how to set it up in VS Code, Neovim and Helix.
    """
    from argmap.lsp.server import serve

    serve()
