"""Slides of a map for a projector: `argmap slides`.

`plan` decides which nodes go on which slide, `chrome` writes one slide's DOT with its
heading, number, source and legend, `deck` measures the slides with Graphviz and draws
them, and `output` writes the deck's folder in one step.
"""
