"""Near misses of real maps: structure-aware mutations of the bundled maps and fixtures.

People do not write random YAML; they edit a map that worked. Each mutation here is an
edit a person could make (or a tool could botch): an id duplicated, renamed or deleted,
a reference pointed at the node itself, its ancestors, its descendants, an unknown or
malformed id or another map; a support or attack cycle; a subtree moved elsewhere; a
value of the wrong type; an empty, blank or huge value; markup and unusual Unicode; a
long chain of attackers; and, at the level of the text, a truncation or a flipped byte.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.conftest import BUNDLED, FIXTURES
from tests.fuzz.strategies import HOSTILE_SNIPPETS, SNIPPETS

#: Every map the mutations start from, by name.
SEEDS: dict[str, Path] = {
    **{path.stem: path for path in sorted(BUNDLED.glob("*.yaml"))},
    **{f"valid/{path.stem}": path for path in sorted((FIXTURES / "valid").glob("*.yaml"))},
    **{f"quotes/{path.stem}": path for path in sorted((FIXTURES / "quotes").glob("*.yaml"))},
}
_CHILD_LISTS = ("premises", "counterexamples", "rebuttals")
_TOP_LISTS = ("objections", "counterexamples", "rebuttals")
_REFERENCE_KEYS = ("supports", "attacks", "same_as")
MALFORMED_IDS = ("", " ", "1abc", "a b", "x:", ":x", "a::b", "../T", "T\n", "T#", "-",
                 "[T]", "qiu:", "Q:T:P", "é", "T" * 20_000)
OTHER_MAP_REFS = ("qiu:T", "arsene:O1", "he_shen:T", "every_kind:T", "other:T", "nomap:T",
                  "qiu:NOPE")

Data = dict[str, Any]


@dataclass
class Site:
    """A node in the data: the dict, its ancestors' ids and the list that holds it."""

    node: dict[str, Any]
    ancestors: tuple[str, ...]
    holder: list[Any] | None


def seed_data(name: str) -> Data:
    data = yaml.safe_load(SEEDS[name].read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def sites(data: Data) -> list[Site]:
    """Every node of the map, in document order."""
    found: list[Site] = []
    thesis = data.get("thesis")
    if isinstance(thesis, dict):
        _collect(thesis, (), None, found)
    for key in _TOP_LISTS:
        items = data.get(key)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict):
                    _collect(item, (), items, found)
    return found


def _collect(node: dict[str, Any], ancestors: tuple[str, ...], holder: list[Any] | None,
             found: list[Site]) -> None:
    found.append(Site(node, ancestors, holder))
    own = (*ancestors, str(node.get("id", "")))
    for key in _CHILD_LISTS:
        items = node.get(key)
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("linked"), list):
                for member in item["linked"]:
                    if isinstance(member, dict):
                        _collect(member, own, item["linked"], found)
            elif isinstance(item, dict):
                _collect(item, own, items, found)


def _descendants(site: Site, every: list[Site]) -> list[str]:
    own = site.node.get("id")
    return [str(other.node.get("id")) for other in every if own in other.ancestors]


def _ids(every: list[Site]) -> list[str]:
    return [str(site.node["id"]) for site in every if "id" in site.node]


# ------------------------------------------------------------------ the mutations

Mutation = Callable[[st.DrawFn, Data], None]


def duplicate_id(draw: st.DrawFn, data: Data) -> None:
    every = sites(data)
    ids = _ids(every)
    if every and ids:
        draw(st.sampled_from(every)).node["id"] = draw(st.sampled_from(ids))


def rename_id(draw: st.DrawFn, data: Data) -> None:
    every = sites(data)
    if every:
        draw(st.sampled_from(every)).node["id"] = draw(
            st.sampled_from(["Renamed", "T", "P1", "O1", *MALFORMED_IDS]))


def delete_id(draw: st.DrawFn, data: Data) -> None:
    every = sites(data)
    if every:
        draw(st.sampled_from(every)).node.pop("id", None)


