"""Renderers: turn a map into something to look at (a rich tree, DOT, exports)."""
