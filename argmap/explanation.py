"""Why a node has its label, and what became of the links undercut, in words.

Read by `argmap explain`, `argmap eval` notes and the lint rules that report a label.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.model import ArgMap, Label, Relation
from argmap.semantics import GROUNDED, Evaluation, LinkStatus


def thesis_verdict(amap: ArgMap, evaluation: Evaluation) -> str | None:
    """Why the thesis of `amap` does not stand, as a sentence; None when it stands."""
    key = evaluation.key(amap.id, amap.thesis.id)
    label = evaluation.labels.get(key)
    if label not in (Label.OUT, Label.UNDECIDED):
        return None
    verb = "is defeated" if label is Label.OUT else "is undecided"
    return f"The thesis {amap.thesis.id} {verb}: {why(evaluation, key, amap.id)}."


def why(evaluation: Evaluation, key: str, map_id: str | None = None) -> str:
    """One sentence on why a node has its label, naming attackers as written in `map_id`."""
    label = evaluation.labels[key]
    attacks = evaluation.attacks_on(key)
    attackers = evaluation.attackers(key)

    def named(keys: Iterable[str]) -> str:
        return ", ".join(f"`{evaluation.name(k, map_id) if map_id else k}`" for k in keys)

    if evaluation.count == 0:
        return f"no {evaluation.semantics} labelling exists, so nothing is decided"
    if not attackers:
        return "nothing attacks it"
    if label is Label.IN:
        undercut = [a for a in attacks if evaluation.labels[a.source] is not Label.OUT]
        if not undercut:
            return f"every attacker is defeated ({named(attackers)})"
        out = [a.source for a in attacks if evaluation.labels[a.source] is Label.OUT]
        parts = [f"{named(out)} {'is' if len(out) == 1 else 'are'} defeated"] if out else []
        for attack in undercut:
            by = standing(evaluation, attack)
            parts.append(f"the attack of {named([attack.source])} is undercut by {named(by)}, "
                         f"which {'stands' if len(by) == 1 else 'stand'}")
        return "; ".join(parts)
    if label is Label.OUT:
        winners = [a.source for a in attacks if a.counts is Label.IN]
        if winners:
            verb = "stands" if len(winners) == 1 else "stand"
            return f"attacked by {named(winners)}, which {verb}"
        return (f"defeated in every {evaluation.semantics} labelling, though no one attacker "
                "stands in all of them")
    if evaluation.semantics != GROUNDED:
        return f"its {evaluation.semantics} labellings disagree on it, or all leave it undecided"
    open_ = [a.source for a in attacks if a.counts is not Label.OUT]
    return (f"attacked by {named(open_)}, undecided, with no attacker standing: "
            "an attack cycle leaves it open")


def standing(evaluation: Evaluation, link: LinkStatus) -> list[str]:
    """The undercutters of a link whose undercut counts."""
    return [status.source for status in evaluation.links
            if status.relation is Relation.UNDERCUT and status.link.target == link.link
            and status.counts is Label.IN]


_VERB = {Label.IN: "stands", Label.OUT: "is defeated", Label.UNDECIDED: "is undecided"}


def link_sentences(evaluation: Evaluation, key: str, granted: bool = False) -> list[str]:
    """In words, the fate of each link `key` makes that something undercuts.

    "P4.C1 stands (granted); its attack on P4 is undercut by P4.C1.R1, which stands."
    """
    sentences = []
    subject = f"{key} {_VERB[evaluation.labels[key]]}" + (" (granted)" if granted else "")
    for link in evaluation.links_from(key):
        if not link.undercutters:
            continue
        by = ", and ".join(f"by {u}, which {_VERB[evaluation.labels[u]]}"
                           for u in link.undercutters)
        sentences.append(f"{subject}; its {_link_noun(link)} is undercut {by}.")
    return sentences


def undercut_sentences(evaluation: Evaluation, key: str) -> list[str]:
    """In words, each link `key` undercuts and whether that link still counts."""
    sentences = []
    for link in evaluation.links_from(key):
        if link.relation is not Relation.UNDERCUT:
            continue
        undercut = next(s for s in evaluation.links if s.link == link.link.target)
        fate = {Label.IN: "counts", Label.OUT: "does not count",
                Label.UNDECIDED: "is undecided"}[undercut.counts]
        sentences.append(f"{key} undercuts {undercut.source}'s {_link_noun(undercut)}, "
                         f"which {fate}.")
    return sentences


def _link_noun(link: LinkStatus) -> str:
    if link.relation is Relation.SUPPORT:
        return f"support for {link.target}"
    if link.relation is Relation.ATTACK:
        return f"attack on {link.target}"
    return f"undercut of {link.target}'s link to {link.target_of}"
