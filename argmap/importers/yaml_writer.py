"""Write an imported map as YAML a person would keep editing, and argmap loads back.

The structure is written by hand, so comments can sit above the nodes they are about;
every scalar goes through PyYAML's emitter (`yaml.safe_dump`), which quotes whatever
YAML would otherwise read as something else (`yes`, `- a`, `a: b`, `#x`). Long claims
are folded (`>-`) and text with line breaks is a literal block (`|-`) only where the
text survives that unchanged; otherwise it is a double-quoted scalar. No tags, no
anchors, no duplicate keys.
"""

from __future__ import annotations

import math
import re
import textwrap

import yaml

from argmap.importers.graph import clean_text, one_line
from argmap.importers.outline import Item, Outline
from argmap.model import Kind

WIDTH = 88
# Characters a block scalar shows as they are (YAML's printable set, no tabs, no line
# breaks, no byte-order mark).
_BLOCK_SAFE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                         "\U00010000-\U0010ffff]*\\Z")
_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def scalar(text: str) -> str:
    """`text` as one YAML scalar on one line, quoted only if it has to be."""
    if not any(mark in text for mark in _BREAKS):
        out = yaml.safe_dump(text, allow_unicode=True, width=math.inf)
        out = out.removesuffix("\n...\n").removesuffix("\n")
        if "\n" not in out:
            return out
    return yaml.safe_dump(text, allow_unicode=True, width=math.inf,
                          default_style='"').removesuffix("\n")


def text_field(key: str, text: str, column: int) -> list[str]:
    """`key: text`, as a folded or literal block where that keeps the text exactly."""
    pad = " " * column
    inner = pad + "  "
    single = f"{pad}{key}: {scalar(text)}"
    paragraphs = text.split("\n")
    if (len(single) > WIDTH or len(paragraphs) > 1) and all(map(_fold_safe, paragraphs)):
        folded = _fold(paragraphs, max(WIDTH - len(inner), 40))
        if folded is not None:
            return [f"{pad}{key}: >-", *(inner + line if line else "" for line in folded)]
    if len(paragraphs) > 1 and _literal_safe(paragraphs):
        return [f"{pad}{key}: |-", *(inner + line if line else "" for line in paragraphs)]
    return [single]


def _fold(paragraphs: list[str], width: int) -> list[str] | None:
    """Lines of a folded block (`>-`) that read back as `paragraphs` joined by `\\n`."""
    lines: list[str] = []
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, width, break_long_words=False,
                                break_on_hyphens=False)
        if " ".join(wrapped) != paragraph:
            return None
        lines += [*([""] if lines else []), *wrapped]
    return lines


def _literal_safe(lines: list[str]) -> bool:
    return (bool(lines[0]) and bool(lines[-1])
            and all(line == line.strip() and _BLOCK_SAFE.match(line) for line in lines))


def _fold_safe(text: str) -> bool:
    return bool(text) and text == text.strip() and "  " not in text \
        and bool(_BLOCK_SAFE.match(text))


def comment(text: str, column: int) -> list[str]:
    """`text` as comment lines; an item (`- text`) keeps its continuation lines indented."""
    flat = one_line(text)
    hang = "  " if flat.startswith("- ") else ""
    lines = textwrap.wrap(flat, WIDTH - column - 2, subsequent_indent=hang,
                          break_long_words=False, break_on_hyphens=False)
    return [f"{' ' * column}# {line}" for line in lines]


def write(outline: Outline, *, map_id: str, title: str, header: list[str],
          author: tuple[str, ...] = ()) -> str:
    out: list[str] = []
    for paragraph in header:
        out += comment(paragraph, 0) if paragraph else ["#"]
    out += ["argmap: 1", f"id: {scalar(map_id)}",
            *text_field("title", one_line(title) or "Imported map", 0)]
    if len(author) == 1:
        out += ["source:", f"  author: {scalar(author[0])}"]
    elif author:
        out += ["source:", "  author:", *(f"    - {scalar(name)}" for name in author)]
    out += [line for note in outline.thesis.claim.comments for line in comment(note, 0)]
    out += ["thesis:", *_body(outline.thesis, 2)]
    for key, roots in (("objections", outline.objections), ("rebuttals", outline.rebuttals)):
        if roots:
            out.append(f"{key}:")
            for root in roots:
                out += _entry(root, 2)
    return "\n".join(out) + "\n"


def _entry(item: Item, column: int) -> list[str]:
    """`item` as a list entry whose dash is at `column`, with its comments above it."""
    notes = [line for note in item.claim.comments for line in comment(note, column)]
    body = _body(item, column + 2)
    return [*notes, " " * column + "- " + body[0][column + 2:], *body[1:]]


def _body(item: Item, column: int) -> list[str]:
    pad = " " * column
    claim = clean_text(item.claim.text) or "(no text)"
    out = [f"{pad}id: {scalar(item.id)}", *text_field("claim", claim, column)]
    note = clean_text("\n".join(item.claim.notes))
    if note:
        out += text_field("note", note, column)
    tags = [tag for tag in map(one_line, item.claim.tags) if tag]
    if tags:
        out += [f"{pad}tags:", *(f"{pad}  - {scalar(tag)}" for tag in tags)]
    for key, refs in (("supports", item.supports), ("attacks", item.attacks),
                      ("undercuts", item.undercuts)):
        if refs:
            out.append(f"{pad}{key}: [{', '.join(scalar(ref) for ref in refs)}]")
    premises = [c for c in item.children if isinstance(c, list) or c.kind is Kind.PREMISE]
    attackers = [c for c in item.children if not isinstance(c, list) and c.kind is not Kind.PREMISE]
    if premises:
        out.append(f"{pad}premises:")
        for child in premises:
            out += _linked(child, column + 2) if isinstance(child, list) \
                else _entry(child, column + 2)
    if attackers:
        out.append(f"{pad}rebuttals:")
        for child in attackers:
            assert isinstance(child, Item)
            out += _entry(child, column + 2)
    return out


def _linked(group: list[Item], column: int) -> list[str]:
    out = [" " * column + "- linked:"]
    for member in group:
        out += _entry(member, column + 4)
    return out
