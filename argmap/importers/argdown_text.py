"""Argdown text character by character: comments, inline markup, links, data blocks.

`without_comments` takes the comments out of a whole file before it is split into
lines; `inline` turns one element's text into plain text and its tags. Both scan in
time linear in the text (`ScannedText` keeps the lookups they repeat).
"""

from __future__ import annotations

import re

_TAG = re.compile(r"#(?:\(([^)]+)\)|([A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
_MARKS = ("**", "__", "*", "_")
_SENTINEL = "\x00"

# A run of `[` is taken at once: if no link starts at its first, none starts in it.
_COMMENT_SCAN = re.compile(r"\\|<!--|/\*|//|\[+|\{")
_INLINE_SCAN = re.compile(r"\\|#|\{|\[+|\*\*|__|\*|_")
_BRACES = re.compile(r"\\.|[{}]", re.S)


class ScannedText:
    """Text with the lookups the scanners need, each linear over the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, tuple[int, int]] = {}
        self._pairs: dict[int, int] | None = None

    def find(self, char: str, start: int) -> int:
        """`text.find(char, start)`, reusing the last answer while it still holds."""
        cached = self._found.get(char)
        if cached is not None and cached[0] <= start and (cached[1] >= start or cached[1] < 0):
            return cached[1]
        found = self.text.find(char, start)
        self._found[char] = (start, found)
        return found

    def link_end(self, start: int) -> int | None:
        """The end of a link `[title](url)` at `start`, as Argdown reads one."""
        close = self.find("]", start + 1)
        if close <= start + 1 or self.text[close + 1:close + 2] != "(":
            return None
        end = self.find(")", close + 2)
        return end + 1 if end > close + 2 else None

    def brace_end(self, start: int) -> int | None:
        """The end of the `{data}` block opening at `start`, or None if it never closes."""
        if self._pairs is None:
            self._pairs, stack = {}, []
            for match in _BRACES.finditer(self.text):
                if match.group() == "{":
                    stack.append(match.start())
                elif match.group() == "}" and stack:
                    self._pairs[stack.pop()] = match.end()
        return self._pairs.get(start)


def without_comments(text: str) -> str:
    """The text with comments removed; lines that held only a comment disappear."""
    scanned = ScannedText(text)
    out: list[str] = []
    pos = 0
    while (match := _COMMENT_SCAN.search(text, pos)) is not None:
        out.append(text[pos:match.start()])
        token, start = match.group(), match.start()
        end: int | None
        if token == "\\":
            end = start + 2
            out.append(text[start:end])
        elif token in ("<!--", "/*", "//"):
            close = {"<!--": "-->", "/*": "*/", "//": "\n"}[token]
            found = text.find(close, start + len(token))
            end = len(text) if found < 0 else found + (0 if close == "\n" else len(close))
            out.append(_SENTINEL)
        else:
            end = scanned.brace_end(start) if token == "{" else scanned.link_end(start)
            end = end or start + len(token)
            out.append(text[start:end])
        pos = end
    out.append(text[pos:])
    lines = "".join(out).split("\n")
    return "\n".join(line.replace(_SENTINEL, "") for line in lines
                     if not (_SENTINEL in line and not line.replace(_SENTINEL, "").strip()))


def small_yaml(text: str) -> object:
    """YAML data from the file, if small and free of aliases; None otherwise."""
    import yaml

    if len(text) > 65536:
        return None
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text)):
            return None
        return yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError):
        return None


def inline(raw: str, *, keep_tags: bool = False) -> tuple[str, list[str], bool]:
    """Argdown text as plain text: (text, tags, whether a data block was left out)."""
    scanned = ScannedText(raw)
    pieces: list[tuple[str, str]] = []  # ("text" | "mark", value)
    tags: list[str] = []
    data = False
    pos = 0
    while (match := _INLINE_SCAN.search(raw, pos)) is not None:
        if match.start() > pos:
            pieces.append(("text", raw[pos:match.start()]))
        token, start = match.group(), match.start()
        pos = start + len(token)
        if token == "\\":
            pieces.append(("text", raw[start + 1:start + 2]))
            pos = start + 2
        elif token == "#" and (tag := _TAG.match(raw, start)):
            tags.append(" ".join((tag.group(1) or tag.group(2)).split()))
            if keep_tags:
                pieces.append(("text", tag.group()))
            pos = tag.end()
        elif token == "{" and (end := scanned.brace_end(start)):
            data, pos = True, end
        elif token[0] == "[" and (end := scanned.link_end(start)):
            title, url = raw[start + 1:end].split("](", 1)
            pieces.append(("text", f"{title} ({url[:-1]})"))
            pos = end
        elif token in _MARKS:
            pieces.append(("mark", token))
        else:
            pieces.append(("text", token))
    pieces.append(("text", raw[pos:]))
    return " ".join(_unmark(pieces).split()), tags, data


def _unmark(pieces: list[tuple[str, str]]) -> str:
    """Drop emphasis markers that open and close around text; keep stray ones as text."""
    def before(index: int) -> str:
        return pieces[index - 1][1][-1:] or " " if index > 0 else " "

    def after(index: int) -> str:
        return pieces[index + 1][1][:1] or " " if index + 1 < len(pieces) else " "

    dropped: set[int] = set()
    open_at: dict[str, int] = {}
    for index, (kind, value) in enumerate(pieces):
        if kind != "mark":
            continue
        opener = open_at.get(value)
        if opener is not None and not before(index).isspace():
            dropped.update((opener, index))
            del open_at[value]
        elif not after(index).isspace():
            open_at[value] = index
    return "".join(value for index, (_, value) in enumerate(pieces) if index not in dropped)
