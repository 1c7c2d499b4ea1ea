"""Attacks on links, reduced to a plain Dung framework.

A map with undercuts is an extended framework (Modgil 2009; Baroni et al. 2011, AFRA):
some attacks attack other attacks, or supports. The standard reduction gives every
undercut link a -> b two auxiliary arguments, the complement of a (written `¬a`) and the
link itself (written `[a -> b]`), with a -> ¬a -> [a -> b] -> b, and makes each
undercutter attack the link argument. The link argument is IN exactly when the link
counts: its source is IN and no undercutter of it counts. Undercuts of undercuts nest the
same way. A link nothing undercuts needs no auxiliary arguments: it counts when its
source is IN. Every semantics then runs unchanged; only the real arguments are reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import Relation


@dataclass(frozen=True, slots=True)
class AbstractLink:
    """A link between arguments by position, or (`on_link`) an undercut of another link."""

    source: int
    relation: Relation
    #: The argument attacked or supported; for an undercut, the index of the link undercut.
    target: int
    on_link: bool = False


@dataclass(frozen=True, slots=True)
class Reduction:
    """The Dung framework's arguments and attacks, and where each link's status is read."""

    keys: tuple[str, ...]
    #: The first `real` keys are the arguments given; the rest are auxiliary.
    real: int
    pairs: tuple[tuple[int, int], ...]
    #: Per link: the argument whose label is the link's status (its source when nothing
    #: undercuts it, else its link argument).
    status: tuple[int, ...]
    #: Per link: whether anything undercuts it.
    undercut: tuple[bool, ...]


def reduce(keys: Sequence[str], links: Sequence[AbstractLink]) -> Reduction:
    """Reduce arguments `keys` and `links` among them (undercuts included) to attacks."""
    undercut = [False] * len(links)
    for link in links:
        if link.on_link:
            undercut[link.target] = True
    names = list(keys)
    complement: dict[int, int] = {}
    pairs: dict[tuple[int, int], None] = {}
    status: list[int] = []
    for index, link in enumerate(links):
        if not undercut[index]:
            status.append(link.source)
            continue
        if link.source not in complement:
            complement[link.source] = len(names)
            names.append(f"¬{keys[link.source]}")
            pairs[link.source, complement[link.source]] = None
        argument = len(names)
        names.append(f"[{index}: {_describe(keys, links, index)}]")
        pairs[complement[link.source], argument] = None
        status.append(argument)
    for link, source in zip(links, status, strict=True):
        if link.relation is Relation.SUPPORT:
            continue
        pairs[source, status[link.target] if link.on_link else link.target] = None
    return Reduction(tuple(names), len(keys), tuple(pairs), tuple(status), tuple(undercut))


def _describe(keys: Sequence[str], links: Sequence[AbstractLink], index: int) -> str:
    link = links[index]
    far = keys[links[link.target].source] if link.on_link else keys[link.target]
    return f"{keys[link.source]} {link.relation.value} {far}"
