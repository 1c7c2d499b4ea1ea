"""Readable ids for imported claims: the source's names where it has them, else positions.

A name (an Argdown title) becomes an id by keeping it if it already is one and otherwise
turning it into letters, digits and dashes (`Absolute Freedom of Speech` →
`Absolute-Freedom-of-Speech`). Claims without a name are numbered by where they sit, as
the bundled maps are: `T`, premises `P1`, `P1.1`, objections `O1`, rebuttals `O1.R1`.
"""

from __future__ import annotations

import re
import unicodedata

from argmap.importers.outline import Item, Outline
from argmap.loader import NODE_ID
from argmap.model import Kind

MAX_LENGTH = 40
#: A name that already is an id is kept up to this length.
KEEP_LENGTH = 64
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                          "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th"})
_OTHER = re.compile(r"[^A-Za-z0-9_.\-]+")


def slug(name: str) -> str | None:
    """`name` as a node id, or None if nothing of it is usable."""
    name = " ".join(name.split())
    if NODE_ID.match(name) and len(name) <= KEEP_LENGTH:
        return name
    ascii_name = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    ascii_name = ascii_name.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"-{2,}", "-", _OTHER.sub("-", ascii_name))
    text = text.lstrip("0123456789_.-").rstrip("_.-")
    if len(text) > MAX_LENGTH:
        cut = text[:MAX_LENGTH]
        text = (cut.rsplit("-", 1)[0] if "-" in cut[MAX_LENGTH // 2:] else cut).rstrip("_.-")
    return text or None


def assign_ids(outline: Outline) -> None:
    taken: set[str] = set()
    for item in outline.walk():
        base = slug(item.claim.name) if item.claim.name else None
        if base:
            item.id = _unique(base, taken)
    if not outline.thesis.id:
        outline.thesis.id = _unique("T", taken)
    _number(outline.thesis, taken)
    for prefix, roots in (("O", outline.objections), ("R", outline.rebuttals)):
        for number, root in enumerate(roots, start=1):
            if not root.id:
                root.id = _unique(f"{prefix}{number}", taken)
            _number(root, taken)


def _number(item: Item, taken: set[str]) -> None:
    counts = dict.fromkeys(Kind, 0)
    for child in item.members():
        counts[child.kind] += 1
        if not child.id:
            child.id = _unique(_position(item, child.kind, counts[child.kind]), taken)
        _number(child, taken)


def _position(parent: Item, kind: Kind, number: int) -> str:
    if kind is Kind.PREMISE:
        if parent.kind is Kind.THESIS:
            return f"P{number}"
        return f"{parent.id}.{number}" if parent.kind is Kind.PREMISE \
            else f"{parent.id}.P{number}"
    return f"{parent.id}.R{number}"


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate
