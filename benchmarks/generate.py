"""Generate valid argument maps of any size, for the benchmarks.

`generate(map_id, nodes)` grows a map of exactly `nodes` nodes that uses every kind,
linked premises, `supports:` and `attacks:` within the map and (given a second map)
`supports:`, `attacks:` and `same_as:` into it, long claims, CJK text and characters
YAML must quote. Labels are planned while the tree grows: an attacker that is out always
has an answer that is in, and declared attacks only come from nodes that are in and only
hit nodes that are already out. So every `expect:` holds, every objection is answered,
and the map lints clean together with the map it refers to.

Each map is also written as Argdown (`[id]: text` statements with `+`/`-` relations) for
the side-by-side runs with the Argdown CLI.

    python -m benchmarks.generate OUT_DIR --nodes 500          # bench_500.yaml and its pair
    python -m benchmarks.generate OUT_DIR --corpus 1000        # 1,000 small maps in a ring
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MIN_NODES = 10
IN, OUT = "in", "out"
#: Nodes in the second map that a benchmark map refers to.
PARTNER_NODES = 30

_WORDS = (
    "data", "power", "labour", "platform", "state", "market", "workers", "surveillance",
    "history", "capital", "protest", "algorithm", "governance", "policy", "evidence",
    "counter-power", "regime", "infrastructure", "China", "the", "of", "and", "in", "a",
    "is", "not", "rests", "on", "shapes", "contested", "global", "local", "archive",
    "fieldwork", "campaign", "model", "claim", "reading", "network", "economy", "class",
    "struggle", "geopolitics", "Maoist", "era", "engineers", "couriers", "factory",
    "students", "censorship", "visibility", "resistance", "narrative", "superpower",
    "dystopia", "utopia", "contingent", "uneven", "everyday", "practice", "users",
)
_CJK_WORDS = (
    "数据", "劳动", "权力", "反抗", "监控", "平台", "资本", "国家", "工人", "算法", "治理",
    "历史", "技术", "社会", "市场", "抗议", "城市", "农民", "网络", "档案",
)
_SECTIONS = (
    "Introduction", "Labour", "Counter-power", "AI Superpower?", "Methods", "Conclusion",
    "数据与权力", "History: 1949-1978", "Platforms, states and markets",
)
_MARKED = (
    'Workers said "996" means 9am–9pm, 6 days a week & more.',
    "Text with [bold] <b>not markup</b>, a back\\slash, {braces} and a | pipe.",
    "Key: value, # not a comment, 100% of 'quotes' kept.",
    "Line one of a claim\nline two of the same claim.",
    "数据劳动 (data labour) is cheap & unprotected, says the \"report\".",
)
_PEOPLE = ("Kai-Fu Lee", "Some commentators", "李 明", "Shoshana Zuboff", "The press")
_FLOW_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 \-]*\Z")
_BLOCK_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;()'\-]*[A-Za-z0-9.)]\Z")
_ARGDOWN_SPECIAL = re.compile(r"[\[\]<>{}#*_@\\\n]")


@dataclass(eq=False)
class Spec:
    """One node being generated, with the label it is planned to get."""

    id: str
    kind: str
    label: str
    claim: str
    source: str
    group: int | None = None
    premises: list[Spec] = field(default_factory=list)
    counterexamples: list[Spec] = field(default_factory=list)
    rebuttals: list[Spec] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    attacks: list[str] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)
    #: Further keys, already written as YAML values (expect, held_by, quote, note, tags).
    extra: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    groups: int = 0

    def children(self) -> Iterator[Spec]:
        yield from self.premises
        yield from self.counterexamples
        yield from self.rebuttals

    def walk(self) -> Iterator[tuple[Spec, Spec | None]]:
        """Each node with its parent, in the order argmap's loader walks them."""
        stack: list[tuple[Spec, Spec | None]] = [(self, None)]
        while stack:
            node, parent = stack.pop()
            yield node, parent
            stack.extend((child, node) for child in reversed(list(node.children())))


@dataclass(eq=False)
class GeneratedMap:
    id: str
    title: str
    thesis: Spec
    objections: list[Spec] = field(default_factory=list)
    counterexamples: list[Spec] = field(default_factory=list)
    rebuttals: list[Spec] = field(default_factory=list)

    @property
    def roots(self) -> list[Spec]:
        return [self.thesis, *self.objections, *self.counterexamples, *self.rebuttals]

    def walk(self) -> Iterator[tuple[Spec, Spec | None]]:
        for root in self.roots:
            yield from root.walk()

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())

    def yaml(self) -> str:
        return "\n".join(_map_lines(self)) + "\n"

    def argdown(self) -> str:
        return "\n".join(_argdown_lines(self)) + "\n"


