"""One colour per kind of node, the same hue in the terminal, the drawings and exports.

Thesis yellow, premise blue, objection red, counterexample orange, rebuttal purple: the
drawings' light theme is the reference (its fills and borders are here), the terminal
uses the nearest colours a terminal has, and the Mermaid export uses the drawing's.
"""

from __future__ import annotations

from argmap.model import Kind

FILL = {Kind.THESIS: "#ffe8a3", Kind.PREMISE: "#e3eefb", Kind.OBJECTION: "#fbd9d6",
        Kind.COUNTEREXAMPLE: "#fde6cc", Kind.REBUTTAL: "#e9e1f5"}
BORDER = {Kind.THESIS: "#8a6d00", Kind.PREMISE: "#4a78b0", Kind.OBJECTION: "#a8322b",
          Kind.COUNTEREXAMPLE: "#b86e1e", Kind.REBUTTAL: "#6a4c9c"}
#: rich styles of the same hues, readable on light and dark terminals alike.
TERMINAL = {Kind.THESIS: "bold yellow", Kind.PREMISE: "blue", Kind.OBJECTION: "red",
            Kind.COUNTEREXAMPLE: "dark_orange", Kind.REBUTTAL: "medium_purple"}
