"""Hypothesis strategies: hostile text, arbitrary YAML, and valid maps of every shape.

A valid map is drawn as plain Python data (so the test knows every claim it holds) and
written out with PyYAML in a drawn style: block or flow, folded at a drawn width, with
prose in plain, quoted, literal or folded scalars.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st

#: Text that has broken renderers elsewhere: markup of every output argmap writes,
#: YAML indicators, right-to-left and bidi controls, emoji sequences, CJK, combining marks.
SNIPPETS = (
    "[bold]", "[/]", "[red]x[/red]", "<b>", "</b>", "<BR/>", "&amp;", "&", "&#0;", "<", ">",
    '"', "'", "\\", "\\N", "\\G", "\\n", "\\l", "{", "}", "|", "#", " #", ": ", "- ", "---",
    "...", "%", "@", "`", "*", "!", "?", ",", "[", "]", ":smile:", "$(rm)", "%s", "{0}",
    "\t", "\n", "\n\n", "  ", " ", "數據勞動", "数据", "，。", "（）", "「引号」", "ｆｕｌｌ",
    "שלום", "مرحبا", "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u200b", "\u200d",
    "\u00ad", "\ufeff", "👩‍💻", "🇨🇳", "👍🏽", "e\u0301", "\u0301",
    "ǅ", "ﬁ", "İ", "ß", "Å", "\U0001f600", "\U00010348", "\ue000", "\ufdd0",
    "yes", "no", "null", "~", "1.0", "0x1F", ".inf", "2024-01-01",
)

#: What no map may hold as it stands in the file, only as an escape in double quotes.
HOSTILE_SNIPPETS = (*SNIPPETS, "\u2028", "\u2029", "\x1b[31m", "\x00", "\r", "\r\n", "\x85")

_LOADER_REFUSES = "\ufffe\uffff\u2028\u2029"

#: Characters a map may hold: everything printable, tabs and newlines; no other control
#: characters (refused by the loader), no surrogates (not encodable).
map_characters = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters=_LOADER_REFUSES,
) | st.sampled_from("\t\n ")

#: Any character at all, control characters included.
any_characters = st.characters(codec="utf-8")


def prose(characters: st.SearchStrategy[str] = map_characters, max_pieces: int = 6,
          snippets: tuple[str, ...] = SNIPPETS) -> st.SearchStrategy[str]:
    """Short text mixing random characters with known troublemakers."""
    piece = st.one_of(st.text(characters, max_size=12), st.sampled_from(snippets))
    return st.lists(piece, max_size=max_pieces).map("".join)


claims = prose()
#: Claims that lint accepts (AM303 refuses a blank one), for properties of clean maps.
solid_claims = claims.map(lambda text: text if text.strip() else text + "x")
node_ids = st.from_regex(r"[A-Za-z][A-Za-z0-9_.\-]{0,6}", fullmatch=True)
map_ids = st.from_regex(r"[a-z][a-z0-9_\-]{0,6}", fullmatch=True)


# ------------------------------------------------------------------ valid maps


@dataclass
class Drawn:
    """A drawn map: the data written to YAML, and what the test needs to check it."""

    data: dict[str, Any]
    text: str
    claims: dict[str, str] = field(default_factory=dict)


class Prose(str):
    """A string written in the scalar style drawn for prose (claims, titles, notes)."""


def _dumper(style: str | None) -> type[yaml.SafeDumper]:
    class Dumper(yaml.SafeDumper):
        pass

    def represent(dumper: yaml.SafeDumper, data: Prose) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=style)

    Dumper.add_representer(Prose, represent)
    return Dumper


@st.composite
def dump(draw: st.DrawFn, data: Any, exact: bool = False) -> str:
    """`data` as YAML, in a drawn layout.

    With `exact`, a layout that does not read back as `data` is replaced by one without
    folded lines: PyYAML's emitter garbles a double-quoted scalar it folds at a column
    past the width (deep indentation, narrow width), which is PyYAML's bug, not argmap's.
    """
    style = draw(st.sampled_from([None, '"', "'", "|", ">"]))
    layout: dict[str, Any] = {
        "allow_unicode": draw(st.booleans()),
        "default_flow_style": draw(st.sampled_from([False, None, True])),
        "width": draw(st.sampled_from([20, 80, 10_000])),
        "indent": draw(st.sampled_from([2, 4])),
        "explicit_start": draw(st.booleans()),
    }
    text: str = yaml.dump(data, Dumper=_dumper(style), sort_keys=False, **layout)
    if exact and yaml.load(text, Loader=yaml.CSafeLoader) != data:
        layout["width"] = 10_000
        text = yaml.dump(data, Dumper=_dumper(style), sort_keys=False, **layout)
    return text


class _MapBuilder:
    def __init__(self, draw: st.DrawFn, ids: list[str], max_depth: int,
                 claim_texts: st.SearchStrategy[str]) -> None:
        self.draw = draw
        self.claim_texts = claim_texts
        self.ids = ids
        self.max_depth = max_depth
        self.claims: dict[str, str] = {}

    def node(self, kind: str, depth: int, node_id: str | None = None) -> dict[str, Any]:
        draw = self.draw
        node_id = node_id or self.ids.pop()
        claim = draw(self.claim_texts)
        self.claims[node_id] = claim
        data: dict[str, Any] = {"id": node_id, "claim": Prose(claim)}
        if draw(st.booleans()):
            data["source"] = draw(locators)
        for key in ("quote", "note"):
            if draw(st.integers(0, 3)) == 0:
                data[key] = Prose(draw(prose(max_pieces=3)))
        if draw(st.integers(0, 3)) == 0:
            data["tags"] = draw(st.lists(prose(max_pieces=2), max_size=3))
        if draw(st.integers(0, 3)) == 0:
            data["expect"] = draw(st.sampled_from(["in", "out", "undecided"]))
        if kind == "objection" and draw(st.booleans()):
            data["held_by"] = Prose(draw(prose(max_pieces=2)))
        if depth < self.max_depth:
            for key in ("premises", "counterexamples", "rebuttals"):
                if key == "rebuttals" and kind == "thesis":
                    continue
                children = self.children(key, depth)
                if children:
                    data[key] = children
        return data

    def children(self, key: str, depth: int) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        for _ in range(self.draw(st.integers(0, 3))):
            if not self.ids:
                break
            linked = key == "premises" and len(self.ids) >= 2 and self.draw(st.integers(0, 3)) == 0
            if linked:
                size = self.draw(st.integers(2, min(3, len(self.ids))))
                reserved = [self.ids.pop() for _ in range(size)]
                members = [self.node("premise", depth + 1, node_id) for node_id in reserved]
                items.append({"linked": members})
            else:
                items.append(self.node(key[:-1] if key != "premises" else "premise", depth + 1))
        return items


locators = st.fixed_dictionaries({}, optional={
    "section": prose(max_pieces=2).map(Prose),
    "para": st.integers(1, 10**6),
    "page": st.one_of(st.integers(1, 9999), st.sampled_from(["12-13", "iv", "xii-xiv"])),
    "footnote": st.integers(1, 500),
}).filter(bool)

bibliography = st.fixed_dictionaries({}, optional={
    "author": st.one_of(prose(max_pieces=2).map(Prose), st.lists(prose(max_pieces=2), max_size=3)),
    "title": prose(max_pieces=3).map(Prose),
    "year": st.integers(0, 3000),
    "kind": st.sampled_from(["article", "chapter", "book", "report", "thesis", "web", "talk",
                             "other"]),
    "venue": prose(max_pieces=2).map(Prose),
    "volume": st.one_of(st.integers(1, 99), prose(max_pieces=1)),
    "url": st.just("https://example.org/a?b=c&d=<e>"),
    "doi": st.just("10.1000/xyz\"123"),
})


def _references(draw: st.DrawFn, ids: list[str], others: list[str]) -> list[str]:
    pool = [*ids, *others]
    return draw(st.lists(st.sampled_from(pool), max_size=3, unique=True)) if pool else []


def _add_references(draw: st.DrawFn, nodes: list[dict[str, Any]], others: list[str]) -> None:
    ids = [node["id"] for node in nodes]
    for node in nodes:
        for key in ("supports", "attacks", "same_as"):
            if draw(st.integers(0, 4)) == 0:
                refs = _references(draw, ids, others if key != "supports" else others[:1])
                if refs:
                    node[key] = refs


def _walk(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    stack = [data]
    while stack:
        item = stack.pop()
        if "linked" in item:
            stack.extend(item["linked"])
            continue
        found.append(item)
        for key in ("premises", "counterexamples", "rebuttals"):
            stack.extend(item.get(key, ()))
    return found


@st.composite
def valid_map_data(draw: st.DrawFn, max_nodes: int = 24, max_depth: int = 4,
                   references: bool = True, blank_claims: bool = True,
                   ) -> tuple[dict[str, Any], dict[str, str]]:
    """A map every loader check accepts, and its claims by node id."""
    ids = draw(st.lists(node_ids, min_size=1, max_size=max_nodes, unique=True))
    builder = _MapBuilder(draw, ids, max_depth, claims if blank_claims else solid_claims)
    data: dict[str, Any] = {"argmap": 1, "id": draw(map_ids), "title": Prose(draw(claims))}
    if draw(st.booleans()):
        data["source"] = draw(bibliography)
    if draw(st.booleans()):
        data["summary"] = Prose(draw(prose()))
    data["thesis"] = builder.node("thesis", 1)
    roots = [data["thesis"]]
    for key in ("objections", "counterexamples", "rebuttals"):
        items = [builder.node(key[:-1], 2) for _ in range(draw(st.integers(0, 3))) if builder.ids]
        if items:
            data[key] = items
            roots.extend(items)
    if references:
        others = ["other:T", "every_kind:P1", "qiu:T"]
        _add_references(draw, [n for root in roots for n in _walk(root)], others)
    return data, builder.claims


@st.composite
def valid_maps(draw: st.DrawFn, /, **kwargs: Any) -> Drawn:
    data, node_claims = draw(valid_map_data(**kwargs))
    return Drawn(data, draw(dump(data, exact=True)), node_claims)


@st.composite
def deep_chains(draw: st.DrawFn, max_depth: int = 90) -> tuple[int, str]:
    """A map whose thesis has a premise, which has a premise... `depth` nodes in all."""
    depth = draw(st.integers(1, max_depth))
    node: dict[str, Any] = {"id": f"N{depth}", "claim": f"level {depth}"}
    for level in range(depth - 1, 0, -1):
        node = {"id": f"N{level}", "claim": f"level {level}", "premises": [node]}
    data = {"argmap": 1, "id": "deep", "title": "A deep chain", "thesis": node}
    return depth, draw(dump(data, exact=True))


# ------------------------------------------------------------------ hostile documents

_KEYS = ("argmap", "id", "title", "thesis", "claim", "premises", "objections", "linked",
         "counterexamples", "rebuttals", "supports", "attacks", "same_as", "source",
         "section", "para", "page", "footnote", "expect", "tags", "quote", "note", "held_by",
         "summary", "author", "year", "kind")

hostile_prose = prose(any_characters, max_pieces=3, snippets=HOSTILE_SNIPPETS)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile_prose,
    st.sampled_from(_KEYS), node_ids, st.binary(max_size=8), st.dates(),
)


def yaml_values(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Any data YAML can hold, keyed mostly by words a map uses."""
    keys = st.one_of(st.sampled_from(_KEYS), hostile_prose, st.integers(), st.booleans(),
                     st.none())
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=4),
                                st.dictionaries(keys, inner, max_size=5)),
        max_leaves=max_leaves,
    )


