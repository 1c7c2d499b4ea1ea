"""Check argmap's Argdown export with the official Argdown parser (`make verify-argdown`).

    python tests/exporters/verify_argdown.py PATH/TO/argdown MAP.yaml...

Each map is exported, parsed by `argdown json`, and the parser's statements (titles and
text) and relations compared with the map's. Not part of the test suite: it needs npm.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from argmap.exporters import exporter
from argmap.exporters.common import relations
from argmap.links import Link, Links
from argmap.loader import load
from argmap.model import ArgMap, Relation


def expected(path: Path) -> tuple[dict[str, str], set[tuple[str, str, str]], set[tuple]]:
    amap = load(path)
    found = relations(amap, "Argdown")
    # Argdown keeps tags in a statement's text, as the export writes them: ` #(tag)`.
    statements = {node.id: " ".join(node.claim.split())
                  + "".join(f" #({' '.join(tag.split())})" for tag in node.tags)
                  for node in amap.walk()}
    edges = {(i.premises[0], i.conclusion, "support") for i in found.inferences if not i.linked}
    edges |= {(c.attacker, c.target, "attack") for c in found.conflicts}
    linked = {(tuple(i.premises), i.conclusion) for i in found.inferences if i.linked}
    edges |= {(source, title, "undercut") for source, title in undercuts(amap, linked)}
    return statements, edges, linked


def undercuts(amap: ArgMap, linked: set[tuple[tuple[str, ...], str]]) -> set[tuple[str, str]]:
    """(undercutter, title of the argument for the link) for each undercut inside the map."""
    groups = {(member, conclusion): " + ".join(premises) + " → " + conclusion
              for premises, conclusion in linked for member in premises}

    def title(link: Link) -> str | None:
        if isinstance(link.target, Link):
            inner = title(link.target)
            return inner and f"{link.source[1]} ⇒ ({inner})"
        if {link.source[0], link.target[0]} != {amap.id}:
            return None
        ends = (link.source[1], link.target[1])
        if link.relation is Relation.SUPPORT:
            return groups.get(ends, f"{ends[0]} → {ends[1]}")
        return f"{ends[0]} ⇒ {ends[1]}"

    found = set()
    for link in Links({amap.id: amap}).all():
        if link.relation is Relation.UNDERCUT and isinstance(link.target, Link):
            named = title(link.target)
            if named:
                found.add((link.source[1], named))
    return found


def parsed(argdown: str, path: Path, folder: Path) -> dict[str, object]:
    source = folder / f"{path.stem}.argdown"
    source.write_text(exporter("argdown")(load(path)).text, encoding="utf-8")
    run = subprocess.run([argdown, "json", str(source), str(folder)], capture_output=True,
                         text=True, timeout=300)
    if run.returncode != 0 or "error" in (run.stdout + run.stderr).lower():
        raise SystemExit(f"{path}: argdown failed:\n{run.stdout}{run.stderr}")
    data: dict[str, object] = json.loads((folder / f"{path.stem}.json").read_text("utf-8"))
    return data


def compare(path: Path, data: dict[str, object]) -> list[str]:
    statements, edges, linked = expected(path)
    found_statements = {
        title: next((m["text"] for m in cls["members"] if m.get("text")), "").strip()
        for title, cls in data["statements"].items()  # type: ignore[attr-defined]
    }
    found_edges = {(r["from"], r["to"], r["relationType"])
                   for r in data["relations"]}  # type: ignore[attr-defined]
    found_linked = {(tuple(p["title"] for p in arg["pcs"][:-1]), arg["pcs"][-1]["title"])
                    for arg in data["arguments"].values()  # type: ignore[attr-defined]
                    if arg["pcs"]}  # the arguments undercuts name have no structure
    problems = []
    if set(found_statements) != set(statements):
        problems.append(f"titles differ: {sorted(set(found_statements) ^ set(statements))}")
    for title, text in statements.items():
        if title in found_statements and found_statements[title] != text:
            problems.append(f"[{title}] reads {found_statements[title]!r}, not {text!r}")
    if found_edges != edges:
        problems.append(f"relations differ: {sorted(found_edges ^ edges)}")
    if found_linked != linked:
        problems.append(f"linked groups differ: {sorted(found_linked ^ linked)}")
    print(f"{path}: {len(found_statements)} statements, {len(found_edges)} relations "
          f"({sum(e[2] == 'support' for e in found_edges)} supports, "
          f"{sum(e[2] == 'attack' for e in found_edges)} attacks, "
          f"{sum(e[2] == 'undercut' for e in found_edges)} undercuts), "
          f"{len(found_linked)} linked groups: {'ok' if not problems else 'DIFFERENT'}")
    return problems


def main(argdown: str, paths: list[str]) -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for name in paths:
            problems = compare(Path(name), parsed(argdown, Path(name), Path(folder)))
            for problem in problems:
                print(f"  {problem}")
            failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2:]))
