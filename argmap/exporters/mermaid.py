"""A Mermaid flowchart (renders on GitHub, GitLab and in many slide tools).

Claims are boxes labelled with their id and text, supports are arrows (`-->`), attacks
arrows ending in a cross (`--x`, drawn red), both pointing from the reason to what it
answers, so the thesis sits at the top (`flowchart BT`). Co-premises meet at a small
`and` node before the arrow. Mermaid node names are generated (`n1`, `n2`...), so ids
with dots or dashes cannot clash with its syntax. Every label is quoted, with `#`, `"`,
`&`, `<`, `>` and backticks written as entity codes: user text is never read as markup.
Node and arrow statements end with `;`. Before parsing, Mermaid drops the last `;` of any
line that looks like a style (`style...:...#...;`), and entity codes end in `;`: the
terminator is the one it drops, so no claim loses a character.
"""

from __future__ import annotations

from argmap.exporters import Export
from argmap.model import ArgMap, Kind, Relation
from argmap.palette import BORDER, FILL

_ENTITIES = {"#": "#35;", '"': "#quot;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;"}
STYLES = {
    **{kind.value: f"fill:{FILL[kind]},stroke:{BORDER[kind]}"
       + (",stroke-width:2px" if kind is Kind.THESIS else "") for kind in Kind},
    "external": "fill:#ffffff,stroke:#999999,stroke-dasharray:4 3",
    "junction": "fill:#5f6368,stroke:#5f6368,color:#ffffff",
}
ATTACK_STYLE = "stroke:#c5221f,color:#c5221f"


def label(text: str) -> str:
    """`text` for inside a quoted Mermaid label: entities for markup, `<br/>` for breaks."""
    lines = ["".join(_ENTITIES.get(char, char) for char in line)
             for line in text.strip().splitlines()]
    return "<br/>".join(lines)


def export(amap: ArgMap) -> Export:
    names = {node.id: f"n{number}" for number, node in enumerate(amap.walk(), start=1)}
    lines = ["---", f"title: {_yaml_string(amap.title)}", "---", "flowchart BT"]
    for node in amap.walk():
        lines.append(f'  {names[node.id]}["{label(node.id + ": " + node.claim)}"]:::'
                     f"{node.kind.value};")
    arrows: list[str] = []
    attacks: list[int] = []
    junctions: dict[tuple[str, int], str] = {}
    for edge in amap.edges():
        source = names[edge.source]
        key = edge.target.id if edge.target.map in (None, amap.id) else str(edge.target)
        target = names.get(key)
        if target is None:  # in another map, or not in the map at all
            target = names[key] = f"x{len(names) + 1}"
            lines.append(f'  {target}["{label(key)}"]:::external;')
        if edge.relation is Relation.ATTACK:
            attacks.append(len(arrows))
            arrows.append(f"  {source} --x {target};")
        elif edge.group is not None:
            group = (edge.target.id, edge.group)
            if group not in junctions:
                junctions[group] = f"j{len(junctions) + 1}"
                lines.append(f'  {junctions[group]}(("and")):::junction;')
                arrows.append(f"  {junctions[group]} --> {target};")
            arrows.append(f"  {source} --- {junctions[group]};")
        else:
            arrows.append(f"  {source} --> {target};")
    for undercut in amap.undercuts():
        # Mermaid cannot end an arrow on an arrow: a dotted one to the link's source,
        # labelled with the link.
        ref = undercut.link.source
        start = names.get(ref.id) if ref.map in (None, amap.id) else None
        if start is not None:
            attacks.append(len(arrows))
            arrows.append(f'  {names[undercut.source]} -. "undercuts {label(str(undercut.link))}"'
                          f" .-x {start};")
    lines.extend(arrows)
    if attacks:
        lines.append(f"  linkStyle {','.join(map(str, attacks))} {ATTACK_STYLE}")
    # No `;` after a colour: Mermaid would read `#c5221f;` as an entity code.
    lines.extend(f"  classDef {name} {style}" for name, style in STYLES.items())
    return Export("\n".join(lines) + "\n")


def _yaml_string(text: str) -> str:
    import json

    # A JSON string is a YAML double-quoted scalar; the escapes keep it on one line.
    return json.dumps(" ".join(text.split()))