class _Text:
    """Claims, locators and the optional keys, drawn from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def claim(self) -> str:
        roll = self.rng.random()
        if roll < 0.15:
            return self.sentence(28, 40)
        if roll < 0.25:
            return self.cjk(10, 30)
        if roll < 0.33:
            return f"{self.cjk(2, 6)} ({self.sentence(2, 3)[:-1]}) {self.sentence(5, 12)}"
        if roll < 0.40:
            return f"{self.rng.choice(_MARKED)} {self.sentence(3, 8)}"
        return self.sentence(6, 18)

    def sentence(self, low: int, high: int) -> str:
        words = self.rng.choices(_WORDS, k=self.rng.randint(low, high))
        if len(words) > 8:
            words[len(words) // 2] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def cjk(self, low: int, high: int) -> str:
        target = self.rng.randint(low, high)
        text = ""
        while len(text) < target - 1:
            text += self.rng.choice(_CJK_WORDS)
            if len(text) > 8 and "，" not in text:
                text += "，"
        return text + "。"

    def source(self) -> str:
        roll = self.rng.random()
        if roll < 0.08:
            return f"{{page: {self.rng.randint(1, 300)}}}"
        if roll < 0.12:
            first = self.rng.randint(1, 299)
            return f'{{page: "{first}-{first + 1}"}}'
        if roll < 0.16:
            return f"{{footnote: {self.rng.randint(1, 90)}}}"
        section = self.rng.choice(_SECTIONS)
        name = section if _FLOW_PLAIN.match(section) else _quoted(section)
        return f"{{section: {name}, para: {self.rng.randint(1, 40)}}}"

    def extra(self, kind: str) -> dict[str, str]:
        found: dict[str, str] = {}
        roll = self.rng.random()
        if kind == "objection" and roll < 0.7:
            found["held_by"] = _quoted(self.rng.choice(_PEOPLE))
        if roll < 0.05:
            found["quote"] = _quoted(self.sentence(4, 20).lower()[:-1])
        elif roll < 0.08:
            found["note"] = _quoted(self.sentence(6, 30))
        elif roll < 0.12:
            found["tags"] = "[labour, 数据]"
        return found


def generate(map_id: str, nodes: int, seed: int = 0,
             other: GeneratedMap | None = None) -> GeneratedMap:
    """A valid map of exactly `nodes` nodes; with `other`, it also refers into `other`."""
    if nodes < MIN_NODES:
        raise ValueError(f"a generated map has at least {MIN_NODES} nodes, not {nodes}")
    rng = random.Random(f"{map_id}:{nodes}:{seed}")
    amap = _Grower(map_id, rng).grow(nodes)
    _link_within(amap, rng)
    if other is not None:
        refer(amap, other, seed)
    return amap


def refer(amap: GeneratedMap, other: GeneratedMap, seed: int = 0) -> None:
    """Add references from nodes of `amap` that are in into `other`, keeping all labels."""
    rng = random.Random(f"{amap.id}->{other.id}:{seed}")
    targets = [node for node, _ in other.walk()]
    defeated = [node for node in targets if node.label == OUT]
    standing = [node for node, _ in amap.walk() if node.label == IN]
    # One of each for certain, then about one in fifty nodes.
    amap.thesis.supports.append(f"{other.id}:{other.thesis.id}")
    amap.objections[0].counterexamples[0].attacks.append(f"{other.id}:{defeated[0].id}")
    amap.objections[0].counterexamples[0].same_as.append(f"{other.id}:{targets[-1].id}")
    for node in standing[1:]:
        roll = rng.random()
        if roll < 0.01:
            node.attacks.append(f"{other.id}:{rng.choice(defeated).id}")
        elif roll < 0.02:
            node.supports.append(f"{other.id}:{rng.choice(targets).id}")
        elif roll < 0.025:
            node.same_as.append(f"{other.id}:{rng.choice(targets).id}")


def _link_within(amap: GeneratedMap, rng: random.Random) -> None:
    """Declared edges inside the map that change no label and close no support cycle.

    A declared support always points to a node earlier in document order, as nested
    support does, so supports stay acyclic; a declared attack goes from a node that is in
    to one that is already out, which leaves both labels as planned.
    """
    order = list(amap.walk())
    defeated = [node for node, _ in order if node.label == OUT]
    for index, (node, parent) in enumerate(order[1:], start=1):
        if node.label != IN:
            continue
        roll = rng.random()
        if roll < 0.04:
            target = order[rng.randrange(index)][0]
            if target is not parent and target.id not in node.supports:
                node.supports.append(target.id)
        elif roll < 0.07:
            target = rng.choice(defeated)
            if target is not parent and target.id not in node.attacks:
                node.attacks.append(target.id)


class _Grower:
    """Grows the tree breadth first, a few units at a time, to an exact node count."""

    def __init__(self, map_id: str, rng: random.Random) -> None:
        self.rng = rng
        self.text = _Text(rng)
        self.frontier: deque[Spec] = deque()
        self.amap = GeneratedMap(map_id, f"Generated map {map_id}",
                                 self.node("T", "thesis", IN))
        self.amap.thesis.extra["expect"] = IN

    def node(self, node_id: str, kind: str, label: str, group: int | None = None) -> Spec:
        spec = Spec(node_id, kind, label, self.text.claim(), self.text.source(), group,
                    extra=self.text.extra(kind))
        if kind != "thesis" and self.rng.random() < 0.1:
            spec.extra["expect"] = label
        self.frontier.append(spec)
        return spec

    def grow(self, nodes: int) -> GeneratedMap:
        left = nodes - 1 - self.skeleton()
        while left > 0:
            parent = self.frontier.popleft() if self.frontier else self.amap.thesis
            for _ in range(self.rng.randint(1, 5)):
                if left <= 0:
                    break
                left -= self.unit(parent, left)
        return self.amap

    def skeleton(self) -> int:
        """One of everything: an answered objection, linked premises, a rebutted
        counterexample, a free-standing rebuttal. Returns the nodes it added."""
        thesis = self.amap.thesis
        objection = self.objection()
        self.linked(thesis)
        premise = self.premise(thesis)
        answer = next(self.attacker(premise, OUT).children())
        answer.supports.append(thesis.premises[0].id)
        rebuttal = self.node(f"R{len(self.amap.rebuttals) + 1}", "rebuttal", IN)
        rebuttal.attacks.append(objection.id)
        self.amap.rebuttals.append(rebuttal)
        return 8

    def unit(self, parent: Spec, left: int) -> int:
        """Add one premise, linked pair or attacker under `parent`; return the nodes added."""
        roll = self.rng.random()
        if left == 1:
            if parent.label == OUT and roll < 0.5:
                self.attacker(parent, IN)
            else:
                self.premise(parent)
            return 1
        if parent.kind == "thesis" and roll < 0.15:
            self.objection()
            return 2
        if roll < 0.45:
            self.premise(parent)
            return 1
        if roll < 0.55:
            self.linked(parent)
            return 2
        if parent.label == OUT and roll < 0.75:
            self.attacker(parent, IN)
            return 1
        self.attacker(parent, OUT)
        return 2

    def child_id(self, parent: Spec, suffix: str) -> str:
        number = parent.numbers.get(suffix, 0) + 1
        parent.numbers[suffix] = number
        if suffix == "P" and parent.kind == "thesis":
            return f"P{number}"
        if suffix == "P" and parent.kind == "premise":
            return f"{parent.id}.{number}"
        return f"{parent.id}.{suffix}{number}"

    def premise(self, parent: Spec, group: int | None = None) -> Spec:
        child = self.node(self.child_id(parent, "P"), "premise", IN, group)
        parent.premises.append(child)
        return child

    def linked(self, parent: Spec) -> None:
        parent.groups += 1
        for _ in range(2):
            self.premise(parent, parent.groups)

    def attacker(self, parent: Spec, label: str) -> Spec:
        """A counterexample or rebuttal under `parent`; one that is out gets its answer."""
        kind = "counterexample" if parent.kind == "thesis" or self.rng.random() < 0.5 \
            else "rebuttal"
        child = self.node(self.child_id(parent, kind[0].upper()), kind, label)
        (parent.counterexamples if kind == "counterexample" else parent.rebuttals).append(child)
        if label == OUT:
            self.attacker(child, IN)
        return child

    def objection(self) -> Spec:
        objection = self.node(f"O{len(self.amap.objections) + 1}", "objection", OUT)
        self.amap.objections.append(objection)
        answer = self.node(self.child_id(objection, "C"), "counterexample", IN)
        objection.counterexamples.append(answer)
        return objection


# ---------------------------------------------------------------- YAML


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _claim_lines(claim: str, pad: str) -> list[str]:
    if _BLOCK_PLAIN.match(claim) and len(claim) > 90:
        lines, line = [f"{pad}claim: >-"], ""
        for word in claim.split(" "):
            if line and len(line) + len(word) > 72:
                lines.append(f"{pad}  {line}")
                line = ""
            line = f"{line} {word}" if line else word
        return [*lines, f"{pad}  {line}"]
    return [f"{pad}claim: {claim if _BLOCK_PLAIN.match(claim) else _quoted(claim)}"]


def _node_lines(node: Spec, pad: str, item: bool) -> Iterator[str]:
    yield f"{pad[:-2]}- id: {node.id}" if item else f"{pad}id: {node.id}"
    yield from _claim_lines(node.claim, pad)
    yield f"{pad}source: {node.source}"
    for key, value in node.extra.items():
        yield f"{pad}{key}: {value}"
    if node.premises:
        yield f"{pad}premises:"
        done: set[int] = set()
        for premise in node.premises:
            if premise.group is None:
                yield from _node_lines(premise, pad + "    ", True)
            elif premise.group not in done:
                done.add(premise.group)
                yield f"{pad}  - linked:"
                for member in node.premises:
                    if member.group == premise.group:
                        yield from _node_lines(member, pad + "        ", True)
    for key, children in (("counterexamples", node.counterexamples),
                          ("rebuttals", node.rebuttals)):
        if children:
            yield f"{pad}{key}:"
            for child in children:
                yield from _node_lines(child, pad + "    ", True)
    for key, refs in (("supports", node.supports), ("attacks", node.attacks),
                      ("same_as", node.same_as)):
        if refs:
            yield f"{pad}{key}: [{', '.join(refs)}]"


def _map_lines(amap: GeneratedMap) -> Iterator[str]:
    yield "argmap: 1"
    yield f"id: {amap.id}"
    yield f"title: {_quoted(amap.title)}"
    yield "source:"
    yield "  author: [Ada Example, 李 明]"
    yield "  title: A Paper That Does Not Exist"
    yield "  year: 2024"
    yield "  kind: article"
    yield "summary: >-"
    yield "  A generated map for argmap's benchmarks: every kind of node, linked premises,"
    yield "  references within the map and into another, long claims and CJK text."
    yield "thesis:"
    yield from _node_lines(amap.thesis, "  ", False)
    for key, roots in (("objections", amap.objections),
                       ("counterexamples", amap.counterexamples),
                       ("rebuttals", amap.rebuttals)):
        if roots:
            yield f"{key}:"
            for root in roots:
                yield from _node_lines(root, "    ", True)


# ---------------------------------------------------------------- Argdown


def _argdown_text(text: str) -> str:
    return " ".join(_ARGDOWN_SPECIAL.sub(" ", text).split())


def _argdown_node(node: Spec, pad: str, sign: str) -> Iterator[str]:
    head = f"{pad}{sign} " if sign else pad
    yield f"{head}[{node.id}]: {_argdown_text(node.claim)}"
    inner = pad + "  "
    for premise in node.premises:
        yield from _argdown_node(premise, inner, "+")
    for attacker in (*node.counterexamples, *node.rebuttals):
        yield from _argdown_node(attacker, inner, "-")
    for ref in node.supports:
        yield f"{inner}+> [{ref}]"
    for ref in node.attacks:
        yield f"{inner}-> [{ref}]"


def _argdown_lines(amap: GeneratedMap) -> Iterator[str]:
    yield from _argdown_node(amap.thesis, "", "")
    for objection in amap.objections:
        yield from _argdown_node(objection, "  ", "-")
    for root in (*amap.counterexamples, *amap.rebuttals):
        yield ""
        yield from _argdown_node(root, "", "")


# ---------------------------------------------------------------- files


def write(amap: GeneratedMap, folder: Path) -> Path:
    """Write `amap` as ID.yaml and ID.argdown in `folder`; return the YAML file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{amap.id}.yaml"
    path.write_text(amap.yaml(), encoding="utf-8")
    (folder / f"{amap.id}.argdown").write_text(amap.argdown(), encoding="utf-8")
    return path


