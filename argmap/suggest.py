"""Did-you-mean for node ids: the nearest id of the same kind and depth first.

Plain string similarity offers `P2` for a mistyped `O2`: one character apart, but a
premise where an objection was meant. Ids in argmap maps name their kind by their first
letter and their depth by their dots, so candidates that share both are preferred.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest_id(wanted: str, ids: Iterable[str], cutoff: float = 0.5) -> str | None:
    choices = sorted(set(ids))
    candidates = difflib.get_close_matches(wanted, choices, n=8, cutoff=cutoff)
    if not candidates:
        return None

    def rank(candidate: str) -> tuple[bool, bool, float]:
        same_kind = candidate[:1].upper() == wanted[:1].upper()
        same_depth = candidate.count(".") == wanted.count(".")
        similarity = difflib.SequenceMatcher(None, wanted, candidate).ratio()
        return (same_kind, same_depth, similarity)

    return max(candidates, key=rank)