def retarget(draw: st.DrawFn, data: Data) -> None:
    """Point a `supports:`, `attacks:` or `same_as:` list somewhere it should not go."""
    every = sites(data)
    if not every:
        return
    site = draw(st.sampled_from(every))
    own = str(site.node.get("id", "T"))
    choices = [own, *site.ancestors, *_descendants(site, every), "Unknown", *OTHER_MAP_REFS,
               *MALFORMED_IDS, *_ids(every)]
    targets = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=4))
    site.node[draw(st.sampled_from(_REFERENCE_KEYS))] = targets


def cycle(draw: st.DrawFn, data: Data) -> None:
    """Supports or attacks in a circle through 1 to 6 nodes."""
    every = [site for site in sites(data) if "id" in site.node]
    if not every:
        return
    ring = draw(st.lists(st.sampled_from(every), min_size=1, max_size=6))
    key = draw(st.sampled_from(("supports", "attacks")))
    for here, there in zip(ring, [*ring[1:], ring[0]], strict=True):
        here.node.setdefault(key, [])
        if isinstance(here.node[key], list):
            here.node[key].append(str(there.node["id"]))


def move_subtree(draw: st.DrawFn, data: Data) -> None:
    """Cut a node (with everything under it) and paste it under another node or the top."""
    every = [site for site in sites(data) if site.holder is not None]
    if not every:
        return
    moved = draw(st.sampled_from(every))
    inside = {id(site.node) for site in sites({"thesis": moved.node})}
    assert moved.holder is not None
    moved.holder[:] = [item for item in moved.holder if item is not moved.node]
    hosts = [site for site in sites(data) if id(site.node) not in inside]
    if hosts and draw(st.booleans()):
        host = draw(st.sampled_from(hosts)).node
        key = draw(st.sampled_from(_CHILD_LISTS))
    else:
        host, key = data, draw(st.sampled_from(_TOP_LISTS))
    if not isinstance(host.get(key), list):
        host[key] = []
    host[key].append(moved.node)


_ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**20),
    st.just(10**4000), st.floats(allow_nan=True), st.just(float("inf")),
    st.sampled_from(["", " ", "\t", "\n\n", "  x  ", "yes", "null", "0x1F", "2024-01-01"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.sampled_from(["a", "id"]),
                                                         st.integers(), max_size=2),
    st.just([[]]), st.just({}),
)


def change_type(draw: st.DrawFn, data: Data) -> None:
    """Any value anywhere (map, source, locator, node) becomes a value of another type."""
    holders: list[dict[str, Any]] = [data, *(site.node for site in sites(data))]
    holders += [h["source"] for h in holders if isinstance(h.get("source"), dict)]
    holder = draw(st.sampled_from(holders))
    if holder:
        holder[draw(st.sampled_from(sorted(holder)))] = draw(_ODD_VALUES)


_TEXT_KEYS = ("claim", "quote", "note", "held_by", "title", "summary")
_ODD_TEXT = st.one_of(
    st.sampled_from(["", " ", "\t \t", "\n", "\u3000", "\u200b"]),
    st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=8).map("".join),
    st.lists(st.sampled_from(HOSTILE_SNIPPETS), min_size=1, max_size=4).map("".join),
    st.integers(min_value=100, max_value=5_000).map(lambda n: "word " * n),
    st.just("x" * 200_000),
)


def odd_text(draw: st.DrawFn, data: Data) -> None:
    """An empty, blank, huge, markup-laden or unusual-Unicode claim, quote, note or title."""
    holders: list[dict[str, Any]] = [data, *(site.node for site in sites(data))]
    holder = draw(st.sampled_from(holders))
    holder[draw(st.sampled_from(_TEXT_KEYS))] = draw(_ODD_TEXT)


def attacker_chain(draw: st.DrawFn, data: Data, sizes: tuple[int, ...] = (2, 20, 120)) -> None:
    """A chain of free-standing rebuttals each attacking the one before, or nested ones."""
    size = draw(st.sampled_from(sizes))
    kind = draw(st.sampled_from(("rebuttals", "counterexamples")))
    target = str(data.get("thesis", {}).get("id", "T")) if isinstance(data.get("thesis"),
                                                                     dict) else "T"
    if draw(st.booleans()):
        chain = []
        for n in range(size):
            chain.append({"id": f"Z{n}", "claim": f"Answer {n}.", "attacks": [target]})
            target = f"Z{n}"
        data[kind] = [*(data.get(kind) or [] if isinstance(data.get(kind), list) else []),
                      *chain]
    else:
        holder: dict[str, Any] = {"id": "Z0", "claim": "Answer 0.", "attacks": [target]}
        data[kind] = [holder]
        for n in range(1, min(size, 80)):
            child = {"id": f"Z{n}", "claim": f"Answer {n}."}
            holder["rebuttals"] = [child]
            holder = child