def _mutate(value: Any, draw: st.DrawFn) -> Any:
    """Replace, drop or add one part of a map's data."""
    if isinstance(value, dict) and value and draw(st.integers(0, 2)):
        key = draw(st.sampled_from(sorted(value, key=str)))
        copy = dict(value)
        action = draw(st.sampled_from(["replace", "drop", "recurse", "add"]))
        if action == "replace":
            copy[key] = draw(yaml_values(6))
        elif action == "drop":
            del copy[key]
        elif action == "add":
            copy[draw(st.sampled_from(_KEYS))] = draw(yaml_values(6))
        else:
            copy[key] = _mutate(copy[key], draw)
        return copy
    if isinstance(value, list) and value and draw(st.integers(0, 2)):
        index = draw(st.integers(0, len(value) - 1))
        items = list(value)
        items[index] = _mutate(items[index], draw)
        return items
    return draw(yaml_values(6))


@st.composite
def broken_map_documents(draw: st.DrawFn) -> str:
    """A valid map with a few parts replaced by anything YAML can hold."""
    data, _ = draw(valid_map_data(max_nodes=10, max_depth=3))
    for _ in range(draw(st.integers(1, 3))):
        data = _mutate(data, draw)
    return draw(dump(data))


@st.composite
def edited_texts(draw: st.DrawFn) -> str:
    """A valid map's text with characters inserted, deleted or moved, as a hasty edit would."""
    text = draw(valid_maps(max_nodes=8, max_depth=3)).text
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 20)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "indent"]))
        if action == "insert":
            piece = draw(st.one_of(st.text(any_characters, max_size=4),
                                   st.sampled_from(["&a ", "*a", "!!python/object ", "!x ",
                                                    "\t", ": ", "- ", "[", "{", "'", '"',
                                                    "\n", "\r\n", "\r", "\ufeff", "\x00"])))
            text = text[:start] + piece + text[start:]
        elif action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(st.sampled_from([" ", "  ", "    "])) + text[start:]
    return text


yaml_documents = st.one_of(
    st.text(any_characters, max_size=200),
    st.text(st.sampled_from(string.printable + "&*!|>-:?[]{}#%@`'\"\\"), max_size=200),
    yaml_values().flatmap(dump),
    broken_map_documents(),
    edited_texts(),
)
