"""The argmap language server: lint, navigation, completion and formatting in editors.

Nothing here is imported at start-up: `argmap lsp` imports `argmap.lsp.server`, which
alone imports pygls.
"""