def many_nodes(draw: st.DrawFn, data: Data) -> None:
    """Hundreds of premises under one node, or one id repeated hundreds of times."""
    every = sites(data)
    if not every:
        return
    host = draw(st.sampled_from(every)).node
    count = draw(st.sampled_from((50, 400)))
    repeat = draw(st.booleans())
    host["premises"] = [{"id": "R" if repeat else f"R{n}", "claim": f"Reason {n}."}
                        for n in range(count)]


MUTATIONS: tuple[Mutation, ...] = (
    duplicate_id, rename_id, delete_id, retarget, cycle, move_subtree, change_type,
    odd_text, attacker_chain, many_nodes,
)

# ------------------------------------------------------------------ text-level edits

_NUMBER = re.compile(r"\b(para|page|footnote|year): *\d+")


def text_edit(draw: st.DrawFn, text: str) -> str:
    """A botched save: truncated, a byte flipped, a line ending changed, a huge number."""
    if not text:
        return text
    choice = draw(st.sampled_from(("truncate", "flip", "newlines", "number", "insert")))
    where = draw(st.integers(0, len(text) - 1))
    if choice == "truncate":
        return text[:where]
    if choice == "flip":
        data = bytearray(text.encode("utf-8"))
        data[where % len(data)] ^= 1 << draw(st.integers(0, 7))
        return data.decode("utf-8", "surrogateescape")  # written back byte for byte
    if choice == "newlines":
        return text.replace("\n", draw(st.sampled_from(("\r", "\r\n", "\n\n", "\n \n"))))
    if choice == "number":
        big = draw(st.sampled_from(("0x" + "f" * 5000, "0b" + "1" * 5000, "9" * 5000,
                                    "0o" + "7" * 5000, "-1", "0", "1_0", "1e9", "0x_1")))
        return _NUMBER.sub(lambda m: f"{m[1]}: {big}", text, count=1)
    piece = draw(st.sampled_from((*HOSTILE_SNIPPETS, "&a ", "*a ", "!!python/object ",
                                  "<<: ", "\t", "{", "]", "'", '"')))
    return text[:where] + piece + text[where:]


@dataclass
class Mutant:
    """A mutated map: where it came from, what was done, and its text."""

    seed: str
    steps: tuple[str, ...]
    text: str

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8", "surrogateescape")

    def describe(self) -> str:
        return f"{self.seed} after {', '.join(self.steps) or 'no change'}"

    def __repr__(self) -> str:
        digest = hashlib.sha256(self.data).hexdigest()[:12]
        return f"Mutant({self.describe()}, {len(self.data):,} bytes, sha256 {digest})"


def dump(data: Data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@st.composite
def mutants(draw: st.DrawFn, seeds: tuple[str, ...] = tuple(SEEDS),
            chain_sizes: tuple[int, ...] = (2, 20, 120)) -> Mutant:
    """A seed map with one to three structural mutations, and sometimes a text edit."""
    seed = draw(st.sampled_from(seeds))
    data = copy.deepcopy(_seed_cache(seed))
    steps: list[str] = []
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        if mutation is attacker_chain:
            attacker_chain(draw, data, chain_sizes)
        else:
            mutation(draw, data)
        steps.append(mutation.__name__)
    text = dump(data)
    if draw(st.integers(0, 3)) == 0:
        text = text_edit(draw, text)
        steps.append("text_edit")
    return Mutant(seed, tuple(steps), text)


_SEEDS_DATA: dict[str, Data] = {}


def _seed_cache(name: str) -> Data:
    if name not in _SEEDS_DATA:
        _SEEDS_DATA[name] = seed_data(name)
    return _SEEDS_DATA[name]


def node_ids(text: str) -> Iterator[str]:
    """Ids written in the text, for commands that take one (explain)."""
    for match in re.finditer(r"\bid: *([A-Za-z][A-Za-z0-9_.\-]*)", text):
        yield match.group(1)
