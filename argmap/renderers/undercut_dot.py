"""Undercuts in a DOT drawing: an arrow onto the link it attacks, not onto a node.

The link undercut is split by a small junction point, as linked premises meet at one,
and the undercutter's arrow ends at that junction. A nested undercutter still hangs under
the node whose inference it answers, held there by an invisible edge. Undercuts of
undercuts split the undercut's own arrow the same way. `dot.MapDrawing` calls `split`
on its arrows before writing them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from argmap.links import Link, Links, links_for
from argmap.model import ArgMap, Relation

if TYPE_CHECKING:
    from argmap.renderers.dot_style import DotOptions, Theme


class Drawn(Protocol):
    """An arrow as `dot._Link` holds it: `upper` is ranked above `lower`."""

    @property
    def upper(self) -> str: ...
    @property
    def lower(self) -> str: ...
    @property
    def attrs(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Arrow:
    upper: str
    lower: str
    attrs: Mapping[str, str]


def undercut_style(options: DotOptions, theme: Theme) -> dict[str, str]:
    """The undercut arrow: the attack colour, dotted and heavier, with a bar at the link."""
    return {"color": theme.attack, "style": "dotted", "penwidth": "1.8",
            "arrowhead": "tee"}


def has_undercuts(amap: ArgMap) -> bool:
    return any(node.undercuts for node in amap.walk())


def _junction(index: int, prefix: str) -> str:
    return f"~undercut {prefix}{index}"


def split(amap: ArgMap, names: Mapping[str, str], arrows: Sequence[Drawn],
          options: DotOptions, theme: Theme, prefix: str = "",
          stubs: Mapping[str, str] | None = None,
          ) -> tuple[list[Drawn], list[tuple[str, dict[str, str]]]]:
    """The arrows with every undercut drawn onto its link, and the junction nodes to add.

    `names` maps node ids to DOT names, `stubs` the names of the boxes standing for
    nodes drawn elsewhere or in other maps to the references they stand for (`P1`,
    `arsene:O1`). A link not drawn here (folded away) leaves its undercut undrawn.
    """
    if not has_undercuts(amap):
        return list(arrows), []
    ids = {name: (amap.id, node_id) for node_id, name in names.items()}
    for name, ref in (stubs or {}).items():
        other, _, node_id = ref.rpartition(":")
        ids[name] = (other or amap.id, node_id)
    links = links_for(amap, {amap.id: amap})
    nested = {(node.id, node.parent) for node in amap.walk() if node.nested_undercut}
    result: list[Drawn] = list(arrows)
    drawn: dict[Link, int] = {}
    for i, arrow in enumerate(result):
        link = _link_of(amap.id, arrow, ids, links)
        if link is not None:
            drawn.setdefault(link, i)
        lower, upper = ids.get(arrow.lower, ("", ""))[1], ids.get(arrow.upper, ("", ""))[1]
        if (lower, upper) in nested and arrow.attrs.get("dir") == "back":
            result[i] = Arrow(arrow.upper, arrow.lower, {"style": "invis"})
    junctions: dict[Link, str] = {}
    nodes: list[tuple[str, dict[str, str]]] = []
    pending = [link for link in links.all() if link.relation is Relation.UNDERCUT]
    while pending:
        later = []
        for undercut in pending:
            target = undercut.target
            assert isinstance(target, Link)
            if target not in drawn:
                later.append(undercut)
                continue
            junction = junctions.get(target)
            if junction is None:
                junction = _junction(len(junctions), prefix)
                junctions[target] = junction
                colour = theme.support if target.relation is Relation.SUPPORT else theme.attack
                nodes.append((junction, {"shape": "point", "width": "0.07", "label": "",
                                         "color": colour}))
                _cut(result, drawn[target], junction)
            source = names.get(undercut.source[1])
            if source is None or undercut.source[0] != amap.id:
                continue
            drawn[undercut] = len(result)
            # Drawn upwards, from the junction down to the undercutter, so the layout keeps
            # the undercutter below the link it answers.
            style = undercut_style(options, theme)
            del style["arrowhead"]
            result.append(Arrow(junction, source, {**style, "dir": "back", "arrowtail": "tee"}))
        if len(later) == len(pending):
            break
        pending = later
    return result, nodes


def _cut(arrows: list[Drawn], index: int, junction: str) -> None:
    """Route arrow `index` through `junction`: the arrowhead stays on the far part."""
    arrow = arrows[index]
    back = arrow.attrs.get("dir") == "back"
    plain = {key: value for key, value in arrow.attrs.items()
             if key not in ("dir", "arrowhead", "arrowtail", "headport")}
    if back:
        # upper <-(head)- junction - lower: the head part keeps the arrow.
        arrows[index] = Arrow(arrow.upper, junction, arrow.attrs)
        arrows.append(Arrow(junction, arrow.lower, {**plain, "dir": "none"}))
    else:
        arrows[index] = Arrow(arrow.upper, junction, {**plain, "arrowhead": "none"})
        arrows.append(Arrow(junction, arrow.lower, arrow.attrs))


def _link_of(map_id: str, arrow: Drawn, ids: Mapping[str, tuple[str, str]],
             links: Links) -> Link | None:
    """The model link an arrow draws: tree arrows point back up, declared ones down."""
    if arrow.attrs.get("style") == "invis":
        return None
    back = arrow.attrs.get("dir") == "back"
    source_name, target_name = (arrow.lower, arrow.upper) if back else (arrow.upper,
                                                                          arrow.lower)
    source, target = ids.get(source_name), ids.get(target_name)
    if source is None or target is None:
        return None
    for link in links.links_from(source):
        if not isinstance(link.target, Link) and link.target == target:
            return link
    return None


def legend_lines(amap: ArgMap, options: DotOptions, theme: Theme,
                 ) -> list[tuple[str, Mapping[str, str]]]:
    """The legend's sample undercut arrow, for maps that have undercuts."""
    return [("undercuts", undercut_style(options, theme))] if has_undercuts(amap) else []