def write_pair(folder: Path, nodes: int, seed: int = 0) -> tuple[Path, Path]:
    """A map of `nodes` nodes and the smaller map it refers to; the two paths."""
    partner = generate(f"bench_{nodes}_ref", PARTNER_NODES, seed)
    amap = generate(f"bench_{nodes}", nodes, seed, other=partner)
    return write(amap, folder), write(partner, folder)


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """`count` maps of 10 to 80 nodes, each referring into the next (the last into the
    first), so that they lint clean only together."""
    rng = random.Random(f"corpus:{count}:{seed}")
    maps = [generate(f"c{i:05d}", rng.randint(MIN_NODES, 80), seed) for i in range(count)]
    for amap, other in zip(maps, maps[1:] + maps[:1], strict=True):
        if amap is not other:
            refer(amap, other, seed)
    return [write(amap, folder) for amap in maps]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the maps")
    parser.add_argument("--nodes", type=int, action="append", default=[],
                        help=f"write a map of this many nodes (at least {MIN_NODES}) "
                        "and its partner; repeat for more")
    parser.add_argument("--corpus", type=int, metavar="COUNT",
                        help="write COUNT small maps that refer to each other")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.nodes and not args.corpus:
        parser.error("give --nodes N or --corpus COUNT")
    for nodes in args.nodes:
        if nodes < MIN_NODES:
            parser.error(f"--nodes must be at least {MIN_NODES}")
        for path in write_pair(args.folder, nodes, args.seed):
            print(path)
    if args.corpus:
        paths = write_corpus(args.folder, args.corpus, args.seed)
        print(f"{len(paths)} maps in {args.folder}")


if __name__ == "__main__":
    main()
