"""What an importer reads out of a file: claims and the relations between them.

Importers fill a `Graph` and know nothing about argmap's tree; `layout` turns the graph
into a map. Claims are keyed by whatever identifies them in the source (an Argdown
title, an AIF nodeID); every link names claims by those keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.model import Relation

# Characters the loader refuses (control characters), and those YAML reads as line breaks.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]")


@dataclass
class Claim:
    key: str
    text: str
    #: A readable name in the source (an Argdown title) to derive the id from.
    name: str | None = None
    tags: list[str] = field(default_factory=list)
    #: Becomes the node's `note:`.
    notes: list[str] = field(default_factory=list)
    #: Become YAML comments above the node: what the map could not say about it.
    comments: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Link:
    """One support, attack or undercut; several sources of one support are co-premises."""

    sources: tuple[str, ...]
    target: str
    relation: Relation
    #: Said in a comment on each source: how the link differs in the source.
    comment: str | None = None
    #: For an undercut: the far end of the link attacked, whose source is `target`.
    #: The link then attacks only that inference, never `target` itself.
    undercut: str | None = None


@dataclass
class Graph:
    format: str
    claims: dict[str, Claim] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    title: str | None = None
    author: tuple[str, ...] = ()
    map_id: str | None = None
    #: The key of the thesis, when the file names it (argmap's own exports do).
    thesis: str | None = None
    #: What could not be carried over, one sentence each: for stderr and the header.
    dropped: list[str] = field(default_factory=list)
    #: Source text that is not a claim (Argdown prose), kept as comments.
    prose: list[str] = field(default_factory=list)
    _stated: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def claim(self, key: str, text: str = "", name: str | None = None) -> Claim:
        """The claim under `key`, created on first use; the first non-empty text wins."""
        found = self.claims.get(key)
        if found is None:
            found = self.claims[key] = Claim(key, "", name)
        cleaned = clean_text(text)
        if cleaned and not found.text:
            found.text = cleaned
        elif cleaned and cleaned != found.text and (key, cleaned) not in self._stated:
            self._stated.add((key, cleaned))
            found.notes.append(f"Also stated as: {cleaned}")
        return found


def clean_text(text: str) -> str:
    """Text as a map holds it: no control characters, no padding, `\\n` line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(" ", text).strip()


def one_line(text: str) -> str:
    """Text for a YAML comment or a message: one line, no control characters."""
    return " ".join(_UNSAFE.sub(" ", text).split())


def short(text: str, width: int = 50) -> str:
    """`text` quoted for a message, cut to about `width` characters."""
    flat = one_line(text)
    return repr(flat if len(flat) <= width else flat[:width - 1].rstrip() + "…")
